package uk.civicpulse.analytics.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Satisfied by age band: young 9 of 18, mid 25 of 35, old 41 of 47. */
class GroupDifferencesTest {

    static final long[] X = {9, 25, 41};
    static final long[] N = {18, 35, 47};

    @Test
    void eachGroupAgainstTheRestMatchesRsPropTest() {
        // R 4.2.2: sapply(1:3, function(g) prop.test(c(x[g], sum(x) - x[g]), c(n[g], sum(n) - n[g]), correct = FALSE)$p.value)
        // -> 0.00683025586304408 0.545027824263879 0.00780004850761646; sqrt($statistic) -> 2.7050089040023 0.605227532668802 2.66060464458788
        double[] p = {0.00683025586304408, 0.545027824263879, 0.00780004850761646};
        double[] z = {2.7050089040023, 0.605227532668802, 2.66060464458788};
        for (int g = 0; g < 3; g++) {
            GroupDifferences.Comparison c = GroupDifferences.twoProportions(X[g], N[g], 75 - X[g], 100 - N[g]);
            assertEquals(p[g], c.pValue(), 1e-13);
            assertEquals(z[g], Math.abs(c.z()), 1e-12);
        }
        assertEquals(-1, Math.signum(GroupDifferences.twoProportions(X[0], N[0], 75 - X[0], 100 - N[0]).z()));
    }

    @Test
    void theOverallTestMatchesRsChiSquare() {
        // R 4.2.2: chisq.test(cbind(x, n - x), correct = FALSE) -> 9.98986828774063, 2, 0.00677216707299572
        GroupDifferences.Independence t = GroupDifferences.independence(X, N);
        assertEquals(9.98986828774063, t.statistic(), 1e-10);
        assertEquals(2, t.df());
        assertEquals(0.00677216707299572, t.pValue(), 1e-14);
    }

    @Test
    void benjaminiHochbergMatchesRsPAdjust() {
        // R 4.2.2: p.adjust(c(0.00683025586304408, 0.545027824263879, 0.00780004850761646), method = "BH")
        // -> 0.0117000727614247 0.545027824263879 0.0117000727614247
        Double[] q = BenjaminiHochberg.adjust(new Double[]{0.00683025586304408, 0.545027824263879, 0.00780004850761646});
        assertEquals(0.0117000727614247, q[0], 1e-15);
        assertEquals(0.545027824263879, q[1], 1e-15);
        assertEquals(0.0117000727614247, q[2], 1e-15);
        // R 4.2.2: p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.2, 0.9), method = "BH") -> 0.03 0.06 0.06 0.03 0.24 0.9
        Double[] q2 = BenjaminiHochberg.adjust(new Double[]{0.01, 0.04, 0.03, 0.005, null, 0.2, 0.9});
        double[] expected = {0.03, 0.06, 0.06, 0.03, Double.NaN, 0.24, 0.9};
        for (int i = 0; i < expected.length; i++) {
            if (i == 4) {
                assertNull(q2[i]);
            } else {
                assertEquals(expected[i], q2[i], 1e-15);
            }
        }
    }

    @Test
    void noVariationMeansNoTest() {
        assertNull(GroupDifferences.twoProportions(5, 5, 10, 10).pValue());
        assertNull(GroupDifferences.independence(new long[]{5, 10}, new long[]{5, 10}).pValue());
        assertNull(GroupDifferences.twoProportions(0, 0, 10, 10).z());
    }
}
