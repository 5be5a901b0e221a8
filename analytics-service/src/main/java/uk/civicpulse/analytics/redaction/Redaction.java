package uk.civicpulse.analytics.redaction;

import java.util.List;

/** A comment with its personal data replaced by placeholders, and where in the original each placeholder stands. */
public record Redaction(String text, List<RedactedSpan> spans) {
}
