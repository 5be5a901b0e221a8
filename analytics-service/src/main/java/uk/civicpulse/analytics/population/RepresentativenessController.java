package uk.civicpulse.analytics.population;

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
import uk.civicpulse.analytics.satisfaction.Slice;
import uk.civicpulse.analytics.satisfaction.SliceParameters;

import java.util.HashMap;
import java.util.Map;

/** Whether the residents who answered look like the residents the council serves (CSE 1.2.3, 1.1.3). */
@Controller("/api/v1/councils/{council}/representativeness")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class RepresentativenessController {

    private final RepresentativenessService service;
    private final CouncilAccess access;

    public RepresentativenessController(RepresentativenessService service, CouncilAccess access) {
        this.service = service;
        this.access = access;
    }

    /**
     * For every customer-group question with population shares: respondents per answer against the population
     * (Pearson's chi-square goodness of fit, each answer's ratio and standardised residual, under- and
     * over-represented answers flagged beyond +/-1.96); and responses per channel over contacts where the contact
     * volumes cover the period (whole months).
     *
     * @param from    first day, inclusive (YYYY-MM-DD); or give {@code period} and {@code date}
     * @param to      last day, inclusive
     * @param period  day, week, month, quarter or year: the period containing {@code date}
     * @param service only this service
     * @param channel only this channel
     */
    @Get
    public RepresentativenessReport representativeness(@PathVariable String council, @Nullable @QueryValue String from,
                                                       @Nullable @QueryValue String to, @Nullable @QueryValue String period,
                                                       @Nullable @QueryValue String date, @Nullable @QueryValue String service,
                                                       @Nullable @QueryValue String channel, Authentication who) {
        access.requireReadable(who, council);
        Map<String, String> filters = new HashMap<>();
        filters.put("service", service);
        filters.put("channel", channel);
        Slice slice = SliceParameters.parse(council, from, to, period, date, null, null, filters, null);
        return this.service.report(slice);
    }
}
