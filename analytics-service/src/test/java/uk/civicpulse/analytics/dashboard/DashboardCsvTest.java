package uk.civicpulse.analytics.dashboard;

import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;
import uk.civicpulse.analytics.web.BadParameterException;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The dashboard's CSV gives the page's rows unrounded and defused; its filters default sensibly and refuse bad values. */
class DashboardCsvTest {

    private static DataTable table(DataTable.Cell first, DataTable.Cell figure) {
        return new DataTable.Builder("t", "A table").column("Name").number("% satisfied").row(List.of(first, figure)).build();
    }

    @Test
    void writesTheUnroundedFigureBehindEachRoundedOne() {
        String csv = DashboardCsvController.write(table(DataTable.Cell.text("Waste"), DataTable.Cell.percent(0.931234567)));
        assertEquals("Name,% satisfied\r\nWaste," + (0.931234567 * 100) + "\r\n", csv, "not the 93.1% the page shows");
    }

    @Test
    void defusesCellsThatASpreadsheetWouldTakeForAFormula() {
        for (String attack : List.of("=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)")) {
            String csv = DashboardCsvController.write(table(DataTable.Cell.text(attack), DataTable.Cell.count(3)));
            String cell = AccessCsv.firstCellOfSecondRow(csv);
            assertEquals("'" + attack, cell, csv);
        }
    }

    @Test
    void negativeNumbersStayNumbers() {
        String csv = DashboardCsvController.write(table(DataTable.Cell.text("Phone"), DataTable.Cell.number("-2.0", -2.0)));
        assertEquals("Name,% satisfied\r\nPhone,-2.0\r\n", csv);
    }

    @Test
    void filtersDefaultToTheLastTwelveMonthsThisOneIncluded() {
        DashboardFilters f = DashboardFilters.parse(HttpRequest.GET("/"), LocalDate.of(2026, 12, 7));
        assertEquals(LocalDate.of(2026, 1, 1), f.from());
        assertEquals(LocalDate.of(2026, 12, 7), f.to());
        assertEquals("month", f.period());
        assertNull(f.service());
        assertEquals(LocalDate.of(2026, 1, 1), f.baselineFrom());
        assertEquals(LocalDate.of(2026, 6, 30), f.baselineTo());
    }

    @Test
    void anEmptySelectMeansAll() {
        DashboardFilters f = DashboardFilters.parse(HttpRequest.GET("/?service=&channel=&from=2025-01-01&to=2025-03-31"), LocalDate.of(2026, 12, 7));
        assertNull(f.service());
        assertNull(f.channel());
        assertEquals(LocalDate.of(2025, 3, 31), f.baselineTo(), "the baseline stays within the range");
    }

    @Test
    void aWrongValueNamesItsFilter() {
        LocalDate today = LocalDate.of(2026, 12, 7);
        assertEquals("from", assertThrows(BadParameterException.class,
                () -> DashboardFilters.parse(HttpRequest.GET("/?from=yesterday"), today)).parameter());
        assertEquals("from", assertThrows(BadParameterException.class,
                () -> DashboardFilters.parse(HttpRequest.GET("/?from=2026-02-01&to=2026-01-01"), today)).parameter());
        assertEquals("channel", assertThrows(BadParameterException.class,
                () -> DashboardFilters.parse(HttpRequest.GET("/?channel=fax"), today)).parameter());
        assertEquals("service", assertThrows(BadParameterException.class,
                () -> DashboardFilters.parse(HttpRequest.GET("/?service=Waste%20%26%20recycling"), today)).parameter());
        assertEquals("period", assertThrows(BadParameterException.class,
                () -> DashboardFilters.parse(HttpRequest.GET("/?period=fortnight"), today)).parameter());
    }

    /** Reads a CSV's second row's first cell, quotes undone. */
    static final class AccessCsv {
        static String firstCellOfSecondRow(String csv) {
            return DashboardAccessIT.parse(csv).get(1).get(0);
        }
    }
}
