package uk.civicpulse.analytics.dashboard;

import io.micronaut.security.authentication.Authentication;

import java.util.List;

/**
 * The figures of one dashboard page, read in-process from the services and routes behind the JSON API (never
 * computed again here), so a page, its CSV and the API agree. Each implementation is one page.
 */
interface PageFigures {

    /** The page's name in its address and in the navigation: overview, trend, channels... */
    String name();

    /** The filters its form offers, of: from, to, service, channel, period, question, baselineFrom, baselineTo. */
    List<String> fields();

    /** The periods its period filter offers (when it has one). */
    default List<String> periods() {
        return List.of("day", "week", "month", "quarter", "year");
    }

    DashboardPage build(String council, DashboardFilters filters, Authentication who, Words words);
}
