package uk.civicpulse.analytics.satisfaction;

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
import uk.civicpulse.analytics.officers.CouncilAccess;
import uk.civicpulse.analytics.stats.ProportionInterval;
import uk.civicpulse.analytics.web.BadParameterException;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Whether % satisfied differs between the groups of one customer-group question (CSE 1.3.2). */
@Controller("/api/v1/councils/{council}/group-differences")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class GroupDifferencesController {

    private final GroupDifferencesService service;
    private final CouncilAccess access;

    public GroupDifferencesController(GroupDifferencesService service, CouncilAccess access) {
        this.service = service;
        this.access = access;
    }

    /**
     * Each answer to {@code question} against everyone else who answered it (two-proportion z test, pooled), an
     * overall chi-square test of independence, and Benjamini-Hochberg adjusted p-values across the comparisons
     * shown; only differences with an adjusted p below 0.05 are flagged {@code significant}.
     *
     * @param question   the customer-group question, e.g. age_band (required)
     * @param from       first day, inclusive (YYYY-MM-DD); or give {@code period} and {@code date}
     * @param to         last day, inclusive
     * @param period     day, week, month, quarter or year: the period containing {@code date}
     * @param service    only this service
     * @param channel    only this channel
     * @param touchpoint only this touchpoint
     * @param method     the interval on each group's % satisfied: wilson (default), clopper_pearson or jeffreys
     * @param level      90, 95 (default) or 99
     */
    @Get
    public GroupDifferencesReport differences(@PathVariable String council, @Nullable @QueryValue String question,
                                              @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                              @Nullable @QueryValue String period, @Nullable @QueryValue String date,
                                              @Nullable @QueryValue String service, @Nullable @QueryValue String channel,
                                              @Nullable @QueryValue String touchpoint, @Nullable @QueryValue String method,
                                              @Nullable @QueryValue String level, Authentication who) {
        access.requireReadable(who, council);
        if (question == null) {
            throw new BadParameterException("question", "name the customer-group question to compare, e.g. age_band");
        }
        Map<String, String> filters = new HashMap<>();
        filters.put("service", service);
        filters.put("channel", channel);
        filters.put("touchpoint", touchpoint);
        Slice slice = SliceParameters.parse(council, from, to, period, date, "customer_group", question, filters, null);
        ProportionInterval interval = method == null ? ProportionInterval.WILSON : ProportionInterval.fromCode(method).orElseThrow(() ->
                new BadParameterException("method", "must be one of " + Arrays.stream(ProportionInterval.values()).map(ProportionInterval::code).toList()));
        return this.service.differences(slice, interval, FigureOptions.level(level));
    }
}
