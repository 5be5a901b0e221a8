package uk.civicpulse.analytics.timeliness;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QuantilesTest {

    private static final double TOLERANCE = 1e-12;

    private static Double q(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return Quantiles.type7(sorted, sorted.length, p);
    }

    @ParameterizedTest(name = "p = {0}")
    @CsvSource({
            // R 4.2.2: quantile(c(10,20,30,45,59,60,61,90,120,200), c(.5,.9), type = 7) -> 59.5 128
            "0.5, 59.5",
            "0.9, 128.0",
    })
    void matchesRType7OnCallAnswerTimes(double p, double expected) {
        assertEquals(expected, q(new double[]{10, 20, 30, 45, 59, 60, 61, 90, 120, 200}, p), TOLERANCE);
    }

    @ParameterizedTest(name = "p = {0}")
    @CsvSource({
            // R 4.2.2: quantile(c(12,45,3,60,61,200,15,33,90,7), c(.5,.9), type = 7) -> 39 101
            "0.5, 39.0",
            "0.9, 101.0",
    })
    void matchesRType7OnUnsortedInput(double p, double expected) {
        assertEquals(expected, q(new double[]{12, 45, 3, 60, 61, 200, 15, 33, 90, 7}, p), TOLERANCE);
    }

    @ParameterizedTest(name = "p = {0}")
    @CsvSource({
            // R 4.2.2: quantile(c(3,1,4,1,5,9,2,6,5,3,5), c(0,.25,.5,1), type = 7) -> 1 2.5 4 9
            "0.0, 1.0",
            "0.25, 2.5",
            "0.5, 4.0",
            "1.0, 9.0",
    })
    void matchesRType7AtTheEnds(double p, double expected) {
        assertEquals(expected, q(new double[]{3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5}, p), TOLERANCE);
    }

    @Test
    void handlesNoValuesOneValueAndAllEqual() {
        assertNull(q(new double[0], 0.5));
        assertEquals(5.0, q(new double[]{5}, 0.9), TOLERANCE);
        // R 4.2.2: quantile(c(7,7,7), c(.5,.9), type = 7) -> 7 7
        assertEquals(7.0, q(new double[]{7, 7, 7}, 0.9), TOLERANCE);
        // R 4.2.2: quantile(c(1,2), c(.5,.9), type = 7) -> 1.5 1.9
        assertEquals(1.9, q(new double[]{1, 2}, 0.9), TOLERANCE);
        assertThrows(IllegalArgumentException.class, () -> q(new double[]{1}, 1.5));
    }
}
