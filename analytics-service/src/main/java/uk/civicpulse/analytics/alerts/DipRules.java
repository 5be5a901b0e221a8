package uk.civicpulse.analytics.alerts;

import uk.civicpulse.analytics.stats.ControlChart;
import uk.civicpulse.analytics.stats.PChart;
import uk.civicpulse.analytics.stats.ProportionEstimate;
import uk.civicpulse.analytics.stats.WilsonInterval;
import uk.civicpulse.analytics.trends.PeriodCounts;

import java.util.ArrayList;
import java.util.List;

/**
 * Which breaches of the Making Data Count rules on a p-chart become alerts: those that reach into the latest
 * {@code recentMonths} periods. On the low side (a fall in satisfaction) a {@link Alert#DIP}, judged against the lower
 * control limit; on the high side (a sustained rise: special cause "improvement" in Making Data Count terms) an
 * {@link Alert#IMPROVEMENT}, judged against the upper limit and worded as good news. Each is keyed by kind, council,
 * service, channel, rule, side and the period its run <em>starts</em> in, so a run that grows by a month, or a chart
 * evaluated again, is the same alert.
 */
public final class DipRules {

    private DipRules() {
    }

    /**
     * @param series   the charted periods, oldest first; the baseline is its first {@code baselinePeriods}
     * @param recent   how many of the latest periods a breach must reach into
     */
    public static List<Alert.Candidate> candidates(String council, String service, String channel, List<PeriodCounts> series,
                                                   int baselinePeriods, int recent) {
        long baselineSatisfied = 0;
        long baselineN = 0;
        for (PeriodCounts p : series.subList(0, Math.min(baselinePeriods, series.size()))) {
            baselineSatisfied += p.satisfied();
            baselineN += p.n();
        }
        ControlChart chart = PChart.of(baselineSatisfied, baselineN, series.stream().mapToLong(PeriodCounts::satisfied).toArray(),
                series.stream().mapToLong(PeriodCounts::n).toArray());
        List<Alert.Candidate> alerts = new ArrayList<>();
        for (ControlChart.Breach b : chart.breaches()) {
            if (b.last() < series.size() - recent) {
                continue;
            }
            boolean low = b.direction().equals("low");
            String kind = low ? Alert.DIP : Alert.IMPROVEMENT;
            ControlChart.Point latest = chart.points().get(b.last());
            ProportionEstimate e = WilsonInterval.of(latest.satisfied(), latest.n(), 0.95);
            PeriodCounts first = series.get(b.first());
            PeriodCounts last = series.get(b.last());
            String key = String.join("|", kind, council, service, channel, b.rule(), b.direction(), first.from().toString());
            alerts.add(new Alert.Candidate(key, council, kind, service, channel, b.rule(), first.from(), last.to(),
                    e.proportion(), e.lower(), e.upper(), latest.n(), low ? latest.lower() : latest.upper(),
                    low ? AlertText.dip(b.rule(), b.points()) : AlertText.improvement(b.rule(), b.points())));
        }
        return alerts;
    }
}
