package uk.civicpulse.analytics.councils;

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
import io.micronaut.serde.annotation.Serdeable;
import uk.civicpulse.analytics.officers.CouncilAccess;
import uk.civicpulse.analytics.satisfaction.SatisfactionReport;
import uk.civicpulse.analytics.satisfaction.SatisfactionService;
import uk.civicpulse.analytics.satisfaction.Slice;
import uk.civicpulse.analytics.satisfaction.SliceParameters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A council's figures beside its peers': other councils' aggregates only (n, % satisfied and its interval), never
 * their comments or raw ratings. Rows below the minimum n are labelled and are not to be ranked.
 */
@Controller("/api/v1/councils/{council}/peers")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class PeerComparisonController {

    private final CouncilRepository councils;
    private final SatisfactionService satisfaction;
    private final CouncilAccess access;

    public PeerComparisonController(CouncilRepository councils, SatisfactionService satisfaction, CouncilAccess access) {
        this.councils = councils;
        this.satisfaction = satisfaction;
        this.access = access;
    }

    @Serdeable
    public record PeerGroupFigures(String code, String description, List<SatisfactionReport> councils) {
    }

    /**
     * @param service only this service (matched by code in each council)
     * @param channel only this channel
     */
    @Get
    public List<PeerGroupFigures> peers(@PathVariable String council, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                        @Nullable @QueryValue String period, @Nullable @QueryValue String date,
                                        @Nullable @QueryValue String service, @Nullable @QueryValue String channel, Authentication who) {
        access.requireReadable(who, council);
        Map<String, String> filters = new HashMap<>();
        filters.put("service", service);
        filters.put("channel", channel);
        List<PeerGroupFigures> result = new ArrayList<>();
        for (CouncilRepository.PeerGroup group : councils.peerGroups(council)) {
            List<SatisfactionReport> reports = new ArrayList<>();
            for (String member : group.members()) {
                Slice slice = SliceParameters.parse(member, from, to, period, date, null, null, filters, null);
                reports.add(satisfaction.report(slice));
            }
            result.add(new PeerGroupFigures(group.code(), group.description(), reports));
        }
        return result;
    }
}
