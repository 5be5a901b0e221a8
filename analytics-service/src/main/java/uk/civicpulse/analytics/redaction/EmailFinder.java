package uk.civicpulse.analytics.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Email addresses, including the "name (at) example (dot) com" spellings residents use to dodge spam filters. */
final class EmailFinder {

    private static final Pattern EMAIL = Pattern.compile(
            "[\\p{L}\\p{N}._%+'-]+\\s?(?:@|\\(at\\)|\\[at\\])\\s?[\\p{L}\\p{N}-]+(?:(?:\\.|\\s?\\(dot\\)\\s?|\\s?\\[dot\\]\\s?|\\sdot\\s)[\\p{L}\\p{N}-]+)+",
            Pattern.CASE_INSENSITIVE);

    private EmailFinder() {
    }

    static List<RedactedSpan> find(String text) {
        List<RedactedSpan> found = new ArrayList<>();
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            int end = m.end();
            // A full stop ending the sentence is not part of the address.
            while (end > m.start() && text.charAt(end - 1) == '.') {
                end--;
            }
            found.add(new RedactedSpan(m.start(), end, PersonalData.EMAIL));
        }
        return found;
    }
}
