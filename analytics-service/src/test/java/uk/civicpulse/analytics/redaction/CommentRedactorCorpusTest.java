package uk.civicpulse.analytics.redaction;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The redactor against a corpus of realistic council comments in English and Welsh. The "dev" rows were written first
 * and the redactor tuned on them; the "heldout" rows were written afterwards and scored once, untuned, so their recall
 * estimates how the redactor does on comments nobody tuned it for. Scored untuned they gave 29/33 (0.879); two of
 * the four misses were bugs (an overlapping match hid a first name; an initial "A." was taken for the word "A") and
 * were fixed, giving 32/33. The floor, 0.85, sits below the untuned figure, so it holds for honest reasons.
 */
class CommentRedactorCorpusTest {

    static final double HELD_OUT_RECALL_FLOOR = 0.85;
    private static final CommentRedactor REDACTOR = new CommentRedactor();
    private static List<CorpusRow> corpus;

    @BeforeAll
    static void readCorpus() throws IOException {
        corpus = CorpusRow.read("/redaction/comment-corpus.csv");
    }

    private static CorpusScore scoreOf(String split) {
        List<CorpusRow> rows = corpus.stream().filter(r -> split == null || r.split().equals(split)).toList();
        CorpusScore score = CorpusScore.of(rows, REDACTOR);
        System.out.println(score.summary(split == null ? "whole corpus" : split, rows.size(), rows.stream().filter(CorpusRow::trap).count()));
        score.misses.forEach(m -> System.out.println("  " + m));
        return score;
    }

    @Test
    void theCorpusIsLargeEnoughAndHoldsWelshAndTraps() {
        assertTrue(corpus.size() >= 120, "rows: " + corpus.size());
        assertTrue(corpus.stream().filter(r -> r.language().equals("cy")).count() >= 15, "Welsh rows");
        assertTrue(corpus.stream().filter(CorpusRow::trap).count() >= 30, "trap rows");
    }

    @Test
    void findsAtLeast95PercentOfThePersonalDataInTheRowsItWasTunedOn() {
        CorpusScore dev = scoreOf("dev");
        assertTrue(dev.recall() >= 0.95, dev.summary("dev", 0, 0));
    }

    @Test
    void findsMostOfThePersonalDataInRowsItWasNotTunedOn() {
        CorpusScore heldOut = scoreOf("heldout");
        assertTrue(heldOut.recall() >= HELD_OUT_RECALL_FLOOR, heldOut.summary("heldout", 0, 0));
    }

    @Test
    void redactsNothingInCommentsThatHoldNoPersonalData() {
        CorpusScore all = scoreOf(null);
        assertEquals(0, all.trapFalsePositives, all.misses.toString());
        assertTrue(all.precision() >= 0.95, all.summary("whole corpus", 0, 0));
    }
}
