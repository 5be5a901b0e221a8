package uk.civicpulse.analytics.comments;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import uk.civicpulse.analytics.officers.Role;
import uk.civicpulse.analytics.redaction.CommentRedactor;

/**
 * What a reader may see of residents' comments: redacted text for everyone, on every route (API, page, CSV); the
 * originals only for a council admin of the comments' own council who asks for them, and every such reading is
 * written to the audit table. Platform admins run the platform, not the council's casework, so they read redacted
 * text too. Call only after {@code CouncilAccess.requireReadable}.
 */
@Singleton
public class CommentDisclosure {

    public enum Route {
        API("api"), API_CSV("api-csv"), PAGE("page"), PAGE_CSV("page-csv");

        final String code;

        Route(String code) {
            this.code = code;
        }
    }

    private final CommentRedactor redactor = new CommentRedactor();
    private final OriginalViewLog log;

    CommentDisclosure(OriginalViewLog log) {
        this.log = log;
    }

    public static boolean mayReadOriginals(Authentication who, String council) {
        return who.getRoles().contains(Role.COUNCIL_ADMIN.code())
                && council.equals(who.getAttributes().get("council"));
    }

    public CommentPage disclose(Authentication who, String council, CommentPage found, boolean originals, Route route) {
        if (!originals) {
            return new CommentPage(found.page(), found.size(), found.total(),
                    found.items().stream().map(c -> c.withComment(redactor.redactedText(c.comment()))).toList(), true);
        }
        if (!mayReadOriginals(who, council)) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "only a council admin of this council may read comments unredacted");
        }
        log.record(who.getName(), council, found.items(), route.code);
        return new CommentPage(found.page(), found.size(), found.total(), found.items(), false);
    }
}
