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
import uk.civicpulse.analytics.officers.CouncilAccess;
import uk.civicpulse.analytics.web.BadParameterException;

import java.util.List;
import java.util.Set;

/**
 * How well a council keeps its timeliness standards (CSE 5.3.1, 5.3.2), and how its peers keep theirs (5.3.3).
 * Officers see their own council; platform admins any.
 */
@Controller("/api/v1/councils/{council}/timeliness")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class TimelinessController {

    private static final Set<String> DIMENSIONS = Set.of("standard", "service", "channel");

    private final TimelinessService service;
    private final PeerStandardsService peers;
    private final CouncilAccess access;

    public TimelinessController(TimelinessService service, PeerStandardsService peers, CouncilAccess access) {
        this.service = service;
        this.peers = peers;
        this.access = access;
    }

    /**
     * @param from   first day contacts were received, inclusive (YYYY-MM-DD)
     * @param to     last day, inclusive; at most three years after {@code from}
     * @param by     comma-separated: standard (always), service, channel
     * @param period none (default: the whole range), week (Monday to Sunday), month, quarter or year
     */
    @Get
    public TimelinessReport timeliness(@PathVariable String council, @Nullable @QueryValue String from,
                                       @Nullable @QueryValue String to, @Nullable @QueryValue String by,
                                       @Nullable @QueryValue String period, Authentication who) {
        access.requireReadable(who, council);
        DateRange range = DateRange.parse(from, to);
        List<String> dims = by == null || by.isBlank() ? List.of("standard") : List.of(by.split(","));
        for (String d : dims) {
            if (!DIMENSIONS.contains(d.strip())) {
                throw new BadParameterException("by", "'" + d + "' is not one of standard, service, channel");
            }
        }
        Period p = period == null ? Period.NONE : Period.fromCode(period)
                .orElseThrow(() -> new BadParameterException("period", "must be none, week, month, quarter or year"));
        return service.report(council, range, dims.stream().anyMatch(d -> d.strip().equals("service")),
                dims.stream().anyMatch(d -> d.strip().equals("channel")), p);
    }

    /**
     * For each of the council's standards and each of its peer groups, every member's share within the standard of the
     * same code, as plain points. For the comparison that allows for each council's number of contacts, see
     * {@code /timeliness/funnel} ({@link TimelinessChartsController#funnel}).
     */
    @Get("/peers")
    public List<PeerStandard> peers(@PathVariable String council, @Nullable @QueryValue String from,
                                    @Nullable @QueryValue String to, Authentication who) {
        access.requireReadable(who, council);
        return peers.peers(council, DateRange.parse(from, to));
    }
}
