package uk.civicpulse.analytics.officers;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

/**
 * The one place that decides whether a signed-in person may read a council's figures: their own council, or any
 * council for a platform admin. A council that does not exist looks, to anyone but a platform admin, exactly like
 * one they may not see, so an officer cannot probe which councils use the platform.
 */
@Singleton
public class CouncilAccess {

    private final OfficerRepository officers;

    public CouncilAccess(OfficerRepository officers) {
        this.officers = officers;
    }

    public void requireReadable(Authentication who, String council) {
        boolean platformAdmin = who.getRoles().contains(Role.PLATFORM_ADMIN.code());
        if (!platformAdmin && !council.equals(who.getAttributes().get(OfficerAuthenticationProvider.COUNCIL_ATTRIBUTE))) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "you may read only your own council's figures");
        }
        if (!officers.councilCodes().contains(council)) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no council with code '" + council + "'");
        }
    }

    /**
     * Whether a signed-in person may change a council's settings (population shares, contact volumes): a council
     * admin of that council or a platform admin. Officers may read them but not change them.
     */
    public void requireAdministrable(Authentication who, String council) {
        requireReadable(who, council);
        if (!who.getRoles().contains(Role.PLATFORM_ADMIN.code()) && !who.getRoles().contains(Role.COUNCIL_ADMIN.code())) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "only a council admin may change this council's settings");
        }
    }
}
