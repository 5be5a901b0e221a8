package uk.civicpulse.analytics.timeliness;

import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * Each council's {@link WorkingDays}: its division's bank holidays (from the file named by
 * {@code ANALYTICS_BANK_HOLIDAYS_FILE}, a download of https://www.gov.uk/bank-holidays.json, or else the bundled copy)
 * and its own closure days. Read afresh for each report, so a new closure day counts at once.
 */
@Singleton
public class Calendars {

    private final BankHolidays bankHolidays;
    private final StandardRepository repository;

    public Calendars(TimelinessSettings settings, StandardRepository repository) {
        String file = settings.bankHolidaysFile();
        this.bankHolidays = file == null || file.isBlank() ? BankHolidays.bundled() : BankHolidays.fromFile(Path.of(file));
        this.repository = repository;
    }

    public WorkingDays of(String council) {
        Set<LocalDate> closed = new HashSet<>(bankHolidays.of(repository.division(council)));
        closed.addAll(repository.closureDays(council));
        return new WorkingDays(closed);
    }
}
