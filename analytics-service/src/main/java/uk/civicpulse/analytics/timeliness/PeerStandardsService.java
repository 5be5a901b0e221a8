package uk.civicpulse.analytics.timeliness;

import jakarta.inject.Singleton;
import uk.civicpulse.analytics.councils.CouncilRepository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the council's peers keep standards of the same code (CSE 5.3.3), as plain points: what the timeliness peers
 * route and the evidence pack show. For the comparison that allows for each council's number of contacts and matches
 * standards by what they measure, see {@link FunnelService}.
 */
@Singleton
public class PeerStandardsService {

    private final TimelinessService timeliness;
    private final CouncilRepository councils;
    private final TimelinessSettings settings;

    public PeerStandardsService(TimelinessService timeliness, CouncilRepository councils, TimelinessSettings settings) {
        this.timeliness = timeliness;
        this.councils = councils;
        this.settings = settings;
    }

    /** For each of the council's standards and each of its peer groups, every member's share within the standard of the same code. */
    public List<PeerStandard> peers(String council, DateRange range) {
        Set<String> codes = TimelinessService.withinByStandard(
                timeliness.report(council, range.from(), range.to(), false, false, Period.NONE)).keySet();
        List<PeerStandard> result = new ArrayList<>();
        for (CouncilRepository.PeerGroup group : councils.peerGroups(council)) {
            Map<String, Map<String, long[]>> byMember = new LinkedHashMap<>();
            for (String member : group.members()) {
                byMember.put(member, TimelinessService.withinByStandard(
                        timeliness.report(member, range.from(), range.to(), false, false, Period.NONE)));
            }
            for (String code : codes.stream().sorted().toList()) {
                List<PeerStandard.PeerPoint> points = new ArrayList<>();
                byMember.forEach((member, sums) -> {
                    long[] s = sums.get(code);
                    if (s != null) {
                        Share share = Share.of(s[1], s[0], settings.minimumN());
                        points.add(new PeerStandard.PeerPoint(member, s[0], s[1], share.proportion(), share.lower(), share.upper(), share.label()));
                    }
                });
                result.add(new PeerStandard(group.code(), group.description(), code, points));
            }
        }
        return result;
    }
}
