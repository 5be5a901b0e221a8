package uk.civicpulse.analytics.timeliness;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import uk.civicpulse.analytics.officers.CouncilAccess;
import uk.civicpulse.analytics.officers.OfficerRepository;
import uk.civicpulse.analytics.officers.Role;
import uk.civicpulse.analytics.web.BadParameterException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A council's timeliness standards (CSE 5.1.1): officers read every version; council admins (their own council) and
 * platform admins add standards and new versions. The promises in force are public (CSE 5.2.1).
 */
@Controller("/api/v1/councils/{council}/standards")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class StandardsController {

    private final StandardRepository standards;
    private final CouncilAccess access;
    private final OfficerRepository officers;

    public StandardsController(StandardRepository standards, CouncilAccess access, OfficerRepository officers) {
        this.standards = standards;
        this.access = access;
        this.officers = officers;
    }

    /** Every version of every standard, oldest first within each code. */
    @Get
    public List<Standard> list(@PathVariable String council, Authentication who) {
        access.requireReadable(who, council);
        return standards.standards(council);
    }

    /** Adds a standard, or a new version of one; 409 if that code already has a version from that day. */
    @Post
    public HttpResponse<Standard> add(@PathVariable String council, @Body StandardRequest request, Authentication who) {
        access.requireReadable(who, council);
        if (!who.getRoles().contains(Role.COUNCIL_ADMIN.code()) && !who.getRoles().contains(Role.PLATFORM_ADMIN.code())) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "only a council admin or platform admin may set standards");
        }
        Standard standard = request.validated();
        if (!standards.add(council, standard, who.getName())) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "standard '" + standard.code() + "' already has a version from "
                    + standard.effectiveFrom() + "; versions are never changed: give a later effectiveFrom");
        }
        Standard saved = standards.standards(council).stream()
                .filter(s -> s.code().equals(standard.code()) && s.effectiveFrom().equals(standard.effectiveFrom()))
                .findFirst().orElseThrow();
        return HttpResponse.created(saved);
    }

    /** One promise as residents read it. */
    @Serdeable
    public record Promise(String code, String contactType, @Nullable String service, @Nullable String channel,
                          String measure, int limit, String unit, double targetShare, LocalDate effectiveFrom,
                          String english, String welsh) {
    }

    /**
     * Public: the promises in force on a day (default today), one per standard code, in English and Welsh.
     *
     * @param date YYYY-MM-DD
     */
    @Get("/promises")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public List<Promise> promises(@PathVariable String council, @Nullable @QueryValue String date) {
        LocalDate day;
        try {
            day = date == null ? LocalDate.now(Judgement.COUNCIL_TIME) : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new BadParameterException("date", "must be YYYY-MM-DD");
        }
        if (!officers.councilCodes().contains(council)) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no council with code '" + council + "'");
        }
        Map<String, List<Standard>> byCode = new LinkedHashMap<>();
        standards.standards(council).forEach(s -> byCode.computeIfAbsent(s.code(), k -> new ArrayList<>()).add(s));
        List<Promise> promises = new ArrayList<>();
        for (List<Standard> history : byCode.values()) {
            Standard s = TimelinessService.inForce(history, day);
            if (s != null) {
                promises.add(new Promise(s.code(), s.contactType(), s.service(), s.channel(), s.measure(), s.limit(),
                        s.unit(), s.targetShare(), s.effectiveFrom(), s.promiseEn(), s.promiseCy()));
            }
        }
        return promises;
    }
}
