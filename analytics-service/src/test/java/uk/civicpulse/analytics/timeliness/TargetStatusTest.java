package uk.civicpulse.analytics.timeliness;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import uk.civicpulse.analytics.stats.WilsonInterval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TargetStatusTest {

    @ParameterizedTest(name = "{0} of {1} against {2}: {3}")
    @CsvSource({
            // R 4.2.2: prop.test(97, 100, correct = FALSE)$conf.int -> 0.915480635709472 0.989745475975961: lower >= 0.9
            "97, 100, 0.9, MET",
            // R 4.2.2: prop.test(95, 100, correct = FALSE)$conf.int -> 0.888249530768081 0.978456320845632: straddles 0.9
            "95, 100, 0.9, TOO_CLOSE_TO_CALL",
            // R 4.2.2: prop.test(80, 100, correct = FALSE)$conf.int -> 0.711170834406841 0.866633066668967: upper < 0.9
            "80, 100, 0.9, NOT_MET",
            // the interval 0.711-0.867 holds 0.8: too close to call, though the share is exactly on target
            "80, 100, 0.8, TOO_CLOSE_TO_CALL",
    })
    void comparesTheIntervalWithTheTarget(long within, long n, double target, TargetStatus expected) {
        assertEquals(expected, TargetStatus.of(WilsonInterval.of(within, n, 0.95), target));
    }

    @Test
    void hasNoStatusWithoutContacts() {
        assertNull(TargetStatus.of(WilsonInterval.of(0, 0, 0.95), 0.9));
    }
}
