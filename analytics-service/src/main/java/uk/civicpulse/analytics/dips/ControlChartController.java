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

/** Dips (CSE 4.3.1, 5.3.1): a p-chart per service and channel with the NHS Making Data Count rules. */
@Controller("/api/v1/councils/{council}/control-chart")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Trends and dips")
public class ControlChartController {

    private final SatisfactionChartService charts;
    private final CouncilAccess access;

    public ControlChartController(SatisfactionChartService charts, CouncilAccess access) {
        this.charts = charts;
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
        return charts.chart(query, baselineFrom, baselineTo, period);
    }
}
