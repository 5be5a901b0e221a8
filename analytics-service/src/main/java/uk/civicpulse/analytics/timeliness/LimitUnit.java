package uk.civicpulse.analytics.timeliness;

import java.util.Arrays;
import java.util.Optional;

/** The unit of a standard's limit: elapsed (calendar) time, or working days of the council's calendar. */
public enum LimitUnit {
    SECONDS("seconds", 1),
    MINUTES("minutes", 60),
    HOURS("hours", 3600),
    WORKING_DAYS("working_days", 0);

    private final String code;
    private final long seconds;

    LimitUnit(String code, long seconds) {
        this.code = code;
        this.seconds = seconds;
    }

    public String code() {
        return code;
    }

    public boolean calendar() {
        return this != WORKING_DAYS;
    }

    /** Seconds in one unit, for the calendar units. */
    public long seconds() {
        return seconds;
    }

    public static Optional<LimitUnit> fromCode(String code) {
        return Arrays.stream(values()).filter(u -> u.code.equals(code)).findFirst();
    }
}
