package uk.civicpulse.analytics.timeliness;

import java.util.Arrays;
import java.util.Optional;

/** What a standard times: from receipt to the first response (a call answered, a reply sent), or to resolution. */
public enum Measure {
    FIRST_RESPONSE("first_response"),
    RESOLUTION("resolution");

    private final String code;

    Measure(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Measure> fromCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }
}
