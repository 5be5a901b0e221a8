package uk.civicpulse.analytics.timeliness;

/**
 * Where the statistics work plugs in (branches stats/stats2): a p-chart per standard over {@code period=month} rows
 * to flag dips with the NHS Making Data Count rules (CSE 4.3.1, 5.3.1), and Spiegelhalter funnel limits around the
 * peer points of {@code /timeliness/peers} (CSE 5.3.3). Both take, per row or point, n and the count within standard,
 * which {@link TimelinessRow#withinStandard()} and {@link TimelinessController.PeerPoint} already carry. Not wired
 * yet: until then the API gives plain shares with Wilson intervals and the local {@link TargetStatus}.
 */
final class PeerFunnelSeam {

    private PeerFunnelSeam() {
    }
}
