package uk.civicpulse.analytics.satisfaction;

import java.util.Arrays;
import java.util.Optional;

/** What a satisfaction slice can be broken down or filtered by; each maps to one column of the daily counts. */
public enum Dimension {
    SERVICE("service", "service"),
    CHANNEL("channel", "channel"),
    TOUCHPOINT("touchpoint", "touchpoint"),
    /** The answer to one customer-group question, named by the slice's {@code question}. */
    CUSTOMER_GROUP("customer_group", "answer"),
    /** The period a day falls in (day, week, month, quarter or year), for time series. */
    PERIOD("period", null);

    private final String code;
    private final String column;

    Dimension(String code, String column) {
        this.code = code;
        this.column = column;
    }

    public String code() {
        return code;
    }

    /** The SQL expression; safe to put in SQL because it comes from this enum or {@link Interval}, never from a request. */
    String expression(Interval interval) {
        return this == PERIOD ? interval.bucketExpression() : column;
    }

    public static Optional<Dimension> fromCode(String code) {
        return Arrays.stream(values()).filter(d -> d.code.equals(code) && d != PERIOD).findFirst();
    }
}
