package uk.civicpulse.analytics.councils;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import uk.civicpulse.analytics.web.BadParameterException;
import uk.civicpulse.events.RatingSubmitted;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A platform admin manages the councils and the peer groups they are benchmarked within. */
@Controller("/api/v1/admin")
@Secured("platform_admin")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PlatformAdminController {

    private static final Set<String> LANGUAGES = Set.of("en", "cy");

    private final CouncilRepository councils;

    public PlatformAdminController(CouncilRepository councils) {
        this.councils = councils;
    }

    @Get("/councils")
    public List<CouncilRepository.Council> councils() {
        return councils.councils();
    }

    @Put("/councils/{code}")
    public CouncilRepository.Council saveCouncil(@PathVariable String code, @Body CouncilRepository.Council council) {
        if (!RatingSubmitted.isCode(code)) {
            throw new BadParameterException("code", "must be a code of lower-case letters, digits, '-' or '_'");
        }
        if (council.name() == null || council.name().isBlank()) {
            throw new BadParameterException("name", "is required");
        }
        List<String> languages = council.languages();
        if (languages != null && (languages.isEmpty() || !LANGUAGES.containsAll(languages)
                || new HashSet<>(languages).size() != languages.size())) {
            throw new BadParameterException("languages", "must list 'en' and/or 'cy', each once, the council's first language first");
        }
        councils.saveCouncil(new CouncilRepository.Council(code, council.name(), council.councilType(), languages));
        return councils.council(code).orElseThrow();
    }

    @Get("/peer-groups")
    public List<CouncilRepository.PeerGroup> peerGroups() {
        return councils.peerGroups(null);
    }

    @Put("/peer-groups/{code}")
    public HttpResponse<CouncilRepository.PeerGroup> savePeerGroup(@PathVariable String code, @Body CouncilRepository.PeerGroup group) {
        if (!RatingSubmitted.isCode(code)) {
            throw new BadParameterException("code", "must be a code of lower-case letters, digits, '-' or '_'");
        }
        Set<String> known = new HashSet<>(councils.councils().stream().map(CouncilRepository.Council::code).toList());
        List<String> members = group.members() == null ? List.of() : group.members();
        for (String member : members) {
            if (!known.contains(member)) {
                throw new BadParameterException("members", "no council with code '" + member + "'");
            }
        }
        CouncilRepository.PeerGroup saved = new CouncilRepository.PeerGroup(code,
                group.description() == null ? code : group.description(), List.copyOf(members));
        councils.savePeerGroup(saved);
        return HttpResponse.ok(saved);
    }
}
