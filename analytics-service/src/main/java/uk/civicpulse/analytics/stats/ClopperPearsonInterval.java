package uk.civicpulse.analytics.stats;

/**
 * The Clopper-Pearson ("exact") interval for a proportion: the bounds are beta quantiles,
 * <pre>
 *   lower = qbeta(alpha/2, x, n - x + 1)        (0 when x = 0)
 *   upper = qbeta(1 - alpha/2, x + 1, n - x)    (1 when x = n)
 * </pre>
 * with alpha = 1 - level. It guarantees at least the nominal coverage, so it is wider than Wilson; officers who
 * must never overstate certainty can ask for it. Fractional effective counts are accepted (the beta quantiles are
 * defined for any positive parameters), as in Korn and Graubard's use of an effective sample size.
 * <p>
 * Edges: n = 0 has no estimate; x = 0 gives lower = 0, x = n gives upper = 1.
 * <p>
 * Reference: Clopper and Pearson (1934), Biometrika 26, 404-413. R's {@code binom.test(x, n)$conf.int}
 * computes the same interval.
 */
public final class ClopperPearsonInterval {

    public static final String METHOD = "clopper_pearson";

    private ClopperPearsonInterval() {
    }

    public static ProportionEstimate of(long satisfied, long n, double level) {
        return ProportionInterval.CLOPPER_PEARSON.of(satisfied, n, level);
    }

    static double[] bounds(double x, double n, double level) {
        Proportions.requireLevel(level);
        double alpha = 1 - level;
        double lower = x == 0 ? 0.0 : Proportions.betaQuantile(alpha / 2, x, n - x + 1);
        double upper = x >= n ? 1.0 : Proportions.betaQuantile(1 - alpha / 2, x + 1, n - x);
        return new double[]{lower, upper};
    }
}
