package uk.civicpulse.analytics.satisfaction;

import java.util.Arrays;
import java.util.Optional;

/** What a satisfaction slice can be broken down by; each maps to one column of the daily counts. */
public enum Dimension {
    SERVICE("service"),
    CHANNEL("channel"),
    TOUCHPOINT("touchpoint");

    private final String code;

    Dimension(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The column name; safe to put in SQL because it comes from this enum, never from the request. */
    String column() {
        return code;
    }

    public static Optional<Dimension> fromCode(String code) {
        return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
    }
}
