package uk.civicpulse.analytics.satisfaction;

import uk.civicpulse.analytics.web.BadParameterException;
import uk.civicpulse.events.RatingSubmitted;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Turns query parameters into a {@link Slice}, or a 400 naming the parameter that is wrong. */
public final class SliceParameters {

    /** The longest range one request may cover: ten years of days. */
    static final int MAX_DAYS = 3660;

    private SliceParameters() {
    }

    /**
     * @param from     first day (YYYY-MM-DD), with {@code to}; or
     * @param period   day, week, month, quarter or year, with {@code date}: the period containing that date
     * @param by       comma-separated: service, channel, touchpoint, customer_group
     * @param question the customer-group question, required with customer_group in {@code by} or {@code answer}
     * @param filters  equality filters: service, channel, touchpoint, and {@code answer} for the question
     * @param interval for a time series: the period of each row
     */
    public static Slice parse(String council, String from, String to, String period, String date, String by,
                              String question, Map<String, String> filters, String interval) {
        LocalDate first;
        LocalDate last;
        if (period != null) {
            Interval p = Interval.fromCode(period).orElseThrow(() -> new BadParameterException("period", "must be one of day, week, month, quarter, year"));
            LocalDate on = date(date == null ? null : "date", date == null ? LocalDate.now(uk.civicpulse.analytics.ingest.RatingStore.COUNCIL_TIME).toString() : date);
            first = p.start(on);
            last = p.end(on);
        } else {
            if (from == null || to == null) {
                throw new BadParameterException(from == null ? "from" : "to", "is required (or give period and date)");
            }
            first = date("from", from);
            last = date("to", to);
        }
        if (first.isAfter(last)) {
            throw new BadParameterException("from", "'from' (" + first + ") is after 'to' (" + last + ")");
        }
        if (first.plusDays(MAX_DAYS).isBefore(last)) {
            throw new BadParameterException("to", "a slice covers at most " + MAX_DAYS + " days");
        }
        List<Dimension> dimensions = new ArrayList<>();
        if (by != null && !by.isBlank()) {
            for (String code : by.split(",")) {
                Dimension d = Dimension.fromCode(code.trim()).orElseThrow(() -> new BadParameterException("by",
                        "takes " + Arrays.stream(Dimension.values()).filter(x -> x != Dimension.PERIOD).map(Dimension::code).toList()
                                + ", not '" + code.trim() + "'"));
                if (!dimensions.contains(d)) {
                    dimensions.add(d);
                }
            }
        }
        Map<Dimension, String> equal = new EnumMap<>(Dimension.class);
        for (Map.Entry<String, String> f : filters.entrySet()) {
            if (f.getValue() == null) {
                continue;
            }
            Dimension d = "answer".equals(f.getKey()) ? Dimension.CUSTOMER_GROUP : Dimension.fromCode(f.getKey()).orElseThrow();
            if (f.getValue().isBlank() || f.getValue().length() > RatingSubmitted.MAX_TOUCHPOINT_LENGTH) {
                throw new BadParameterException(f.getKey(), "must be a value of at most " + RatingSubmitted.MAX_TOUCHPOINT_LENGTH + " characters");
            }
            equal.put(d, f.getValue());
        }
        boolean needsQuestion = dimensions.contains(Dimension.CUSTOMER_GROUP) || equal.containsKey(Dimension.CUSTOMER_GROUP);
        if (needsQuestion && (question == null || !RatingSubmitted.isCode(question))) {
            throw new BadParameterException("question", "name the customer-group question (e.g. age_band) to break down or filter by customer_group");
        }
        if (!needsQuestion && question != null) {
            throw new BadParameterException("question", "only with customer_group in 'by' or an 'answer' filter");
        }
        Interval each = null;
        if (interval != null) {
            each = Interval.fromCode(interval).orElseThrow(() -> new BadParameterException("interval", "must be one of day, week, month, quarter, year"));
            dimensions.add(0, Dimension.PERIOD);
        }
        return new Slice(council, first, last, List.copyOf(dimensions), equal, needsQuestion ? question : null, each);
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name, "must be a date YYYY-MM-DD, got '" + value + "'");
        }
    }
}
