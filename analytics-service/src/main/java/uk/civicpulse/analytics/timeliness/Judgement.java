package uk.civicpulse.analytics.timeliness;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * How one contact fared against one standard.
 *
 * @param outcome within, outside, or pending (not yet answered and its limit not yet passed: not counted)
 * @param elapsed the time taken in the standard's unit (seconds, minutes, hours or working days), or null when the
 *                contact has not had the response or resolution yet
 */
public record Judgement(Outcome outcome, Double elapsed) {

    public enum Outcome { WITHIN, OUTSIDE, PENDING }

    /** Councils are in the UK: an email received at 23:30 on a Friday in BST was received on Friday. */
    public static final ZoneId COUNCIL_TIME = ZoneId.of("Europe/London");

    /**
     * @param standard   the version in force on the day the contact was received
     * @param calendar   the council's working days
     * @param receivedAt when the contact arrived
     * @param doneAt     when it had its first response or resolution (per the standard's measure), or null
     * @param now        the moment of judging: an open contact past its limit is already outside the standard
     */
    public static Judgement of(Standard standard, WorkingDays calendar, Instant receivedAt, Instant doneAt, Instant now) {
        LimitUnit unit = standard.unitValue();
        int limit = standard.limit();
        if (unit.calendar()) {
            long limitSeconds = limit * unit.seconds();
            if (doneAt == null) {
                return new Judgement(Duration.between(receivedAt, now).getSeconds() > limitSeconds ? Outcome.OUTSIDE : Outcome.PENDING, null);
            }
            double seconds = Duration.between(receivedAt, doneAt).toMillis() / 1000.0;
            return new Judgement(seconds <= limitSeconds ? Outcome.WITHIN : Outcome.OUTSIDE, seconds / unit.seconds());
        }
        LocalDate received = LocalDate.ofInstant(receivedAt, COUNCIL_TIME);
        if (doneAt == null) {
            long soFar = calendar.elapsed(received, LocalDate.ofInstant(now, COUNCIL_TIME));
            return new Judgement(soFar > limit ? Outcome.OUTSIDE : Outcome.PENDING, null);
        }
        long days = calendar.elapsed(received, LocalDate.ofInstant(doneAt, COUNCIL_TIME));
        return new Judgement(days <= limit ? Outcome.WITHIN : Outcome.OUTSIDE, (double) days);
    }
}
