package uk.civicpulse.analytics.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LogisticTrendTest {

    /**
     * Every expected value comes from R 4.2.2, periods with no responses left out but keeping their place, refitted
     * from the converged estimates so that the standard error is taken at them:
     * <pre>
     * options(digits=15); k <- which(n > 0); t <- k; s <- x[k]; m <- n[k]
     * m0 <- glm(cbind(s, m - s) ~ t, family=binomial)
     * m1 <- glm(cbind(s, m - s) ~ t, family=binomial, start=coef(m0), control=glm.control(epsilon=1e-14))
     * co <- summary(m1)$coefficients["t", ]; c(co, co[1] + c(-1, 1) * qnorm(0.975) * co[2])
     * </pre>
     * (for the billions R warns that the deviance criterion is not met: the deviance is ~1e9 and moves only in its
     * last digits; the estimates are those of a fit with maxit=100.)
     */
    @ParameterizedTest(name = "{0} of {1}")
    @CsvSource(delimiter = '|', value = {
            // satisfied | respondents | slope | standard error | z | p-value | lower | upper | direction
            "28 30 32 34 36 38 | 40 40 40 40 40 40 | 0.369481167684766 | 0.109652346104986 | 3.3695691958201 | 0.000752857859623817 | 0.154566518498672 | 0.58439581687086 | improving",
            "80 85 88 92 | 100 100 100 100 | 0.337376953236235 | 0.134953957889889 | 2.4999411540898 | 0.0124213937408963 | 0.0728720562009182 | 0.601881850271552 | improving",
            "92 88 85 80 | 100 100 100 100 | -0.337376953236236 | 0.134953957889889 | -2.49994115408981 | 0.0124213937408962 | -0.601881850271552 | -0.0728720562009187 | declining",
            "45 52 47 50 49 | 60 70 61 65 66 | 0.00606517825586301 | 0.0919495344998081 | 0.0659620332920302 | 0.947408052637667 | -0.174152597758984 | 0.18628295427071 | no_clear_change",
            "30 0 45 60 | 40 0 50 62 | 0.686150840527091 | 0.216285978012687 | 3.17242406018036 | 0.00151172089423551 | 0.262238113261202 | 1.11006356779298 | improving",
            "900000000 900100000 900200000 | 1000000000 1000000000 1000000000 | 0.00111209995581419 | 7.45687713400153e-05 | 14.9137492254404 | 2.68256978919849e-50 | 0.00096594784961636 | 0.00125825206201203 | improving",
            "1 9 | 10 10 | 4.39444915467244 | 1.49071198499985 | 2.94788611005424 | 0.00319954916462394 | 1.47270735275052 | 7.31619095659436 | improving",
            "40 39 40 | 40 40 40 | 0 | 1.22988009252652 | 0 | 1 | -2.41052068665477 | 2.41052068665477 | no_clear_change",
    })
    void matchesRsGlm(String satisfied, String n, double slope, double se, double z, double pValue, double lower, double upper,
                      String direction) {
        TrendResult r = LogisticTrend.slope(TrendTestTest.longs(satisfied), TrendTestTest.longs(n), 0.05);
        double scale = Math.max(1e-6, Math.abs(slope));
        assertEquals(slope, r.slope(), 1e-9 * Math.max(1, Math.abs(slope)) + 1e-12);
        assertEquals(se, r.standardError(), 1e-9 * se);
        assertEquals(z, r.z(), 1e-8 * Math.max(1, Math.abs(z)));
        assertEquals(pValue, r.pValue(), 1e-9 * Math.max(pValue, 1e-60) + 1e-12);
        assertEquals(lower, r.lower(), 1e-9 * Math.max(1, scale));
        assertEquals(upper, r.upper(), 1e-9 * Math.max(1, scale));
        assertEquals(z * z, r.chiSquared(), 1e-7 * Math.max(1, z * z));
        assertEquals(direction, r.direction());
        assertEquals("logistic_regression_wald", r.method());
        assertEquals(0.95, r.confidenceLevel(), 1e-15);
        assertNull(r.label());
    }

    @Test
    void twoPeriodsGiveTheSaturatedSlopeTheDifferenceInLogOdds() {
        // logit(9/10) - logit(1/10) = 2 log 9, by hand
        assertEquals(2 * Math.log(9), LogisticTrend.slope(new long[]{1, 9}, new long[]{10, 10}, 0.05).slope(), 1e-12);
    }

    @Test
    void oneOrNoPeriodWithResponsesIsTooFewToTest() {
        for (long[][] c : new long[][][]{{{}, {}}, {{5}, {10}}, {{0, 5, 0}, {0, 10, 0}}}) {
            TrendResult r = LogisticTrend.slope(c[0], c[1], 0.05);
            assertEquals("too few periods", r.label());
            assertEquals("no_clear_change", r.direction());
            assertNull(r.slope());
            assertNull(r.pValue());
        }
    }

    @Test
    void everyoneOrNoOneSatisfiedHasNoVariationToTest() {
        assertEquals("no variation", LogisticTrend.slope(new long[]{10, 20, 1}, new long[]{10, 20, 1}, 0.05).label());
        assertEquals("no variation", LogisticTrend.slope(new long[]{0, 0, 0}, new long[]{10, 0, 20}, 0.05).label());
    }

    /** R's glm gives a slope of about 20-30 here with the warning "fitted probabilities numerically 0 or 1 occurred". */
    @Test
    void separatedSeriesHaveNoFiniteSlopeAndSaySo() {
        long[][][] separated = {
                {{0, 0, 10}, {10, 10, 10}},        // none, none, all
                {{0, 4, 10}, {10, 10, 10}},        // quasi: none, some, all
                {{10, 10, 3, 0}, {10, 10, 10, 10}}, // falling
                {{0, 0, 7}, {10, 0, 10}},          // an empty period between
                {{3, 10}, {10, 10}}};              // two periods, one at 100%
        for (long[][] c : separated) {
            TrendResult r = LogisticTrend.slope(c[0], c[1], 0.05);
            assertEquals(LogisticTrend.SEPARATION, r.label());
            assertEquals("no_clear_change", r.direction());
            assertNull(r.slope());
            assertNull(r.standardError());
        }
        // not separated: a failure after the first success. R 4.2.2, refitted as above: s <- c(0,3,7,10);
        // m <- rep(10,4); t <- 1:4 -> slope 2.456264040790098, se 0.715861776644669
        TrendResult mixed = LogisticTrend.slope(new long[]{0, 3, 7, 10}, new long[]{10, 10, 10, 10}, 0.05);
        assertNull(mixed.label());
        assertEquals(2.456264040790098, mixed.slope(), 1e-9);
        assertEquals(0.715861776644669, mixed.standardError(), 1e-9);
    }

    @Test
    void refusesMismatchedSeries() {
        assertThrows(IllegalArgumentException.class, () -> LogisticTrend.slope(new long[]{1}, new long[]{1, 2}, 0.05));
        assertThrows(IllegalArgumentException.class, () -> LogisticTrend.slope(new long[]{3}, new long[]{2}, 0.05));
        assertThrows(IllegalArgumentException.class, () -> LogisticTrend.slope(new long[]{1}, new long[]{2}, 0));
    }
}
