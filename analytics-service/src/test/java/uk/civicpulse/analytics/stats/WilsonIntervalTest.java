package uk.civicpulse.analytics.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WilsonIntervalTest {

    /**
     * Every expected bound comes from R 4.2.2:
     * {@code options(digits=15); prop.test(x, n, conf.level = level, correct = FALSE)$conf.int}
     */
    @ParameterizedTest(name = "{0} of {1} at {2}")
    @CsvSource({
            // x, n, level, lower, upper, tolerance
            "47, 60, 0.95, 0.663799724268052, 0.868769559518097, 1e-12",
            "47, 60, 0.90, 0.684665250243634, 0.857551563886846, 1e-12",
            "47, 60, 0.99, 0.622097905857004, 0.888145251021834, 1e-12",
            "0, 10, 0.95, 0.0, 0.277532799862889, 1e-12",
            "10, 10, 0.95, 0.722467200137111, 1.0, 1e-12",
            "1, 1, 0.95, 0.206549314377238, 1.0, 1e-12",
            "95, 100, 0.95, 0.888249530768081, 0.978456320845632, 1e-12",
            "950, 1000, 0.95, 0.934686179755749, 0.961869737607251, 1e-12",
            "1, 30, 0.95, 0.005908590381612, 0.166703909914092, 1e-12",
            // at a billion responses both tools lose digits to cancellation; they still agree to 1e-9
            "999999990, 1000000000, 0.95, 0.999999981590527, 0.999999994568014, 1e-9",
    })
    void matchesR(long x, long n, double level, double lower, double upper, double tolerance) {
        ProportionEstimate e = WilsonInterval.of(x, n, level);
        assertEquals(lower, e.lower(), tolerance);
        assertEquals(upper, e.upper(), tolerance);
        assertEquals((double) x / n, e.proportion(), 1e-15);
        assertEquals((upper - lower) / 2, e.marginOfError(), tolerance);
        assertEquals("wilson", e.method());
    }

    @Test
    void hasNoEstimateAndNoNaNWithNoRespondents() {
        ProportionEstimate e = WilsonInterval.of(0, 0, 0.95);
        assertEquals(0, e.n());
        assertNull(e.proportion());
        assertNull(e.lower());
        assertNull(e.upper());
        assertNull(e.marginOfError());
    }

    @Test
    void refusesImpossibleCountsAndLevels() {
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(11, 10, 0.95));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(-1, 10, 0.95));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(5, 10, 1.0));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(5, 10, Double.NaN));
    }
}
