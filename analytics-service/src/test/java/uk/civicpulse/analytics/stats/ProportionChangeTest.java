package uk.civicpulse.analytics.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ProportionChangeTest {

    /**
     * Every expected bound comes from statsmodels 0.13.5 (/usr/bin/python3):
     * {@code from statsmodels.stats.proportion import confint_proportions_2indep as c;
     * c(later_x, later_n, earlier_x, earlier_n, method='newcomb', compare='diff', alpha=1-level)}
     */
    @ParameterizedTest(name = "{0}/{1} -> {2}/{3}")
    @CsvSource({
            // earlier x, n, later x, n, level, lower, upper, tolerance
            "40, 62, 47, 60, 0.95, -0.02253106368092561, 0.28904373337481937, 1e-12",
            "40, 62, 47, 60, 0.90, 0.003296843874952826, 0.26601649600268873, 1e-12",
            "0, 10, 10, 10, 0.95, 0.6075093504305241, 1.0, 1e-12",
            "0, 1, 1, 1, 0.95, -0.12210872068194178, 1.0, 1e-12",
            "90, 100, 95, 100, 0.95, -0.026272869479874825, 0.12962420365148347, 1e-12",
            "48, 80, 56, 70, 0.95, 0.05243147240236498, 0.33387265403690614, 1e-12",
            "0, 30, 0, 25, 0.95, -0.1135133931739688, 0.13319225093904855, 1e-12",
            // a billion a period: both tools lose digits to cancellation in the Wilson bounds; they agree to 1e-9
            "999999000, 1000000000, 999999990, 1000000000, 0.95, 9.293258938657623e-07, 1.0540929441999578e-06, 1e-9",
    })
    void matchesStatsmodels(long x2, long n2, long x1, long n1, double level, double lower, double upper, double tolerance) {
        ChangeEstimate change = ProportionChange.between(x2, n2, x1, n1, level);
        assertEquals((double) x1 / n1 - (double) x2 / n2, change.difference(), 1e-15);
        assertEquals(lower, change.lower(), tolerance);
        assertEquals(upper, change.upper(), tolerance);
        assertEquals("newcombe_hybrid_score", change.method());
    }

    @Test
    void aPeriodWithNoResponsesGivesNoChangeButKeepsTheOtherPeriod() {
        ChangeEstimate change = ProportionChange.between(0, 0, 47, 60, 0.95);
        assertNull(change.difference());
        assertNull(change.lower());
        assertNull(change.upper());
        assertEquals(47.0 / 60, change.later().proportion(), 1e-15);
    }
}
