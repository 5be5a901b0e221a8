package uk.civicpulse.contactimport;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

/**
 * The date-times councils' exports use: ISO 8601 with an offset or Z ({@code 2026-03-02T10:15:00Z}), ISO without one
 * ({@code 2026-03-02T10:15}, {@code 2026-03-02 10:15:00}), UK day-first ({@code 02/03/2026 10:15},
 * {@code 02/03/2026 10:15:30}), or a date alone (ISO or UK: the start of that day). Times without an offset are
 * local time in the council's zone (Europe/London by default: BST in summer). Day-first only: 02/03/2026 is 2 March.
 */
final class Timestamps {

    private static final List<DateTimeFormatter> LOCAL_DATE_TIMES = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm[:ss][.SSS]").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss][.SSS]").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm[:ss]").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d/M/uuuu H:mm[:ss]").withResolverStyle(ResolverStyle.STRICT));
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT));

    private final ZoneId zone;

    Timestamps(ZoneId zone) {
        this.zone = zone;
    }

    /** @throws IllegalArgumentException naming the formats accepted */
    Instant parse(String text) {
        String s = text.strip();
        if (s.length() > 10 && (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:?\\d\\d$"))) {
            try {
                return OffsetDateTime.parse(s.replace(' ', 'T')).toInstant();
            } catch (DateTimeParseException e) {
                // try the others
            }
        }
        for (DateTimeFormatter f : LOCAL_DATE_TIMES) {
            try {
                return LocalDateTime.parse(s, f).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                // next
            }
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(s, f).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException e) {
                // next
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a date-time: use 2026-03-02T10:15:00Z, 2026-03-02 10:15 or 02/03/2026 10:15");
    }
}
