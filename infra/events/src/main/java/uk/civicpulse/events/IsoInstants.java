package uk.civicpulse.events;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 instants written and read exactly as {@link Instant#toString()} and {@link Instant#parse} do, without
 * going through {@link DateTimeFormatter}: in the capture benchmark's profile, formatting the two instants of a
 * {@link RatingSubmitted} was most of the cost of encoding it, and parsing the client's {@code submittedAt} a
 * noticeable part of validating it.
 *
 * <p>Only the everyday forms take the short way: years 0000-9999 when writing; {@code yyyy-MM-ddTHH:mm:ssZ} with
 * an optional fraction of 1-9 digits and a real date and time when reading. Everything else (offsets, lower-case
 * letters, missing seconds, leap seconds, 24:00, five-digit years, malformed text) goes to the JDK, so the result
 * and any exception are the JDK's own.
 */
public final class IsoInstants {

    private static final long MAX_SHORT_WAY_SECONDS = LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);
    private static final long MIN_SHORT_WAY_SECONDS = LocalDateTime.of(0, 1, 1, 0, 0, 0).toEpochSecond(ZoneOffset.UTC);

    private IsoInstants() {
    }

    /** The same text as {@link Instant#toString()}. */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < MIN_SHORT_WAY_SECONDS || seconds > MAX_SHORT_WAY_SECONDS) {
            return instant.toString();
        }
        int nano = instant.getNano();
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        // As ISO_INSTANT: no fraction when zero, else 3, 6 or 9 digits, as many as needed.
        int digits = nano == 0 ? 0 : nano % 1_000_000 == 0 ? 3 : nano % 1000 == 0 ? 6 : 9;
        char[] out = new char[20 + (digits == 0 ? 0 : digits + 1)];
        put(out, 0, t.getYear(), 4);
        out[4] = '-';
        put(out, 5, t.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, t.getDayOfMonth(), 2);
        out[10] = 'T';
        put(out, 11, t.getHour(), 2);
        out[13] = ':';
        put(out, 14, t.getMinute(), 2);
        out[16] = ':';
        put(out, 17, t.getSecond(), 2);
        int end = 19;
        if (digits > 0) {
            out[end++] = '.';
            put(out, end, nano / pow10(9 - digits), digits);
            end += digits;
        }
        out[end] = 'Z';
        return new String(out);
    }

    /** The same instant as {@link Instant#parse}, which also decides (and throws) for anything but the everyday form. */
    public static Instant parse(CharSequence text) {
        Instant quick = parseEveryday(text);
        return quick != null ? quick : Instant.parse(text);
    }

    private static Instant parseEveryday(CharSequence s) {
        int length = s.length();
        if (length < 20 || length > 30 || length == 21 || s.charAt(length - 1) != 'Z'
                || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int nano = 0;
        if (length > 20) {
            if (s.charAt(19) != '.') {
                return null;
            }
            int fraction = length - 21;
            nano = digits(s, 20, fraction);
            if (nano < 0) {
                return null;
            }
            nano *= pow10(9 - fraction);
        }
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            // Refuses 24:00, leap seconds and dates that do not exist: the JDK then decides.
            return Instant.ofEpochSecond(LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.UTC), nano);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal number in {@code count} characters from {@code from}; -1 when one is not an ASCII digit. */
    private static int digits(CharSequence s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static void put(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static int pow10(int n) {
        int p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}
