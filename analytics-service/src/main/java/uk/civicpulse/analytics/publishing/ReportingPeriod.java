package uk.civicpulse.analytics.publishing;

import io.micronaut.core.annotation.Nullable;
import uk.civicpulse.analytics.ingest.RatingStore;
import uk.civicpulse.analytics.web.BadParameterException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The days a published page covers: by default the last twelve complete months, so the page and its open data stay
 * the same all month; or the range given as {@code from} and {@code to} (at most three years, the timeliness limit).
 */
public record ReportingPeriod(LocalDate from, LocalDate to) {

    static final int MAX_DAYS = 3 * 366;

    public static ReportingPeriod lastTwelveMonths(LocalDate today) {
        LocalDate firstOfThisMonth = today.withDayOfMonth(1);
        return new ReportingPeriod(firstOfThisMonth.minusMonths(12), firstOfThisMonth.minusDays(1));
    }

    /** Both given, or neither (the default); anything else is a 400 naming the parameter. */
    public static ReportingPeriod parse(@Nullable String from, @Nullable String to) {
        if (from == null && to == null) {
            return lastTwelveMonths(LocalDate.now(RatingStore.COUNCIL_TIME));
        }
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (last.isBefore(first)) {
            throw new BadParameterException("to", "must not be before from");
        }
        if (first.plusDays(MAX_DAYS).isBefore(last)) {
            throw new BadParameterException("to", "must be at most three years after from");
        }
        return new ReportingPeriod(first, last);
    }

    private static LocalDate date(String name, String value) {
        if (value == null) {
            throw new BadParameterException(name, "give both from and to (YYYY-MM-DD), or neither for the last twelve months");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name, "must be a date as YYYY-MM-DD");
        }
    }
}
