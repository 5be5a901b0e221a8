package uk.civicpulse.analytics.peers;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import uk.civicpulse.analytics.officers.CouncilAccess;
import uk.civicpulse.analytics.satisfaction.SliceQuery;

/** Peer benchmarking (CSE 4.2.3): funnel plots against the council's peer groups, never a bare league table. */
@Controller("/api/v1/councils/{council}/funnel")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Peer benchmarking")
public class FunnelController {

    private final PeerFunnelService funnels;
    private final CouncilAccess access;

    public FunnelController(PeerFunnelService funnels, CouncilAccess access) {
        this.funnels = funnels;
        this.access = access;
    }

    /**
     * For each peer group the council belongs to: every member's n and % satisfied over the range, the peer-group
     * value (pooled proportion), and Spiegelhalter's (2005) exact binomial funnel limits with interpolation at 95%
     * and 99.8% around it, at each member's n and along a curve for drawing. Each council is inside, above or below.
     *
     * The slice (service, channel, touchpoint, or the respondents who gave one answer to a customer-group question)
     * is matched by code in every member council: a council that does not use that code has no responses in it.
     */
    @Get
    public FunnelReport funnel(@RequestBean SliceQuery query, Authentication who) {
        query.requireReadable(access, who);
        return funnels.funnel(query);
    }
}
