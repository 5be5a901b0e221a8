package uk.civicpulse.analytics.publishing;

import org.junit.jupiter.api.Test;
import uk.civicpulse.analytics.web.BadParameterException;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReportingPeriodTest {

    @Test
    void theDefaultIsTheLastTwelveCompleteMonths() {
        assertEquals(new ReportingPeriod(LocalDate.parse("2025-12-01"), LocalDate.parse("2026-11-30")),
                ReportingPeriod.lastTwelveMonths(LocalDate.parse("2026-12-07")));
        assertEquals(new ReportingPeriod(LocalDate.parse("2023-03-01"), LocalDate.parse("2024-02-29")),
                ReportingPeriod.lastTwelveMonths(LocalDate.parse("2024-03-01")));
    }

    @Test
    void aGivenRangeIsKeptAndABadOneNamesItsParameter() {
        assertEquals(new ReportingPeriod(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-03-31")),
                ReportingPeriod.parse("2026-01-01", "2026-03-31"));
        assertEquals("to", assertThrows(BadParameterException.class, () -> ReportingPeriod.parse("2026-01-01", null)).parameter());
        assertEquals("from", assertThrows(BadParameterException.class, () -> ReportingPeriod.parse("2026-1-1", "2026-03-31")).parameter());
        assertEquals("to", assertThrows(BadParameterException.class, () -> ReportingPeriod.parse("2026-03-01", "2026-01-31")).parameter());
        assertEquals("to", assertThrows(BadParameterException.class, () -> ReportingPeriod.parse("2020-01-01", "2026-01-31")).parameter());
    }
}
