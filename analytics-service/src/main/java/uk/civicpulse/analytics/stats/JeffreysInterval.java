package uk.civicpulse.analytics.stats;

/**
 * The Jeffreys interval for a proportion: the equal-tailed interval of the Beta(x + 1/2, n - x + 1/2) posterior
 * under the Jeffreys prior Beta(1/2, 1/2),
 * <pre>
 *   lower = qbeta(alpha/2, x + 0.5, n - x + 0.5)       (0 when x = 0)
 *   upper = qbeta(1 - alpha/2, x + 0.5, n - x + 0.5)   (1 when x = n)
 * </pre>
 * with alpha = 1 - level. Its coverage is close to nominal with short width, as Wilson's.
 * <p>
 * Edges: n = 0 has no estimate; the bounds at x = 0 and x = n are set to 0 and 1, the modification Brown, Cai and
 * DasGupta recommend so that the interval always contains the observed proportion.
 * <p>
 * Reference: Brown, Cai and DasGupta (2001), "Interval estimation for a binomial proportion", Statistical
 * Science 16, 101-133, section 4.1.2. R: {@code qbeta(c(0.025, 0.975), x + 0.5, n - x + 0.5)}.
 */
public final class JeffreysInterval {

    public static final String METHOD = "jeffreys";

    private JeffreysInterval() {
    }

    public static ProportionEstimate of(long satisfied, long n, double level) {
        return ProportionInterval.JEFFREYS.of(satisfied, n, level);
    }

    static double[] bounds(double x, double n, double level) {
        Proportions.requireLevel(level);
        double alpha = 1 - level;
        double a = x + 0.5;
        double b = n - x + 0.5;
        double lower = x == 0 ? 0.0 : Proportions.betaQuantile(alpha / 2, a, b);
        double upper = x >= n ? 1.0 : Proportions.betaQuantile(1 - alpha / 2, a, b);
        return new double[]{lower, upper};
    }
}
