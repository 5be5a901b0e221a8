package uk.civicpulse.contactimport;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * The date-times councils' exports use: ISO 8601 with an offset or Z ({@code 2026-03-02T10:15:00Z}), ISO without one
 * ({@code 2026-03-02T10:15}, {@code 2026-03-02 10:15:00}), UK day-first ({@code 02/03/2026 10:15},
 * {@code 2/3/2026 10:15:30}), or a date alone (ISO or UK: the start of that day). Times without an offset are
 * local time in the council's zone (Europe/London by default: BST in summer; a time in the hour the clocks skip is
 * moved forward by the gap, one in the hour they repeat is read as the earlier). Day-first only: 02/03/2026 is
 * 2 March. Each text is parsed with the one format its shape names, so a million rows cost no failed attempts.
 */
final class Timestamps {

    private static final DateTimeFormatter ISO_LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd['T'][' ']HH:mm[:ss][.SSS]")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter UK_LOCAL = DateTimeFormatter.ofPattern("d/M/uuuu H:mm[:ss]").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private final ZoneId zone;

    Timestamps(ZoneId zone) {
        this.zone = zone;
    }

    /** @throws IllegalArgumentException naming the formats accepted */
    Instant parse(String text) {
        String s = text.strip();
        try {
            if (s.indexOf('/') > 0) {
                return s.indexOf(':') > 0 ? LocalDateTime.parse(s, UK_LOCAL).atZone(zone).toInstant()
                        : LocalDate.parse(s, UK_DATE).atStartOfDay(zone).toInstant();
            }
            if (s.length() == 10) {
                return LocalDate.parse(s, ISO_DATE).atStartOfDay(zone).toInstant();
            }
            if (hasOffset(s)) {
                return OffsetDateTime.parse(s.replace(' ', 'T')).toInstant();
            }
            return LocalDateTime.parse(s, ISO_LOCAL).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date-time: use 2026-03-02T10:15:00Z, 2026-03-02 10:15 or 02/03/2026 10:15");
        }
    }

    /** Ends in Z, or in +hh:mm / -hh:mm / +hhmm after the time. */
    private static boolean hasOffset(String s) {
        if (s.endsWith("Z") || s.endsWith("z")) {
            return true;
        }
        int sign = Math.max(s.lastIndexOf('+'), s.lastIndexOf('-'));
        return sign > 10;
    }
}
