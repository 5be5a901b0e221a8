package uk.civicpulse.analytics.redaction;

import java.util.ArrayList;
import java.util.List;

/**
 * Recall and precision of the redactor over some corpus rows. An expected item is found only when one redacted span
 * covers all of it (half a phone number left showing is a miss). A redacted span is correct when it overlaps an
 * expected item; otherwise it is a false positive.
 */
final class CorpusScore {

    int expected;
    int found;
    int correctlyLabelled;
    int redacted;
    int falsePositives;
    int trapFalsePositives;
    final List<String> misses = new ArrayList<>();

    static CorpusScore of(List<CorpusRow> rows, CommentRedactor redactor) {
        CorpusScore score = new CorpusScore();
        rows.forEach(row -> score.add(row, redactor.redact(row.comment()).spans()));
        return score;
    }

    private void add(CorpusRow row, List<RedactedSpan> spans) {
        for (CorpusRow.Expected item : row.expected()) {
            expected++;
            RedactedSpan covering = spans.stream().filter(s -> s.start() <= item.start() && s.end() >= item.end()).findFirst().orElse(null);
            if (covering == null) {
                misses.add("line " + row.line() + " missed " + item.kind() + " '" + row.comment().substring(item.start(), item.end()) + "'");
            } else {
                found++;
                correctlyLabelled += covering.kind() == item.kind() ? 1 : 0;
            }
        }
        for (RedactedSpan span : spans) {
            redacted++;
            boolean wanted = row.expected().stream().anyMatch(e -> span.start() < e.end() && e.start() < span.end());
            if (!wanted) {
                falsePositives++;
                trapFalsePositives += row.trap() ? 1 : 0;
                misses.add("line " + row.line() + " wrongly redacted " + span.kind() + " '" + row.comment().substring(span.start(), span.end()) + "'");
            }
        }
    }

    double recall() {
        return expected == 0 ? 1 : (double) found / expected;
    }

    double precision() {
        return redacted == 0 ? 1 : (double) (redacted - falsePositives) / redacted;
    }

    String summary(String name, int rows, long traps) {
        return String.format(java.util.Locale.ROOT,
                "%s: %d comments (%d traps), %d items of personal data: recall %.3f (%d/%d), precision %.3f (%d/%d redacted spans), "
                        + "label agreement %d/%d, false positives on traps %d",
                name, rows, traps, expected, recall(), found, expected, precision(), redacted - falsePositives, redacted,
                correctlyLabelled, found, trapFalsePositives);
    }
}
