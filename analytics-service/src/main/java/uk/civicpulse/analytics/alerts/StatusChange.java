package uk.civicpulse.analytics.alerts;

import io.micronaut.core.annotation.Nullable;

/**
 * When a target or a standard counts as newly missed: its status is now "not met" and was not "not met" the last
 * time it was judged (or it was never judged). Still missed raises nothing; once it recovers (met, too close to
 * call, no responses), a later miss is new again.
 */
public final class StatusChange {

    public static final String NOT_MET = "not_met";

    private StatusChange() {
    }

    public static boolean newlyMissed(@Nullable String previous, String current) {
        return NOT_MET.equals(current) && !NOT_MET.equals(previous);
    }
}
