package uk.civicpulse.analytics.targets;

import io.micronaut.context.annotation.Value;
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
import uk.civicpulse.analytics.stats.ProportionEstimate;
import uk.civicpulse.analytics.stats.TargetAssessment;
import uk.civicpulse.analytics.stats.TargetCheck;
import uk.civicpulse.analytics.stats.WilsonInterval;
import uk.civicpulse.analytics.trends.PeriodCounts;
import uk.civicpulse.analytics.trends.SatisfiedCounts;
import uk.civicpulse.analytics.web.BadFieldException;
import uk.civicpulse.analytics.web.BadParameterException;
import uk.civicpulse.events.Channel;
import uk.civicpulse.events.RatingSubmitted;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Targets per service and channel (CSE 1.3.4): council admins set them, officers read them and the status of each
 * service and channel against its target.
 */
@Controller("/api/v1/councils/{council}/targets")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Targets")
public class TargetController {

    static final double LEVEL = 0.95;

    private final TargetRepository targets;
    private final SatisfiedCounts counts;
    private final CouncilAccess access;
    private final int minimumN;

    public TargetController(TargetRepository targets, SatisfiedCounts counts, CouncilAccess access,
                            @Value("${civic-pulse.satisfaction.minimum-n:30}") int minimumN) {
        this.targets = targets;
        this.counts = counts;
        this.access = access;
        this.minimumN = minimumN;
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
        String council = query.council();
        Map<SatisfiedCounts.Cell, PeriodCounts> cells = new LinkedHashMap<>(counts.byServiceAndChannel(query));
        PeriodCounts range = counts.total(query);
        Map<SatisfiedCounts.Cell, Target> byCell = new HashMap<>();
        for (Target t : targets.targets(council)) {
            if (query.service() != null && !query.service().equals(t.service())
                    || query.channel() != null && !query.channel().equals(t.channel()) && !t.channel().equals(Target.ALL_CHANNELS)) {
                continue;
            }
            byCell.put(new SatisfiedCounts.Cell(t.service(), t.channel()), t);
        }
        // targets with no responses in the slice still get a row: a channel's own, or a service's "all" when the
        // service has no responses on any channel
        for (Target t : byCell.values()) {
            boolean serviceHasResponses = cells.keySet().stream().anyMatch(c -> c.service().equals(t.service()));
            boolean isAll = t.channel().equals(Target.ALL_CHANNELS);
            SatisfiedCounts.Cell cell = new SatisfiedCounts.Cell(t.service(), t.channel());
            if (isAll ? !serviceHasResponses : !cells.containsKey(cell)) {
                cells.put(cell, new PeriodCounts(range.from(), range.to(), 0, 0));
            }
        }
        List<TargetStatusReport.Row> rows = new ArrayList<>();
        cells.forEach((cell, c) -> {
            Target t = byCell.getOrDefault(cell, byCell.get(new SatisfiedCounts.Cell(cell.service(), Target.ALL_CHANNELS)));
            rows.add(row(cell, c, t));
        });
        rows.sort(Comparator.comparing(TargetStatusReport.Row::service).thenComparing(TargetStatusReport.Row::channel));
        return new TargetStatusReport(council, range.from(), range.to(), query.givenFilters(), "percent_satisfied", WilsonInterval.METHOD,
                TargetCheck.PROBABILITY_METHOD, LEVEL, minimumN, rows);
    }

    private TargetStatusReport.Row row(SatisfiedCounts.Cell cell, PeriodCounts c, Target t) {
        String label = c.n() < minimumN ? "too few responses" : null;
        if (t == null) {
            ProportionEstimate e = WilsonInterval.of(c.satisfied(), c.n(), LEVEL);
            return new TargetStatusReport.Row(cell.service(), cell.channel(), null, null, c.n(), c.satisfied(), e.proportion(),
                    e.lower(), e.upper(), "no_target", null, null, label);
        }
        TargetAssessment a = TargetCheck.assess(c.satisfied(), c.n(), t.target(), LEVEL);
        return new TargetStatusReport.Row(cell.service(), cell.channel(), t.target(), t.channel(), c.n(), c.satisfied(),
                a.proportion(), a.lower(), a.upper(), a.status(), a.probabilityAtOrAbove(), a.moreResponsesNeeded(), label);
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
