package uk.civicpulse.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a resident contacted the council, as CSE element 5.1.1 lists the kinds of contact: phone calls, letters,
 * e-communications (email, web forms) and personal callers. Separate from {@link Channel}, which says where a rating
 * was given (the widget knows no letters or emails).
 */
public enum ContactChannel {
    PHONE("phone"),
    EMAIL("email"),
    WEB_FORM("web_form"),
    LETTER("letter"),
    FACE_TO_FACE("face_to_face");

    private final String code;

    ContactChannel(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<ContactChannel> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }

    @JsonCreator
    static ContactChannel fromJson(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException("unknown contact channel: " + code));
    }
}
