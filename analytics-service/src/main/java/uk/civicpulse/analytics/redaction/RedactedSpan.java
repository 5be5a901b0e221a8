package uk.civicpulse.analytics.redaction;

/** A stretch of the original comment, {@code [start, end)}, that held personal data of the given kind. */
public record RedactedSpan(int start, int end, PersonalData kind) {

    public RedactedSpan {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("empty or negative span " + start + ".." + end);
        }
    }

    boolean overlaps(RedactedSpan other) {
        return start < other.end && other.start < end;
    }
}
