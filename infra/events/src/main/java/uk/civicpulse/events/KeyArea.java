package uk.civicpulse.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/**
 * The five areas CSE element 1.3.3 asks councils to measure beside overall satisfaction,
 * each rated 1 (very poor) to 5 (very good).
 */
public enum KeyArea {
    DELIVERY("delivery"),
    TIMELINESS("timeliness"),
    INFORMATION("information"),
    ACCESS("access"),
    STAFF("staff");

    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;

    private final String code;

    KeyArea(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<KeyArea> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    @JsonCreator
    static KeyArea fromJson(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException("unknown key area: " + code));
    }
}
