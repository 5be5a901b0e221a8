package uk.civicpulse.analytics.dips;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import uk.civicpulse.analytics.satisfaction.SliceQuery;
import uk.civicpulse.analytics.stats.ControlChart;
import uk.civicpulse.analytics.stats.PChart;
import uk.civicpulse.analytics.trends.PeriodCounts;
import uk.civicpulse.analytics.trends.SatisfiedCounts;

import java.util.List;

/**
 * Dips (CSE 4.3.1, 5.3.1): % satisfied on a p-chart with the NHS Making Data Count rules, for any slice. What the
 * control-chart route, the dashboard's dips page and the evidence pack all show. Who may read the council is decided
 * by the caller; a bad range or period is a 400 problem naming it.
 */
@Singleton
public class SatisfactionChartService {

    private final SatisfiedCounts counts;

    public SatisfactionChartService(SatisfiedCounts counts) {
        this.counts = counts;
    }

    /**
     * % satisfied per period on a p-chart: the centre line is the baseline's proportion satisfied, each point's limits
     * are centre +/- 3 sqrt(centre (1 - centre) / n) for its own n, clipped to [0, 1]. Alerts name the Making Data
     * Count rule broken: a point beyond the limits; a shift (7 or more points in a row on one side of the centre);
     * a trend (7 or more points in a row each rising, or each falling); two of three points beyond 2 sigma on one side.
     * The chart and its baseline cover the same slice; the query's {@code from} and {@code to} are the days plotted.
     *
     * @param baselineFrom first day of the baseline (YYYY-MM-DD)
     * @param baselineTo   last day of the baseline
     * @param period       day, week, month (default when null), quarter or year
     */
    public ControlChartReport chart(SliceQuery query, @Nullable String baselineFrom, @Nullable String baselineTo,
                                    @Nullable String period) {
        PeriodCounts baseline = counts.total(query, "baselineFrom", baselineFrom, "baselineTo", baselineTo);
        List<PeriodCounts> series = counts.series(query, period);
        ControlChart chart = PChart.of(baseline.satisfied(), baseline.n(),
                series.stream().mapToLong(PeriodCounts::satisfied).toArray(), series.stream().mapToLong(PeriodCounts::n).toArray());
        List<ControlChartReport.Point> points = chart.points().stream().map(p -> new ControlChartReport.Point(
                series.get(p.index()).from(), series.get(p.index()).to(), p.n(), p.satisfied(), p.proportion(), p.sigma(),
                p.lower(), p.upper())).toList();
        List<ControlChartReport.Alert> alerts = chart.breaches().stream().map(b -> new ControlChartReport.Alert(b.rule(),
                b.rule().equals(PChart.TREND) ? (b.direction().equals("high") ? "rising" : "falling") : b.direction(), series.get(b.first()).from(), series.get(b.last()).to(), b.points(), message(b))).toList();
        return new ControlChartReport(query.council(), query.service(), query.channel(), query.givenFilters(),
                SatisfiedCounts.period(period).code(), baseline.from(), baseline.to(),
                baseline.n(), baseline.satisfied(), chart.centre(), points, alerts, chart.method(), chart.label());
    }

    static String message(ControlChart.Breach b) {
        boolean high = b.direction().equals("high");
        return switch (b.rule()) {
            case PChart.BEYOND_LIMITS -> high ? "A period above the upper control limit" : "A period below the lower control limit: a dip";
            case PChart.SHIFT -> b.points() + " periods in a row " + (high ? "above" : "below") + " the baseline";
            case PChart.TREND -> b.points() + " periods in a row each " + (high ? "higher" : "lower") + " than the one before";
            case PChart.TWO_OF_THREE -> "Two of three periods close to the " + (high ? "upper" : "lower") + " limit";
            default -> b.rule();
        };
    }
}
