package uk.civicpulse.analytics.timeliness;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import uk.civicpulse.analytics.officers.CouncilAccess;
import uk.civicpulse.analytics.web.BadParameterException;

/**
 * Dips against a standard on a control chart (CSE 5.3.1, 5.3.2) and peers on a funnel plot (CSE 5.3.3). Officers see
 * their own council (another council's officer gets 403); platform admins any.
 */
@Controller("/api/v1/councils/{council}/timeliness")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Timeliness")
public class TimelinessChartsController {

    private final ControlChartService controlCharts;
    private final FunnelService funnels;
    private final CouncilAccess access;

    public TimelinessChartsController(ControlChartService controlCharts, FunnelService funnels, CouncilAccess access) {
        this.controlCharts = controlCharts;
        this.funnels = funnels;
        this.access = access;
    }

    /**
     * The share of contacts within a standard per week or month on a p-chart: the centre line is the baseline's share,
     * each period's limits are centre +/- 3 sqrt(centre (1 - centre) / n) for its own number of contacts judged,
     * clipped to [0, 1]. Alerts name the NHS Making Data Count rule broken: a point beyond the limits; a shift (7 or
     * more periods in a row on one side of the centre); a trend (7 or more in a row each rising, or each falling);
     * two of three periods beyond 2 sigma on one side. Each contact is judged by the version of the standard in force
     * on the day it was received; a new version changes the process, so choose a baseline after it to judge by it.
     *
     * @param standard     the standard's code (required)
     * @param from         first day plotted (YYYY-MM-DD)
     * @param to           last day plotted, at most three years after {@code from}
     * @param baselineFrom first day of the baseline (default: {@code from})
     * @param baselineTo   last day of the baseline (default: {@code to})
     * @param service      only this service's contacts
     * @param channel      only this channel's contacts: phone, email, web_form, letter or face_to_face
     * @param period       month (default) or week (Monday to Sunday); the chart starts at the period containing {@code from}
     */
    @Get("/control-chart")
    public StandardControlChart controlChart(@PathVariable String council, @Nullable @QueryValue String standard,
                                             @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                             @Nullable @QueryValue String baselineFrom, @Nullable @QueryValue String baselineTo,
                                             @Nullable @QueryValue String service, @Nullable @QueryValue String channel,
                                             @Nullable @QueryValue String period, Authentication who) {
        access.requireReadable(who, council);
        DateRange plotted = DateRange.parse(from, to);
        DateRange baseline = DateRange.parse("baselineFrom",
                baselineFrom == null ? from : baselineFrom, "baselineTo", baselineTo == null ? to : baselineTo);
        Period p = period == null ? Period.MONTH : switch (period) {
            case "month" -> Period.MONTH;
            case "week" -> Period.WEEK;
            default -> throw new BadParameterException("period", "must be month or week");
        };
        return controlCharts.chart(council, standard, blankToNull(service), blankToNull(channel), p, plotted, baseline);
    }

    /**
     * For each peer group the council belongs to, every member's share of contacts within its comparable standard
     * (same contact type, channel and measure as this council's) over the range, the group's pooled share, and
     * Spiegelhalter's (2005) exact binomial funnel limits with interpolation at 95% and 99.8% around it, at each
     * member's number of contacts and along a curve for drawing. Aggregates only: never another council's contacts.
     *
     * @param standard the council's standard's code (required)
     * @param from     first day contacts were received (YYYY-MM-DD)
     * @param to       last day, at most three years after {@code from}
     */
    @Get("/funnel")
    public StandardFunnel funnel(@PathVariable String council, @Nullable @QueryValue String standard,
                                 @Nullable @QueryValue String from, @Nullable @QueryValue String to, Authentication who) {
        access.requireReadable(who, council);
        return funnels.funnel(council, standard, DateRange.parse(from, to));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
