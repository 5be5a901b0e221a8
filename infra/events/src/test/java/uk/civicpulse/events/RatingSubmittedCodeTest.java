package uk.civicpulse.events;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** isCode is checked by hand; the contract's regular expression is the reference. */
class RatingSubmittedCodeTest {

    private static final Pattern CONTRACT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    /** Each class's edges and neighbours: a-z, 0-9, _ and - are codes' characters, the rest are not. */
    private static final char[] ALPHABET = "az09_-`{/:@[AZ .\u00e9\u0130".toCharArray();

    @Test
    void agreesWithTheContractsRegularExpressionOnEveryShortString() {
        List<String> strings = new ArrayList<>(List.of(""));
        for (int length = 1; length <= 3; length++) {
            List<String> longer = new ArrayList<>();
            for (String s : strings) {
                if (s.length() == length - 1) {
                    for (char c : ALPHABET) {
                        longer.add(s + c);
                    }
                }
            }
            strings.addAll(longer);
        }
        for (String s : strings) {
            assertEquals(CONTRACT.matcher(s).matches(), RatingSubmitted.isCode(s), "'" + s + "'");
        }
    }

    @Test
    void allowsSixtyFourCharactersAndNoMore() {
        assertTrue(RatingSubmitted.isCode("a".repeat(64)));
        assertTrue(RatingSubmitted.isCode("9" + "-".repeat(63)));
        assertFalse(RatingSubmitted.isCode("a".repeat(65)));
        assertFalse(RatingSubmitted.isCode(null));
    }
}
