package uk.civicpulse.analytics.officers;

import java.util.Arrays;

/** What a signed-in person may see: officers and council admins their own council, platform admins every council. */
public enum Role {
    OFFICER("officer"),
    COUNCIL_ADMIN("council_admin"),
    PLATFORM_ADMIN("platform_admin");

    private final String code;

    Role(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Role fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role " + code));
    }
}
