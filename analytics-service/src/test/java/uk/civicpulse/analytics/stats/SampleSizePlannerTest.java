package uk.civicpulse.analytics.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SampleSizePlannerTest {

    /**
     * n0 from statsmodels 0.13.5 (/usr/bin/python3):
     * {@code samplesize_confint_proportion(p, margin, alpha = 1 - level)}; the corrected n from R 4.2.2:
     * {@code z <- qnorm(1 - (1 - level)/2); n0 <- z^2*p*(1-p)/margin^2; n0/(1 + (n0 - 1)/1000)}.
     */
    @ParameterizedTest(name = "margin {0} at {1}, p = {2}")
    @CsvSource({
            "0.05, 0.95, 0.5, 384.14588206941266, 385, 277.733453173188, 278",
            "0.03, 0.99, 0.5, 1843.0268336170045, 1844, 648.49029988623, 649",
            "0.02, 0.90, 0.8, 1082.2173816381658, 1083, 519.992477088737, 520",
    })
    void forAMarginOfErrorMatchesStatsmodelsAndCochran(double margin, double level, double p, double n0, long n, double corrected, long nCorrected) {
        SampleSizePlanner.Plan plan = SampleSizePlanner.forMargin(margin, level, p, 1000L);
        assertEquals(n0, plan.exact(), 1e-9);
        assertEquals(n, plan.responses());
        assertEquals(corrected, plan.exactWithPopulation(), 1e-9);
        assertEquals(nCorrected, plan.responsesWithPopulation());
        assertNull(SampleSizePlanner.forMargin(margin, level, p, null).responsesWithPopulation());
    }

    /**
     * R 4.2.2: {@code za <- qnorm(level); zb <- qnorm(power); ((za*sqrt(t*(1-t)) + zb*sqrt(p1*(1-p1)))/(p1 - t))^2};
     * the power of that one-sided test at n, {@code pnorm((abs(p1 - t)*sqrt(n) - za*sqrt(t*(1-t)))/sqrt(p1*(1-p1)))},
     * is at least the power asked for at the returned n and below it at n - 1 (e.g. 0.801302554374438 and
     * 0.79939648461607 for the first row).
     */
    @ParameterizedTest(name = "target {0}, expected {1}")
    @CsvSource({
            "0.95, 0.90, 0.95, 0.8, 149.315645970811, 150",
            "0.95, 0.92, 0.95, 0.9, 554.074730634048, 555",
            "0.80, 0.85, 0.99, 0.8, 606.2015589341, 607",
    })
    void toTellATargetFromTheExpectedLevelMatchesR(double target, double expected, double level, double power, double exact, long n) {
        SampleSizePlanner.Plan plan = SampleSizePlanner.forTarget(target, expected, level, power, null);
        assertEquals(exact, plan.exact(), 1e-8);
        assertEquals(n, plan.responses());
    }

    @Test
    void refusesImpossibleInputsAndCannotSeparateEqualLevels() {
        assertNull(SampleSizePlanner.forTarget(0.9, 0.9, 0.95, 0.8, null));
        assertThrows(IllegalArgumentException.class, () -> SampleSizePlanner.forMargin(0, 0.95, 0.5, null));
        assertThrows(IllegalArgumentException.class, () -> SampleSizePlanner.forMargin(0.05, 0.95, 0.5, 0L));
        assertEquals(10, SampleSizePlanner.forMargin(0.01, 0.95, 0.5, 10L).responsesWithPopulation());
    }
}
