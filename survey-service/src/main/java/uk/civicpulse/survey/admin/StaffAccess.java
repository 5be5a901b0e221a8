package uk.civicpulse.survey.admin;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

/**
 * Who may do what with a council, from the bearer token analytics-service issued at sign-in: its {@code roles} and
 * {@code council} claim. Officers read their own council's settings and enter ratings for it; council admins also
 * change its settings; platform admins do both for every council.
 */
@Singleton
public class StaffAccess {

    public static final String OFFICER = "officer";
    public static final String COUNCIL_ADMIN = "council_admin";
    public static final String PLATFORM_ADMIN = "platform_admin";
    public static final String COUNCIL_CLAIM = "council";

    /** Read settings or enter ratings for the council: any staff role, own council unless platform admin. */
    public void requireStaffOf(Authentication who, String council) {
        if (!isPlatformAdmin(who) && !(hasAnyRole(who, OFFICER, COUNCIL_ADMIN) && isOwnCouncil(who, council))) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "you may act only for your own council");
        }
    }

    /** Change the council's settings: its council admin, or a platform admin. */
    public void requireAdminOf(Authentication who, String council) {
        if (isPlatformAdmin(who)) {
            return;
        }
        if (!hasAnyRole(who, COUNCIL_ADMIN)) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "changing capture settings needs the council_admin role");
        }
        if (!isOwnCouncil(who, council)) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "you may change only your own council's settings");
        }
    }

    private static boolean isPlatformAdmin(Authentication who) {
        return who.getRoles().contains(PLATFORM_ADMIN);
    }

    private static boolean hasAnyRole(Authentication who, String... roles) {
        for (String role : roles) {
            if (who.getRoles().contains(role)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOwnCouncil(Authentication who, String council) {
        return council != null && council.equals(who.getAttributes().get(COUNCIL_CLAIM));
    }
}
