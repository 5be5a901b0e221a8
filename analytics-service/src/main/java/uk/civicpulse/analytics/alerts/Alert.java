package uk.civicpulse.analytics.alerts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One breach, raised once.
 *
 * @param kind       dip, improvement, target_missed or standard_missed
 * @param rule       the Making Data Count rule broken, "target", or the timeliness standard's code
 * @param periodFrom first day of the figures judged
 * @param periodTo   last day of the figures judged
 * @param figure     the proportion judged: % satisfied (dip, target) or share within the standard
 * @param lower      its 95% Wilson interval, lower bound
 * @param upper      its 95% Wilson interval, upper bound
 * @param n          the responses or contacts behind it
 * @param threshold  what it was judged against: the lower control limit (dip), the upper control limit (improvement),
 *                   the target, or the standard's target share
 * @param summary    the breach in words
 * @param email      how the alert's email stands
 */
@Serdeable
public record Alert(long id, String council, String kind, @Nullable String service, @Nullable String channel, String rule,
                    LocalDate periodFrom, LocalDate periodTo, @Nullable Double figure, @Nullable Double lower,
                    @Nullable Double upper, long n, @Nullable Double threshold, String summary, Instant raisedAt,
                    @Nullable Instant emailedAt, @Nullable String acknowledgedBy, @Nullable Instant acknowledgedAt,
                    Email email) {

    public static final String DIP = "dip";
    /** A sustained rise: a Making Data Count rule broken on the high side ("improvement" in Making Data Count terms). */
    public static final String IMPROVEMENT = "improvement";
    public static final String TARGET_MISSED = "target_missed";
    public static final String STANDARD_MISSED = "standard_missed";

    /**
     * How an alert's email stands, so an officer can tell whether the recipients heard of it.
     *
     * @param state    sent; due (not tried yet); retrying (tries failed, tried again at {@code nextTry}); not_sent (it is
     *                 not to be emailed: no recipients, no mail server, or raised before alerts were emailed)
     * @param attempts tries so far
     * @param problem  why it is not sent: the last error while retrying, the reason when not to be sent; null once sent
     * @param nextTry  when it is tried again (due, retrying)
     */
    @Serdeable
    public record Email(String state, int attempts, @Nullable String problem, @Nullable Instant nextTry) {

        public static final String SENT = "sent";
        public static final String DUE = "due";
        public static final String RETRYING = "retrying";
        public static final String NOT_SENT = "not_sent";

        /** From the alert's email columns: sent once emailed; not to be sent once no next try is set. */
        public static Email of(@Nullable Instant emailedAt, @Nullable Instant nextTry, int attempts, @Nullable String problem) {
            if (emailedAt != null) {
                return new Email(SENT, attempts, null, null);
            }
            if (nextTry == null) {
                return new Email(NOT_SENT, attempts, problem, null);
            }
            return new Email(attempts == 0 ? DUE : RETRYING, attempts, attempts == 0 ? null : problem, nextTry);
        }
    }

    /** An alert not yet stored: {@code key} names the breach, so storing it twice stores it once. */
    public record Candidate(String key, String council, String kind, @Nullable String service, @Nullable String channel,
                            String rule, LocalDate periodFrom, LocalDate periodTo, @Nullable Double figure,
                            @Nullable Double lower, @Nullable Double upper, long n, @Nullable Double threshold,
                            String summary) {

        Candidate withKey(String newKey) {
            return new Candidate(newKey, council, kind, service, channel, rule, periodFrom, periodTo, figure, lower, upper,
                    n, threshold, summary);
        }
    }
}
