package uk.civicpulse.analytics.stats;


/**
 * The Wilson score interval for a proportion: the default interval on every "% satisfied" figure.
 * <p>
 * With p = x/n and z the standard normal quantile at 1 - (1 - level)/2:
 * <pre>
 *   centre = (p + z^2/(2n)) / (1 + z^2/n)
 *   half   = z * sqrt(p(1 - p)/n + z^2/(4n^2)) / (1 + z^2/n)
 *   [lower, upper] = [centre - half, centre + half]
 * </pre>
 * Unlike the textbook p +/- z*sqrt(p(1-p)/n), it never leaves [0, 1] and does not collapse to a width of zero
 * when every respondent is satisfied (or none is), which is common for small services near a 95% target.
 * The same formula is applied to fractional effective counts (n_eff, x = p * n_eff) for the finite population
 * correction and for weighted estimates.
 * <p>
 * Edges: n = 0 has no estimate (every value null, labelled by the caller); x = 0 gives lower = 0 and x = n
 * gives upper = 1 exactly.
 * <p>
 * Reference: E. B. Wilson (1927), "Probable inference, the law of succession, and statistical inference",
 * JASA 22, 209-212; Newcombe (1998), Statistics in Medicine 17, 857-872, method 3. R's
 * {@code prop.test(x, n, correct = FALSE)$conf.int} computes the same interval.
 */
public final class WilsonInterval {

    public static final String METHOD = "wilson";

    private WilsonInterval() {
    }

    /**
     * @param satisfied x, the number of respondents counted as satisfied, 0 <= x <= n
     * @param n         the number of respondents
     * @param level     the confidence level, e.g. 0.95
     */
    public static ProportionEstimate of(long satisfied, long n, double level) {
        return ProportionInterval.WILSON.of(satisfied, n, level);
    }

    static double[] bounds(double x, double n, double level) {
        double z = Proportions.z(level);
        double p = x / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        double lower = x == 0 ? 0.0 : Math.max(0.0, centre - half);
        double upper = x == n ? 1.0 : Math.min(1.0, centre + half);
        return new double[]{lower, upper};
    }
}
