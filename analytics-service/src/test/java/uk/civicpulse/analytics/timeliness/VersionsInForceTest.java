package uk.civicpulse.analytics.timeliness;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VersionsInForceTest {

    private static Standard version(String effectiveFrom, String channel, String measure, int limit) {
        return new Standard("phone-answered", LocalDate.parse(effectiveFrom), null, channel, "call", measure, limit,
                "seconds", 0.8, "We answer within " + limit + " seconds.", "Byddwn yn ateb o fewn " + limit + " eiliad.", null, null);
    }

    private static final List<Standard> HISTORY = List.of(version("2025-01-01", "phone", "first_response", 60),
            version("2025-07-01", "phone", "first_response", 30), version("2026-01-01", "phone", "first_response", 20));

    private static List<Integer> limitsInForce(String from, String to) {
        return ControlChartService.inForce(HISTORY, LocalDate.parse(from), LocalDate.parse(to)).stream().map(Standard::limit).toList();
    }

    @Test
    void findsEveryVersionInForceOnSomeDayOfTheRange() {
        assertEquals(List.of(60, 30), limitsInForce("2025-03-01", "2025-08-31"));
        assertEquals(List.of(30), limitsInForce("2025-08-01", "2025-09-30"));
        assertEquals(List.of(60, 30, 20), limitsInForce("2024-06-01", "2026-06-30"));
    }

    @Test
    void aVersionEndsTheDayBeforeTheNextBegins() {
        assertEquals(List.of(30), limitsInForce("2025-07-01", "2025-07-31"));
        assertEquals(List.of(60), limitsInForce("2025-06-30", "2025-06-30"));
        assertEquals(List.of(60, 30), limitsInForce("2025-06-30", "2025-07-01"));
    }

    @Test
    void noVersionBeforeTheFirst() {
        assertEquals(List.of(), limitsInForce("2024-01-01", "2024-12-31"));
    }

    @Test
    void comparesStandardsByContactTypeChannelAndMeasureNotByLimit() {
        Standard phone = version("2025-01-01", "phone", "first_response", 60);
        assertTrue(StandardSeries.comparable(phone, version("2024-01-01", "phone", "first_response", 90)));
        assertFalse(StandardSeries.comparable(phone, version("2025-01-01", null, "first_response", 60)));
        assertFalse(StandardSeries.comparable(phone, version("2025-01-01", "phone", "resolution", 60)));
    }
}
