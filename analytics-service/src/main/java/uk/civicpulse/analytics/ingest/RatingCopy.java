package uk.civicpulse.analytics.ingest;

import uk.civicpulse.events.EventCodec;
import uk.civicpulse.events.RatingEnriched;
import uk.civicpulse.events.RatingSubmitted;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;

/**
 * Writes ratings as the rows of {@code COPY rating (...) FROM STDIN} (or {@code rating_stage}, or their receipts) in
 * PostgreSQL's text format
 * (<a href="https://www.postgresql.org/docs/17/sql-copy.html#id-1.9.3.55.9.2">COPY, text format</a>): one line per
 * rating, columns separated by a tab, {@code \N} for null, and in every value a backslash, tab, newline or carriage
 * return written as {@code \\}, {@code \t}, {@code \n}, {@code \r}, so any comment (quotes, tabs, newlines, Welsh
 * letters, a lone {@code \.}) arrives exactly as sent. Text may not hold U+0000 in PostgreSQL: such ratings are
 * dead-lettered before they get here ({@link #hasNul}).
 */
final class RatingCopy {

    private RatingCopy() {
    }

    /** The batch as COPY text, UTF-8 (the encoding the JDBC driver sets for the connection). */
    static byte[] rows(Collection<RatingSubmitted> ratings) {
        StringBuilder out = new StringBuilder(ratings.size() * 400);
        for (RatingSubmitted r : ratings) {
            out.append(r.id()).append('\t');
            text(out, r.council()).append('\t');
            text(out, r.service()).append('\t');
            text(out, r.channel().code()).append('\t');
            text(out, r.touchpoint()).append('\t');
            text(out, r.scale().code()).append('\t');
            out.append(r.score()).append('\t');
            textArray(out, r.reasons()).append('\t');
            text(out, r.comment()).append('\t');
            text(out, json(r.keyAreas())).append('\t');
            text(out, json(r.customerGroup())).append('\t');
            out.append(Boolean.TRUE.equals(r.agentEntered()) ? 't' : 'f').append('\t');
            timestamp(out, r.submittedAt()).append('\t');
            timestamp(out, r.receivedAt()).append('\t');
            out.append(ratedOn(r)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The receipts of the batch, {@code id, council, rated_on}, as COPY text. */
    static byte[] receipts(Collection<RatingSubmitted> ratings) {
        StringBuilder out = new StringBuilder(ratings.size() * 60);
        for (RatingSubmitted r : ratings) {
            out.append(r.id()).append('\t');
            text(out, r.council()).append('\t');
            out.append(ratedOn(r)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The day a rating counts for, in council time. */
    static LocalDate ratedOn(RatingSubmitted r) {
        return LocalDate.ofInstant(r.ratedAt(), RatingStore.COUNCIL_TIME);
    }

    /** True when a text field holds U+0000, which no PostgreSQL text value can. */
    static boolean hasNul(RatingSubmitted r) {
        return contains0(r.touchpoint()) || contains0(r.comment()) || contains0(r.service()) || contains0(r.council())
                || r.reasons().stream().anyMatch(RatingCopy::contains0)
                || r.customerGroup().entrySet().stream().anyMatch(e -> contains0(e.getKey()) || contains0(e.getValue()));
    }

    /** True when a text field of an enrichment holds U+0000. */
    static boolean hasNul(RatingEnriched e) {
        return contains0(e.comment()) || e.reasons().stream().anyMatch(RatingCopy::contains0)
                || e.customerGroup().entrySet().stream().anyMatch(a -> contains0(a.getKey()) || contains0(a.getValue()));
    }

    private static boolean contains0(String s) {
        return s != null && s.indexOf('\0') >= 0;
    }

    /** A value, escaped for the text format; null as {@code \N}. */
    static StringBuilder text(StringBuilder out, String value) {
        if (value == null) {
            return out.append("\\N");
        }
        for (int i = 0, n = value.length(); i < n; i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
        return out;
    }

    /** A text[] literal ({"a","b"}): each element double-quoted, its quotes and backslashes escaped; then as text. */
    private static StringBuilder textArray(StringBuilder out, List<String> values) {
        StringBuilder literal = new StringBuilder().append('{');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"');
            String v = values.get(i);
            for (int j = 0; j < v.length(); j++) {
                char ch = v.charAt(j);
                if (ch == '"' || ch == '\\') {
                    literal.append('\\');
                }
                literal.append(ch);
            }
            literal.append('"');
        }
        return text(out, literal.append('}').toString());
    }

    /**
     * An instant to the microsecond (PostgreSQL's precision), rounded half up as the JDBC driver rounds a
     * {@link java.sql.Timestamp}, in ISO 8601 with its zone, so the session's time zone plays no part.
     */
    private static StringBuilder timestamp(StringBuilder out, Instant at) {
        if (at == null) {
            return out.append("\\N");
        }
        return out.append(at.plusNanos(500).truncatedTo(ChronoUnit.MICROS));
    }

    private static String json(Object value) {
        return new String(EventCodec.encode(value), StandardCharsets.UTF_8);
    }
}
