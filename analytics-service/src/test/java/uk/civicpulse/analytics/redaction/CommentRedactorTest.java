package uk.civicpulse.analytics.redaction;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CommentRedactorTest {

    private final CommentRedactor redactor = new CommentRedactor();

    @Test
    void replacesEachKindOfPersonalDataWithItsLabelledPlaceholder() {
        assertEquals("I spoke to [name], call me on [phone] or [email], postcode [postcode], ref [reference].",
                redactor.redactedText("I spoke to Sarah, call me on 07700 900123 or jo@example.com, postcode CF10 1AB, ref ENQ123456."));
    }

    @Test
    void keepsTitlesAndTheRestOfTheSentence() {
        assertEquals("Mr [name] never called back.", redactor.redactedText("Mr Jones never called back."));
    }

    @Test
    void leavesCommentsWithoutPersonalDataExactlyAsTheyWere() {
        String comment = "Bin collection at 7am on 12/03 was missed; Council Tax band D; the A470 closed; service 24/7.";
        assertEquals(comment, redactor.redactedText(comment));
    }

    @Test
    void keepsNullAndEmptyCommentsAsTheyAre() {
        assertNull(redactor.redactedText(null));
        assertEquals("", redactor.redactedText(""));
    }

    @Test
    void mergesOverlappingFindsIntoOneSpanLabelledWithTheStrongerKind() {
        List<RedactedSpan> merged = CommentRedactor.merge(List.of(
                new RedactedSpan(4, 10, PersonalData.PHONE), new RedactedSpan(0, 6, PersonalData.REFERENCE),
                new RedactedSpan(12, 15, PersonalData.NAME)));
        assertEquals(List.of(new RedactedSpan(0, 10, PersonalData.REFERENCE), new RedactedSpan(12, 15, PersonalData.NAME)), merged);
    }

    @Test
    void redactsWelshComments() {
        assertEquals("Fy enw i yw [name] a fy rhif ffôn yw [phone].",
                redactor.redactedText("Fy enw i yw Rhys Jenkins a fy rhif ffôn yw 01267 234567."));
    }
}
