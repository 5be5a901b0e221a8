package uk.civicpulse.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/** How the resident reached the council when they gave the rating. */
public enum Channel {
    WEB("web"),
    FACE_TO_FACE("face_to_face"),
    PHONE("phone");

    private final String code;

    Channel(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<Channel> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }

    @JsonCreator
    static Channel fromJson(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException("unknown channel: " + code));
    }
}
