package uk.civicpulse.analytics.publishing;

import io.micronaut.http.HttpRequest;
import uk.civicpulse.analytics.satisfaction.SliceQuery;

import java.time.LocalDate;

/**
 * Slices for the statistics services behind the JSON API, built from inside the service, so the public page, open
 * data and evidence pack show exactly the API's figures. Who may see a council is decided before the services are
 * called (public pages show any council's published figures; the evidence pack checks the officer first).
 */
public final class InProcess {

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
