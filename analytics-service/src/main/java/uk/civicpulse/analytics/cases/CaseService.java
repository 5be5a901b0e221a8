package uk.civicpulse.analytics.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import uk.civicpulse.analytics.officers.CouncilAccess;
import uk.civicpulse.analytics.redaction.CommentRedactor;
import uk.civicpulse.analytics.web.BadFieldException;
import uk.civicpulse.analytics.web.BadParameterException;

import java.time.LocalDate;
import java.util.List;

/**
 * What an officer may do with a council's cases, shared by the API and the pages: read them, assign one to an
 * officer of the council, note it, record the response and close it. A step on a closed case is a 409; a case of
 * another council is a 403 (the council check) or, for a platform admin asking with the wrong council, a 404.
 */
@Singleton
public class CaseService {

    static final int MAX_TEXT = 4000;

    private final CaseRepository cases;
    private final CouncilAccess access;
    private final CommentRedactor redactor = new CommentRedactor();

    public CaseService(CaseRepository cases, CouncilAccess access) {
        this.cases = cases;
        this.access = access;
    }

    public List<ServiceCase> list(Authentication who, String council, @Nullable String status, @Nullable String service,
                                  int limit, int offset) {
        access.requireReadable(who, council);
        if (status != null && !status.equals(ServiceCase.OPEN) && !status.equals(ServiceCase.CLOSED)) {
            throw new BadParameterException("status", "must be open or closed");
        }
        return cases.list(council, status, service, limit, offset);
    }

    public List<String> services(Authentication who, String council) {
        access.requireReadable(who, council);
        return cases.services(council);
    }

    public List<String> officers(Authentication who, String council) {
        access.requireReadable(who, council);
        return cases.officersOf(council);
    }

    public CaseDetail detail(Authentication who, String council, long id) {
        ServiceCase c = find(who, council, id);
        return new CaseDetail(c, commentForOfficer(who, c), cases.events(id));
    }

    /**
     * The resident's comment as the person asking may see it: only an officer of the case's own council reads it (a
     * platform admin does not), and with personal data redacted as on every other route ({@link CommentRedactor});
     * a council admin who needs the original reads it through the audited comments route. This is the one place a
     * case's comment text is produced for any view, API or page.
     */
    @Nullable
    String commentForOfficer(Authentication who, ServiceCase serviceCase) {
        if (!serviceCase.council().equals(who.getAttributes().get("council"))) {
            return null;
        }
        return redactor.redactedText(cases.storedComment(serviceCase));
    }

    public CaseDetail assign(Authentication who, String council, long id, @Nullable String officer) {
        access.requireReadable(who, council);
        if (officer == null || officer.isBlank()) {
            throw new BadFieldException("officer", "name the officer of " + council + " to assign the case to");
        }
        if (!cases.isOfficerOf(council, officer.strip())) {
            throw new BadFieldException("officer", "'" + officer.strip() + "' is not an officer of " + council);
        }
        return step(who, council, id, "assigned", officer.strip());
    }

    public CaseDetail note(Authentication who, String council, long id, @Nullable String note) {
        return step(who, council, id, "noted", text("note", note));
    }

    public CaseDetail respond(Authentication who, String council, long id, @Nullable String response) {
        return step(who, council, id, "responded", text("response", response));
    }

    public CaseDetail close(Authentication who, String council, long id) {
        return step(who, council, id, "closed", null);
    }

    /** Days to close per service and month opened. */
    public TimeToClose timeToClose(Authentication who, String council, LocalDate from, LocalDate to, @Nullable String service) {
        access.requireReadable(who, council);
        if (to.isBefore(from)) {
            throw new BadParameterException("to", "must not be before 'from'");
        }
        return new TimeToClose(council, from, to, "days", TimeToClose.QUANTILE_METHOD, cases.timeToClose(council, from, to, service));
    }

    private CaseDetail step(Authentication who, String council, long id, String kind, @Nullable String detail) {
        access.requireReadable(who, council);
        switch (cases.step(council, id, kind, detail, who.getName())) {
            case NO_SUCH_CASE -> throw notFound(council, id);
            case ALREADY_CLOSED -> throw new HttpStatusException(HttpStatus.CONFLICT, "case " + id + " is closed: it takes no more steps");
            default -> {
            }
        }
        return detail(who, council, id);
    }

    private ServiceCase find(Authentication who, String council, long id) {
        access.requireReadable(who, council);
        return cases.find(council, id).orElseThrow(() -> notFound(council, id));
    }

    private static HttpStatusException notFound(String council, long id) {
        return new HttpStatusException(HttpStatus.NOT_FOUND, "no case " + id + " for " + council);
    }

    private static String text(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new BadFieldException(field, "write the " + field);
        }
        if (value.length() > MAX_TEXT) {
            throw new BadFieldException(field, "keep the " + field + " to " + MAX_TEXT + " characters");
        }
        return value.strip();
    }
}
