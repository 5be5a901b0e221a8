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
import io.micronaut.serde.annotation.Serdeable;
import uk.civicpulse.analytics.councils.CouncilRepository;
import uk.civicpulse.analytics.officers.CouncilAccess;
import uk.civicpulse.analytics.web.BadParameterException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How well a council keeps its timeliness standards (CSE 5.3.1, 5.3.2), and how its peers keep theirs (5.3.3).
 * Officers see their own council; platform admins any.
 */
@Controller("/api/v1/councils/{council}/timeliness")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class TimelinessController {

    /** Results are computed from individual contacts: a bounded range keeps every request quick. */
    static final int MAX_DAYS = 3 * 366;
    private static final Set<String> DIMENSIONS = Set.of("standard", "service", "channel");

    private final TimelinessService service;
    private final CouncilAccess access;
    private final CouncilRepository councils;
    private final TimelinessSettings settings;

    public TimelinessController(TimelinessService service, CouncilAccess access, CouncilRepository councils,
                                TimelinessSettings settings) {
        this.service = service;
        this.access = access;
        this.councils = councils;
        this.settings = settings;
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
        Range range = Range.parse(from, to);
        List<String> dims = by == null || by.isBlank() ? List.of("standard") : List.of(by.split(","));
        for (String d : dims) {
            if (!DIMENSIONS.contains(d.strip())) {
                throw new BadParameterException("by", "'" + d + "' is not one of standard, service, channel");
            }
        }
        Period p = period == null ? Period.NONE : Period.fromCode(period)
                .orElseThrow(() -> new BadParameterException("period", "must be none, week, month, quarter or year"));
        return service.report(council, range.from, range.to, dims.stream().anyMatch(d -> d.strip().equals("service")),
                dims.stream().anyMatch(d -> d.strip().equals("channel")), p);
    }

    /** One peer's share within one standard (same code) over the range: aggregates only. */
    @Serdeable
    public record PeerPoint(String council, long n, long within, @Nullable Double share, @Nullable Double lower,
                            @Nullable Double upper, @Nullable String label) {
    }

    @Serdeable
    public record PeerStandard(String peerGroup, String description, String standard, List<PeerPoint> points) {
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
        Range range = Range.parse(from, to);
        Set<String> codes = TimelinessService.withinByStandard(
                service.report(council, range.from, range.to, false, false, Period.NONE)).keySet();
        List<PeerStandard> result = new ArrayList<>();
        for (CouncilRepository.PeerGroup group : councils.peerGroups(council)) {
            Map<String, Map<String, long[]>> byMember = new java.util.LinkedHashMap<>();
            for (String member : group.members()) {
                byMember.put(member, TimelinessService.withinByStandard(
                        service.report(member, range.from, range.to, false, false, Period.NONE)));
            }
            for (String code : codes.stream().sorted().toList()) {
                List<PeerPoint> points = new ArrayList<>();
                byMember.forEach((member, sums) -> {
                    long[] s = sums.get(code);
                    if (s != null) {
                        Share share = Share.of(s[1], s[0], settings.minimumN());
                        points.add(new PeerPoint(member, s[0], s[1], share.proportion(), share.lower(), share.upper(), share.label()));
                    }
                });
                result.add(new PeerStandard(group.code(), group.description(), code, points));
            }
        }
        return result;
    }

    record Range(LocalDate from, LocalDate to) {
        static Range parse(String from, String to) {
            return parse("from", from, "to", to);
        }

        /** A range given by two parameters with these names (e.g. a control chart's baseline). */
        static Range parse(String fromName, String from, String toName, String to) {
            LocalDate f = date(fromName, from);
            LocalDate t = date(toName, to);
            if (t.isBefore(f)) {
                throw new BadParameterException(toName, "must not be before " + fromName);
            }
            if (f.plusDays(MAX_DAYS).isBefore(t)) {
                throw new BadParameterException(toName, "must be at most three years after " + fromName);
            }
            return new Range(f, t);
        }

        private static LocalDate date(String name, String value) {
            if (value == null) {
                throw new BadParameterException(name, "is required, as YYYY-MM-DD");
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new BadParameterException(name, "must be a date as YYYY-MM-DD");
            }
        }
    }
}
