package uk.civicpulse.analytics.timeliness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkingDaysTest {

    private static final BankHolidays BANK_HOLIDAYS = BankHolidays.bundled();
    private static final WorkingDays ENGLAND = new WorkingDays(BANK_HOLIDAYS.of(Division.ENGLAND_AND_WALES));
    private static final WorkingDays SCOTLAND = new WorkingDays(BANK_HOLIDAYS.of(Division.SCOTLAND));
    private static final WorkingDays NORTHERN_IRELAND = new WorkingDays(BANK_HOLIDAYS.of(Division.NORTHERN_IRELAND));

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @ParameterizedTest(name = "{0} to {1} is {2} working days in England and Wales")
    @CsvSource({
            // an ordinary week: Monday to the next Monday
            "2026-11-16, 2026-11-23, 5",
            // same day, and a reply before the day it arrived, are 0
            "2026-11-16, 2026-11-16, 0",
            "2026-11-16, 2026-11-13, 0",
            // arrived on Saturday: Monday is working day 1, Friday day 5
            "2026-11-21, 2026-11-27, 5",
            // a reply on Sunday counts as the Friday before it: Tue to Fri
            "2026-11-16, 2026-11-22, 4",
            // Christmas and New Year 2025-26: 25, 26 Dec and 1 Jan closed; Tue 23 Dec to Fri 2 Jan is 24, 29, 30, 31 Dec, 2 Jan
            "2025-12-23, 2026-01-02, 5",
            // Christmas 2021 fell on a Saturday: substitute days Mon 27 and Tue 28 Dec, and New Year's Day (Sat) on Mon 3 Jan 2022
            "2021-12-24, 2022-01-04, 4",
            // Boxing Day 2020 was a Saturday: substitute day Mon 28 Dec
            "2020-12-24, 2020-12-31, 3",
            // Easter 2024: Good Friday 29 Mar, Easter Monday 1 Apr
            "2024-03-27, 2024-04-03, 3",
            // a leap year: Wed 28 Feb 2024 to Mon 4 Mar crosses 29 Feb (a Thursday, a working day): 29 Feb, 1 Mar, 4 Mar
            "2024-02-28, 2024-03-04, 3",
            // 2022: Platinum Jubilee (Thu 2 and Fri 3 June) and the Queen's funeral (Mon 19 Sep)
            "2022-06-01, 2022-06-06, 1",
            "2022-09-16, 2022-09-20, 1",
            // 2023: the Coronation (Mon 8 May) after the early May bank holiday (Mon 1 May)
            // 2, 3, 4, 5 and 9 May
            "2023-04-28, 2023-05-09, 5",
    })
    void countsWorkingDaysInEnglandAndWales(String from, String to, long expected) {
        assertEquals(expected, ENGLAND.elapsed(d(from), d(to)));
    }

    @Test
    void scotlandHasTheSecondOfJanuaryAndNoEasterMonday() {
        // New Year 2022 fell on a weekend: Scotland's substitute days are Mon 3 and Tue 4 January
        assertFalse(SCOTLAND.isWorkingDay(d("2022-01-03")));
        assertFalse(SCOTLAND.isWorkingDay(d("2022-01-04")));
        assertTrue(ENGLAND.isWorkingDay(d("2022-01-04")));
        assertTrue(SCOTLAND.isWorkingDay(d("2024-04-01")));
        assertFalse(ENGLAND.isWorkingDay(d("2024-04-01")));
        // summer bank holiday: first Monday of August in Scotland, last in England and Wales
        assertFalse(SCOTLAND.isWorkingDay(d("2025-08-04")));
        assertTrue(ENGLAND.isWorkingDay(d("2025-08-04")));
        assertFalse(ENGLAND.isWorkingDay(d("2025-08-25")));
        // St Andrew's Day 2025 was a Sunday: substitute Monday 1 December
        assertFalse(SCOTLAND.isWorkingDay(d("2025-12-01")));
    }

    @Test
    void northernIrelandHasStPatricksDayAndTheTwelfthWithSubstitutes() {
        // St Patrick's Day 2024 was a Sunday: substitute Monday 18 March
        assertFalse(NORTHERN_IRELAND.isWorkingDay(d("2024-03-18")));
        assertTrue(ENGLAND.isWorkingDay(d("2024-03-18")));
        // 12 July 2025 was a Saturday: substitute Monday 14 July
        assertFalse(NORTHERN_IRELAND.isWorkingDay(d("2025-07-14")));
        assertFalse(NORTHERN_IRELAND.isWorkingDay(d("2022-09-19")));
    }

    @Test
    void aCouncilClosureDayIsNotAWorkingDay() {
        Set<LocalDate> closed = new HashSet<>(BANK_HOLIDAYS.of(Division.ENGLAND_AND_WALES));
        closed.add(d("2025-12-24"));
        WorkingDays council = new WorkingDays(closed);
        assertEquals(4, council.elapsed(d("2025-12-23"), d("2026-01-02")));
        assertEquals(d("2026-01-05"), council.plus(d("2025-12-23"), 5));
        assertEquals(d("2026-01-02"), ENGLAND.plus(d("2025-12-23"), 5));
    }

    @Test
    void agreesWithCountingDayByDayOverTenYears() {
        LocalDate start = d("2018-01-01");
        for (int offset = 0; offset < 3650; offset += 17) {
            LocalDate from = start.plusDays(offset);
            long counted = 0;
            for (int span = 1; span <= 60; span++) {
                LocalDate to = from.plusDays(span);
                if (ENGLAND.isWorkingDay(to)) {
                    counted++;
                }
                assertEquals(counted, ENGLAND.elapsed(from, to), from + " to " + to);
            }
        }
    }

    @Test
    void theBundledFileCoversEveryYearFrom2018To2027InEveryDivision() {
        for (Division division : Division.values()) {
            for (int year = 2018; year <= 2027; year++) {
                int y = year;
                long count = BANK_HOLIDAYS.of(division).stream().filter(day -> day.getYear() == y).count();
                assertTrue(count >= 8, division + " " + year + " has only " + count);
            }
        }
    }

    @Test
    void aDownloadedFileReplacesTheBundledOne() throws Exception {
        Path file = Files.createTempFile("bank-holidays", ".json");
        String json = """
                {"england-and-wales": {"division": "england-and-wales", "events": [{"title": "Extra", "date": "2028-06-05", "notes": "", "bunting": true}]},
                 "scotland": {"division": "scotland", "events": []},
                 "northern-ireland": {"division": "northern-ireland", "events": []}}
                """;
        Files.writeString(file, json, StandardCharsets.UTF_8);
        BankHolidays downloaded = BankHolidays.fromFile(file);
        assertEquals(Set.of(d("2028-06-05")), downloaded.of(Division.ENGLAND_AND_WALES));
        assertEquals(List.of(), List.copyOf(downloaded.of(Division.SCOTLAND)));
        Files.delete(file);
    }
}
