package uk.civicpulse.analytics.timeliness;

import jakarta.inject.Singleton;
import uk.civicpulse.analytics.councils.CouncilRepository;
import uk.civicpulse.analytics.peers.PeerFunnelService;
import uk.civicpulse.analytics.peers.FunnelReport;
import uk.civicpulse.analytics.stats.FunnelPlot;
import uk.civicpulse.analytics.web.BadParameterException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Places each member of the council's peer groups on funnel limits for a timeliness standard. Councils name their
 * standards differently and set different limits, so a peer's standard is matched by what it measures: the same
 * contact type, channel and measure as the asking council's (the same code is preferred when a peer has several).
 * Each peer's contacts are judged by its own standard, in force on the day each was received; the limit and unit each
 * peer promised are reported beside its point, since a council promising 90 seconds is not held to 60.
 */
@Singleton
public class FunnelService {

    private final StandardSeries series;
    private final StandardRepository standards;
    private final CouncilRepository councils;
    private final TimelinessSettings settings;

    public FunnelService(StandardSeries series, StandardRepository standards, CouncilRepository councils,
                         TimelinessSettings settings) {
        this.series = series;
        this.standards = standards;
        this.councils = councils;
        this.settings = settings;
    }

    /** A peer's standard comparable with the asking one, the versions of it that count, and its counts. */
    record Match(String code, Standard latest, StandardSeries.Counts counts) {
    }

    public StandardFunnel funnel(String council, String code, DateRange range) {
        List<Standard> own = series.versions(council, code);
        Standard reference = TimelinessService.inForce(own, range.to());
        if (reference == null) {
            throw new BadParameterException("standard", "'" + code + "' has no version in force by " + range.to());
        }
        Map<String, Match> matches = new HashMap<>();
        List<StandardFunnel.Group> groups = new ArrayList<>();
        for (CouncilRepository.PeerGroup group : councils.peerGroups(council)) {
            List<String> without = new ArrayList<>();
            Map<String, Match> members = new LinkedHashMap<>();
            for (String member : group.members()) {
                Match m = matches.computeIfAbsent(member, k -> match(k, code, reference, range));
                if (m == null) {
                    without.add(member);
                } else {
                    members.put(member, m);
                }
            }
            groups.add(group(council, group, members, without));
        }
        return new StandardFunnel(council, code, range.from(), range.to(), StandardControlChart.Version.of(reference),
                reference.contactType(), reference.channel(), FunnelPlot.METHOD, groups);
    }

    private StandardFunnel.Group group(String council, CouncilRepository.PeerGroup group, Map<String, Match> members,
                                       List<String> without) {
        long n = members.values().stream().mapToLong(m -> m.counts().judged()).sum();
        long within = members.values().stream().mapToLong(m -> m.counts().within()).sum();
        Double theta = n == 0 ? null : (double) within / n;
        long largest = 0;
        List<StandardFunnel.CouncilPoint> points = new ArrayList<>();
        for (Map.Entry<String, Match> e : members.entrySet()) {
            StandardSeries.Counts c = e.getValue().counts();
            Standard s = e.getValue().latest();
            largest = Math.max(largest, c.judged());
            FunnelReport.Limits limits = theta == null || c.judged() == 0 ? null : limits(theta, c.judged());
            points.add(new StandardFunnel.CouncilPoint(e.getKey(), e.getKey().equals(council), e.getValue().code(),
                    s.limit(), s.unit(), s.targetShare(), c.judged(), c.within(),
                    c.judged() == 0 ? null : (double) c.within() / c.judged(), limits,
                    limits == null ? FunnelPlot.NO_RESPONSES : FunnelPlot.position(c.within(), c.judged(), limits.lower95(), limits.upper95()),
                    limits == null ? FunnelPlot.NO_RESPONSES : FunnelPlot.position(c.within(), c.judged(), limits.lower998(), limits.upper998()),
                    c.judged() < settings.minimumN() ? "too few" : null));
        }
        return new StandardFunnel.Group(group.code(), group.description(), n, within, theta, points, without,
                theta == null ? List.of() : PeerFunnelService.curve(theta, largest));
    }

    static FunnelReport.Limits limits(double theta, long n) {
        FunnelPlot.Limits l = FunnelPlot.limits(theta, n);
        return new FunnelReport.Limits(n, l.lower95(), l.upper95(), l.lower998(), l.upper998());
    }

    /** The member's comparable standard (the same code first, else the first by code), or null if it has none. */
    private Match match(String member, String code, Standard reference, DateRange range) {
        Map<String, List<Standard>> byCode = standards.standards(member).stream()
                .collect(Collectors.groupingBy(Standard::code, LinkedHashMap::new, Collectors.toList()));
        List<String> codes = byCode.keySet().stream()
                .sorted(Comparator.comparing((String c) -> !c.equals(code)).thenComparing(Comparator.naturalOrder())).toList();
        for (String candidate : codes) {
            List<Standard> comparable = ControlChartService.inForce(byCode.get(candidate), range.from(), range.to()).stream()
                    .filter(s -> StandardSeries.comparable(s, reference)).toList();
            if (!comparable.isEmpty()) {
                Set<LocalDate> versions = comparable.stream().map(Standard::effectiveFrom).collect(Collectors.toSet());
                StandardSeries.Counts counts = series.total(member, candidate, range.from(), range.to(), versions);
                return new Match(candidate, comparable.get(comparable.size() - 1), counts);
            }
        }
        return null;
    }
}
