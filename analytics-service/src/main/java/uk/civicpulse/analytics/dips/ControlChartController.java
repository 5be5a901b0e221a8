package uk.civicpulse.analytics.dips;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import uk.civicpulse.analytics.officers.CouncilAccess;
import uk.civicpulse.analytics.satisfaction.SliceQuery;
import uk.civicpulse.analytics.stats.ControlChart;
import uk.civicpulse.analytics.stats.PChart;
import uk.civicpulse.analytics.trends.PeriodCounts;
import uk.civicpulse.analytics.trends.SatisfiedCounts;

import java.util.List;

/** Dips (CSE 4.3.1, 5.3.1): a p-chart per service and channel with the NHS Making Data Count rules. */
@Controller("/api/v1/councils/{council}/control-chart")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Trends and dips")
public class ControlChartController {

    private final SatisfiedCounts counts;
    private final CouncilAccess access;

    public ControlChartController(SatisfiedCounts counts, CouncilAccess access) {
        this.counts = counts;
        this.access = access;
    }

    /**
     * % satisfied per period on a p-chart: the centre line is the baseline's proportion satisfied, each point's limits
     * are centre +/- 3 sqrt(centre (1 - centre) / n) for its own n, clipped to [0, 1]. Alerts name the Making Data
     * Count rule broken: a point beyond the limits; a shift (7 or more points in a row on one side of the centre);
     * a trend (7 or more points in a row each rising, or each falling); two of three points beyond 2 sigma on one side.
     *
     * The chart and its baseline cover the same slice: a service, channel, touchpoint, or the respondents who gave
     * one answer to a customer-group question ({@code from} and {@code to} are the days plotted).
     *
     * @param baselineFrom first day of the baseline (YYYY-MM-DD)
     * @param baselineTo   last day of the baseline
     * @param period       day, week, month (default), quarter or year; the chart starts at the period containing
     *                     {@code from}
     */
    @Get
    public ControlChartReport chart(@RequestBean SliceQuery query, @Nullable @QueryValue String baselineFrom,
                                    @Nullable @QueryValue String baselineTo, @Nullable @QueryValue String period, Authentication who) {
        query.requireReadable(access, who, "baselineFrom", "baselineTo", "period");
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
