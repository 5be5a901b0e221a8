package uk.civicpulse.analytics.targets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import uk.civicpulse.analytics.officers.CouncilAccess;
import uk.civicpulse.analytics.officers.Role;
import uk.civicpulse.analytics.satisfaction.SliceQuery;
import uk.civicpulse.analytics.web.BadFieldException;
import uk.civicpulse.analytics.web.BadParameterException;
import uk.civicpulse.events.Channel;
import uk.civicpulse.events.RatingSubmitted;

import java.util.List;

/**
 * Targets per service and channel (CSE 1.3.4): council admins set them, officers read them and the status of each
 * service and channel against its target.
 */
@Controller("/api/v1/councils/{council}/targets")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Targets")
public class TargetController {

    private final TargetRepository targets;
    private final TargetStatusService status;
    private final CouncilAccess access;

    public TargetController(TargetRepository targets, TargetStatusService status, CouncilAccess access) {
        this.targets = targets;
        this.status = status;
        this.access = access;
    }

    /** The council's targets. */
    @Get
    public List<Target> list(@PathVariable String council, Authentication who) {
        access.requireReadable(who, council);
        return targets.targets(council);
    }

    /** The new target for one service and channel. */
    @Serdeable
    public record TargetRequest(@Nullable Double target) {
    }

    /**
     * Sets a target (council admins of this council, platform admins).
     *
     * @param service the service code
     * @param channel web, face_to_face, phone, or all (every channel without a target of its own)
     * @param body    {@code {"target": 0.95}}: a proportion from 0 to 1
     */
    @Put("/{service}/{channel}")
    public Target set(@PathVariable String council, @PathVariable String service, @PathVariable String channel,
                      @Body TargetRequest body, Authentication who) {
        requireAdmin(who, council);
        checkCell(service, channel);
        if (body.target() == null || !(body.target() >= 0 && body.target() <= 1)) {
            throw new BadFieldException("target", "give the target as a proportion from 0 to 1, e.g. 0.95 for 95% satisfied");
        }
        return targets.save(council, service, channel, body.target(), who.getName());
    }

    /** Removes a target (council admins of this council, platform admins). */
    @Delete("/{service}/{channel}")
    public HttpResponse<Void> remove(@PathVariable String council, @PathVariable String service, @PathVariable String channel,
                                     Authentication who) {
        requireAdmin(who, council);
        checkCell(service, channel);
        if (!targets.delete(council, service, channel)) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no target for " + service + " on " + channel);
        }
        return HttpResponse.noContent();
    }

    /**
     * Each service and channel with responses in the slice, or with a target, against its target: met when the 95%
     * Wilson interval's lower bound is at or above the target, not met when its upper bound is below it, otherwise
     * too close to call; the probability that the true level is at or above the target (Beta posterior with the
     * Jeffreys prior); and how many more responses would settle a too-close-to-call status if the proportion held.
     * The slice may be narrowed to a service, channel, touchpoint or the respondents who gave one answer to a
     * customer-group question; the targets are those of the service and channel each row is for.
     */
    @Get("/status")
    public TargetStatusReport status(@RequestBean SliceQuery query, Authentication who) {
        query.requireReadable(access, who);
        return status.status(query);
    }

    private void requireAdmin(Authentication who, String council) {
        access.requireReadable(who, council);
        if (!who.getRoles().contains(Role.COUNCIL_ADMIN.code()) && !who.getRoles().contains(Role.PLATFORM_ADMIN.code())) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "only a council admin may set targets");
        }
    }

    static void checkCell(String service, String channel) {
        if (!RatingSubmitted.isCode(service)) {
            throw new BadParameterException("service", "must be a service code (lower-case letters, digits, _ and -)");
        }
        if (!channel.equals(Target.ALL_CHANNELS) && Channel.fromCode(channel).isEmpty()) {
            throw new BadParameterException("channel", "must be web, face_to_face, phone or all");
        }
    }
}
