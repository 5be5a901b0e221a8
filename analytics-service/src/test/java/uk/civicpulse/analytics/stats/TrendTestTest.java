package uk.civicpulse.analytics.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TrendTestTest {

    /**
     * Every expected value comes from R 4.2.2, with periods that have no responses left out but keeping their place:
     * {@code options(digits=15); k <- which(n > 0); t <- prop.trend.test(x[k], n[k], score = k); c(t$statistic, t$p.value)}
     */
    @ParameterizedTest(name = "{0} of {1}")
    @CsvSource(delimiter = '|', value = {
            // satisfied | respondents | chi-squared | p-value | direction | tolerance
            "80 85 88 92 | 100 100 100 100 | 6.41264822134389 | 0.0113310297743549 | improving | 1e-12",
            "92 88 85 80 | 100 100 100 100 | 6.41264822134383 | 0.0113310297743553 | declining | 1e-12",
            "45 52 47 50 49 | 60 70 61 65 66 | 0.00435104097922403 | 0.947407743993634 | no_clear_change | 1e-12",
            "30 0 45 60 | 40 0 50 62 | 11.7021860808956 | 0.000624267135698659 | improving | 1e-12",
            "900000000 900100000 900200000 | 1000000000 1000000000 1000000000 | 222.419953561422 | 2.68251912978748e-50 | improving | 1e-9",
    })
    void matchesRsPropTrendTest(String satisfied, String n, double chiSquared, double pValue, String direction, double tolerance) {
        TrendResult result = TrendTest.cochranArmitage(longs(satisfied), longs(n), 0.05);
        assertEquals(chiSquared, result.chiSquared(), tolerance * Math.max(1, chiSquared));
        assertEquals(pValue, result.pValue(), tolerance);
        assertEquals(direction, result.direction());
        assertEquals("cochran_armitage", result.method());
        assertEquals(Math.signum(result.z()) * Math.sqrt(result.chiSquared()), result.z(), 1e-12);
    }

    @Test
    void oneOrNoPeriodWithResponsesIsTooFewToTest() {
        for (long[][] c : new long[][][]{{{}, {}}, {{5}, {10}}, {{0, 5}, {0, 10}}}) {
            TrendResult result = TrendTest.cochranArmitage(c[0], c[1], 0.05);
            assertEquals("no_clear_change", result.direction());
            assertEquals("too few periods", result.label());
            assertNull(result.pValue());
        }
    }

    @Test
    void everyoneSatisfiedEveryPeriodHasNoVariationToTest() {
        TrendResult all = TrendTest.cochranArmitage(new long[]{10, 20, 1}, new long[]{10, 20, 1}, 0.05);
        assertEquals("no variation", all.label());
        assertEquals("no_clear_change", all.direction());
        TrendResult none = TrendTest.cochranArmitage(new long[]{0, 0}, new long[]{10, 20}, 0.05);
        assertEquals("no variation", none.label());
    }

    @Test
    void refusesMismatchedSeries() {
        assertThrows(IllegalArgumentException.class, () -> TrendTest.cochranArmitage(new long[]{1}, new long[]{1, 2}, 0.05));
        assertThrows(IllegalArgumentException.class, () -> TrendTest.cochranArmitage(new long[]{3}, new long[]{2}, 0.05));
    }

    static long[] longs(String s) {
        return Arrays.stream(s.trim().split("\\s+")).mapToLong(Long::parseLong).toArray();
    }
}
