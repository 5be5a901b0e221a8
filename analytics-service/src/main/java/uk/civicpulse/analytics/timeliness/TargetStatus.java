package uk.civicpulse.analytics.timeliness;

import uk.civicpulse.analytics.stats.ProportionEstimate;

/**
 * Whether a standard's target share is met, allowing for chance: met when the whole 95% interval of the share within
 * standard is at or above the target (lower bound >= target), not met when it is wholly below (upper bound < target),
 * otherwise too close to call. Small and local until the statistics work provides the shared target status.
 */
public enum TargetStatus {
    MET("met"),
    NOT_MET("not_met"),
    TOO_CLOSE_TO_CALL("too_close_to_call");

    private final String code;

    TargetStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Null when there is no estimate (no contacts). */
    public static TargetStatus of(ProportionEstimate share, double target) {
        if (share.lower() == null) {
            return null;
        }
        if (share.lower() >= target) {
            return MET;
        }
        if (share.upper() < target) {
            return NOT_MET;
        }
        return TOO_CLOSE_TO_CALL;
    }
}
