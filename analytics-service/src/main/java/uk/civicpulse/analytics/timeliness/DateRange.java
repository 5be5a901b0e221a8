package uk.civicpulse.analytics.timeliness;

import uk.civicpulse.analytics.web.BadParameterException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Days contacts were received, first and last inclusive. Results are computed from individual contacts, so a range is
 * at most three years long, which keeps every request quick; a wrong one is a 400 problem naming the parameter.
 */
public record DateRange(LocalDate from, LocalDate to) {

    static final int MAX_DAYS = 3 * 366;

    /** The range from {@code from} to {@code to}, checked as the API checks its {@code from} and {@code to}. */
    public static DateRange of(LocalDate from, LocalDate to) {
        return of("from", from, "to", to);
    }

    /** A range given as {@code from} and {@code to} (YYYY-MM-DD). */
    public static DateRange parse(String from, String to) {
        return parse("from", from, "to", to);
    }

    /** A range given by two parameters with these names (e.g. a control chart's baseline). */
    public static DateRange parse(String fromName, String from, String toName, String to) {
        return of(fromName, date(fromName, from), toName, date(toName, to));
    }

    private static DateRange of(String fromName, LocalDate from, String toName, LocalDate to) {
        if (to.isBefore(from)) {
            throw new BadParameterException(toName, "must not be before " + fromName);
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new BadParameterException(toName, "must be at most three years after " + fromName);
        }
        return new DateRange(from, to);
    }

    private static LocalDate date(String name, String value) {
        if (value == null) {
            throw new BadParameterException(name, "is required, as YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name, "must be a date as YYYY-MM-DD");
        }
    }
}
