package uk.civicpulse.analytics.peers;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import uk.civicpulse.analytics.councils.CouncilRepository;
import uk.civicpulse.analytics.satisfaction.SliceQuery;
import uk.civicpulse.analytics.stats.FunnelPlot;
import uk.civicpulse.analytics.trends.PeriodCounts;
import uk.civicpulse.analytics.trends.SatisfiedCounts;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Peer benchmarking (CSE 4.2.3): the council on a funnel plot against each of its peer groups, never a bare league
 * table. What the funnel route, the dashboard's peers page, the public results and the evidence pack all show. Who may
 * read the council is decided by the caller; the other members give aggregates only.
 */
@Singleton
public class PeerFunnelService {

    static final int CURVE_POINTS = 60;

    private final CouncilRepository councils;
    private final SatisfiedCounts counts;
    private final int minimumN;

    public PeerFunnelService(CouncilRepository councils, SatisfiedCounts counts,
                             @Value("${civic-pulse.satisfaction.minimum-n:30}") int minimumN) {
        this.councils = councils;
        this.counts = counts;
        this.minimumN = minimumN;
    }

    /**
     * For each peer group the council belongs to: every member's n and % satisfied over the range, the peer-group
     * value (pooled proportion), and Spiegelhalter's (2005) exact binomial funnel limits with interpolation at 95%
     * and 99.8% around it, at each member's n and along a curve for drawing. Each council is inside, above or below.
     * The slice is matched by code in every member council: a council that does not use that code has no responses
     * in it.
     */
    public FunnelReport funnel(SliceQuery query) {
        String council = query.council();
        // validate once for the council asking, so a bad range is a 400 even with no peer group
        PeriodCounts own = counts.total(query);
        List<FunnelReport.Group> groups = new ArrayList<>();
        for (CouncilRepository.PeerGroup group : councils.peerGroups(council)) {
            List<PeriodCounts> members = group.members().stream()
                    .map(m -> m.equals(council) ? own : counts.total(query.forCouncil(m))).toList();
            long n = members.stream().mapToLong(PeriodCounts::n).sum();
            long satisfied = members.stream().mapToLong(PeriodCounts::satisfied).sum();
            Double theta = n == 0 ? null : (double) satisfied / n;
            List<FunnelReport.CouncilPoint> points = new ArrayList<>();
            long largest = 0;
            for (int i = 0; i < members.size(); i++) {
                PeriodCounts m = members.get(i);
                largest = Math.max(largest, m.n());
                FunnelReport.Limits limits = theta == null || m.n() == 0 ? null : limits(theta, m.n());
                points.add(new FunnelReport.CouncilPoint(group.members().get(i), group.members().get(i).equals(council), m.n(),
                        m.satisfied(), m.n() == 0 ? null : (double) m.satisfied() / m.n(), limits,
                        limits == null ? FunnelPlot.NO_RESPONSES : FunnelPlot.position(m.satisfied(), m.n(), limits.lower95(), limits.upper95()),
                        limits == null ? FunnelPlot.NO_RESPONSES : FunnelPlot.position(m.satisfied(), m.n(), limits.lower998(), limits.upper998()),
                        m.n() < minimumN ? "too few responses" : null));
            }
            groups.add(new FunnelReport.Group(group.code(), group.description(), n, satisfied, theta, points,
                    theta == null ? List.of() : curve(theta, largest)));
        }
        return new FunnelReport(council, query.service(), query.channel(), query.givenFilters(), own.from(), own.to(), FunnelPlot.METHOD, groups);
    }

    static FunnelReport.Limits limits(double theta, long n) {
        FunnelPlot.Limits l = FunnelPlot.limits(theta, n);
        return new FunnelReport.Limits(n, l.lower95(), l.upper95(), l.lower998(), l.upper998());
    }

    /** Limits at sample sizes spaced evenly on a log scale from 1 to 1.5 times the largest member's n. */
    public static List<FunnelReport.Limits> curve(double theta, long largest) {
        double top = Math.min(Integer.MAX_VALUE, Math.max(10, largest * 1.5));
        TreeSet<Long> sizes = new TreeSet<>();
        for (int i = 0; i < CURVE_POINTS; i++) {
            sizes.add(Math.max(1, Math.round(Math.exp(Math.log(top) * i / (CURVE_POINTS - 1)))));
        }
        return sizes.stream().map(n -> limits(theta, n)).toList();
    }
}
