package uk.civicpulse.analytics.comments;

import io.micronaut.core.annotation.Nullable;
import uk.civicpulse.analytics.ingest.RatingStore;
import uk.civicpulse.analytics.pages.Pages;
import uk.civicpulse.analytics.web.BadParameterException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The comments page's filters, read from the address so that a filtered view can be shared: service, score, reason,
 * a date range (the last twelve months unless given) and, for council admins, whether to show original text.
 */
public record CommentFilters(@Nullable String service, @Nullable Integer score, @Nullable String reason, LocalDate from, LocalDate to,
                             boolean originals) {

    static CommentFilters parse(@Nullable String service, @Nullable String score, @Nullable String reason, @Nullable String from,
                                @Nullable String to, @Nullable String originals) {
        LocalDate today = LocalDate.now(RatingStore.COUNCIL_TIME);
        LocalDate last = date("to", to, today);
        LocalDate first = date("from", from, last.minusYears(1).plusDays(1));
        if (first.isAfter(last)) {
            throw new BadParameterException("from", "'from' (" + first + ") is after 'to' (" + last + ")");
        }
        Integer s = null;
        if (blankToNull(score) != null) {
            try {
                s = Integer.valueOf(score.trim());
            } catch (NumberFormatException e) {
                throw new BadParameterException("score", "must be 1 to 5");
            }
            if (s < 1 || s > 5) {
                throw new BadParameterException("score", "must be 1 to 5");
            }
        }
        return new CommentFilters(blankToNull(service), s, blankToNull(reason), first, last, "true".equals(originals));
    }

    /** The query string (without "?") of this view at the given page; the language is added by the caller. */
    public String query(int page) {
        List<String> parts = new ArrayList<>();
        add(parts, "service", service);
        add(parts, "score", score == null ? null : score.toString());
        add(parts, "reason", reason);
        add(parts, "from", from.toString());
        add(parts, "to", to.toString());
        add(parts, "originals", originals ? "true" : null);
        add(parts, "page", page > 0 ? Integer.toString(page) : null);
        return String.join("&", parts);
    }

    private static void add(List<String> parts, String name, @Nullable String value) {
        if (value != null) {
            parts.add(name + "=" + Pages.encode(value));
        }
    }

    private static LocalDate date(String name, @Nullable String value, LocalDate otherwise) {
        if (blankToNull(value) == null) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name, "must be a date as YYYY-MM-DD");
        }
    }

    private static String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
