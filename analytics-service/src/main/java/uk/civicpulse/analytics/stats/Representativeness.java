package uk.civicpulse.analytics.stats;

import org.apache.commons.math3.special.Gamma;

/**
 * How far respondents' profile on one customer-group question is from the population's: Pearson's chi-square
 * goodness of fit, and each group's ratio of its share among respondents to its share in the population.
 * <pre>
 *   E_g = n * P_g                      (P rescaled to sum to 1)
 *   X^2 = sum (O_g - E_g)^2 / E_g,     df = k - 1 (groups with P_g > 0),   p = P(chi^2_df >= X^2)
 *   ratio_g = (O_g / n) / P_g
 *   standardised residual r_g = (O_g - E_g) / sqrt(E_g (1 - P_g))
 * </pre>
 * A group is under-represented when r_g < -z and over-represented when r_g > z (z = 1.959964, the two-sided 5%
 * point): its share among respondents is further from the population's than chance would explain. R:
 * {@code chisq.test(O, p = P)} gives X^2, df, the p-value and {@code $stdres} = r_g.
 * <p>
 * Edges: n = 0 gives no test (nulls); fewer than two groups with a population share gives no test; a group with
 * population share 0 and respondents makes the statistic infinite, so such groups are left out of the test and
 * reported with a null ratio. The approximation is doubtful when any E_g < 5: {@code smallExpected} says so (R
 * warns "Chi-squared approximation may be incorrect").
 */
public final class Representativeness {

    public static final double Z_95 = 1.959963984540054;

    private Representativeness() {
    }

    /**
     * @param observed respondents per group
     * @param shares   population share per group (any non-negative numbers; rescaled to sum to 1)
     */
    public static Fit goodnessOfFit(long[] observed, double[] shares) {
        if (observed.length != shares.length) {
            throw new IllegalArgumentException("one share per group");
        }
        long n = 0;
        double totalShare = 0;
        int groups = 0;
        for (int g = 0; g < observed.length; g++) {
            if (observed[g] < 0 || !(shares[g] >= 0) || Double.isInfinite(shares[g])) {
                throw new IllegalArgumentException("counts and shares must be >= 0");
            }
            if (shares[g] > 0) {
                n += observed[g];
                totalShare += shares[g];
                groups++;
            }
        }
        Double[] ratio = new Double[observed.length];
        Double[] residual = new Double[observed.length];
        double[] expected = new double[observed.length];
        if (n == 0 || groups < 2) {
            return new Fit(n, null, groups - 1, null, false, expected, ratio, residual);
        }
        double statistic = 0;
        boolean small = false;
        for (int g = 0; g < observed.length; g++) {
            if (shares[g] == 0) {
                continue;
            }
            double p = shares[g] / totalShare;
            expected[g] = n * p;
            double d = observed[g] - expected[g];
            statistic += d * d / expected[g];
            small |= expected[g] < 5;
            ratio[g] = ((double) observed[g] / n) / p;
            residual[g] = p < 1 ? d / Math.sqrt(expected[g] * (1 - p)) : 0.0;
        }
        double pValue = Gamma.regularizedGammaQ((groups - 1) / 2.0, statistic / 2);
        return new Fit(n, statistic, groups - 1, pValue, small, expected, ratio, residual);
    }

    /**
     * @param n             respondents counted in the test (those in groups with a population share)
     * @param statistic     Pearson's X^2; null when there is no test
     * @param df            degrees of freedom
     * @param pValue        P(chi^2_df >= X^2); null when there is no test
     * @param smallExpected some expected count is below 5
     * @param expected      n * P_g per group
     * @param ratio         respondents' share / population share per group; null for groups outside the test
     * @param residual      standardised residual per group; null for groups outside the test
     */
    public record Fit(long n, Double statistic, int df, Double pValue, boolean smallExpected, double[] expected,
                      Double[] ratio, Double[] residual) {

        /** "under", "over" or null for group g, by its standardised residual beyond +/-1.96. */
        public String representation(int g) {
            if (residual[g] == null) {
                return null;
            }
            return residual[g] < -Z_95 ? "under" : residual[g] > Z_95 ? "over" : null;
        }
    }
}
