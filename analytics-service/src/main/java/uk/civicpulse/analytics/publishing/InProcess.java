package uk.civicpulse.analytics.publishing;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import uk.civicpulse.analytics.officers.Role;
import uk.civicpulse.analytics.satisfaction.SliceQuery;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Calls the statistics behind the JSON API from inside the service, so the public page, open data and evidence pack
 * show exactly the API's figures. Who may see a council is decided before these calls (public pages show any
 * council's published figures; the evidence pack checks the officer first), so the calls themselves run as the
 * platform.
 */
public final class InProcess {

    /** The platform reading a council's figures on behalf of a page whose own access rule has already been applied. */
    public static final Authentication PLATFORM = Authentication.build("civic-pulse-pages",
            List.of(Role.PLATFORM_ADMIN.code()), Map.of());

    private InProcess() {
    }

    /** A slice of the whole council over a range, as the API would bind it from {@code ?from=&to=}. */
    public static SliceQuery slice(String council, LocalDate from, LocalDate to) {
        return slice(council, from, to, null, null);
    }

    public static SliceQuery slice(String council, LocalDate from, LocalDate to, String service, String channel) {
        return new SliceQuery(council, from.toString(), to.toString(), service, channel, null, null, null, HttpRequest.GET("/"));
    }
}
