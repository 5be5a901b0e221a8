package uk.civicpulse.analytics.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Funnel-plot control limits for a proportion, so a council is compared with its peer group allowing for its
 * number of respondents, never ranked in a bare league table.
 * <p>
 * For a target (peer-group) proportion theta, n respondents and a tail probability P (0.025 and 0.975 for the 95%
 * limits, 0.001 and 0.999 for the 99.8% limits), Spiegelhalter's exact binomial limit with interpolation is:
 * <pre>
 *   r_P   = the smallest r with F(r) &gt;= P, F the Binomial(n, theta) distribution function   (R: qbinom(P, n, theta))
 *   alpha = (F(r_P) - P) / (F(r_P) - F(r_P - 1))
 *   limit = (r_P - alpha) / n,  clipped to [0, 1]
 * </pre>
 * The interpolation makes the limits a smooth function of n instead of a staircase. A council is "above" when its
 * proportion is greater than the upper limit, "below" when less than the lower limit, otherwise "inside".
 * <p>
 * Edges: n = 0 has no limits (null) and is "no_responses"; theta 0 or 1 gives limits at or next to 0 or 1 (the
 * interpolation can leave [0, 1] and is clipped). Above 2^31 - 1 respondents (beyond Commons Math's binomial) the
 * normal approximation theta +/- z sqrt(theta (1 - theta) / n) is used, which Spiegelhalter (2005, section 3.2)
 * notes is adequate for large n; at n = 10^9 it differs from the exact limit by about 1e-9.
 * <p>
 * Reference: D. J. Spiegelhalter (2005), "Funnel plots for comparing institutional performance", Statistics in
 * Medicine 24:1185-1202, Appendix A.1.1. R: {@code r <- qbinom(P, n, theta); a <- (pbinom(r, n, theta) - P) /
 * (pbinom(r, n, theta) - pbinom(r - 1, n, theta)); (r - a) / n}.
 */
public final class FunnelPlot {

    public static final String METHOD = "spiegelhalter_exact_binomial_interpolated";
    public static final String INSIDE = "inside";
    public static final String ABOVE = "above";
    public static final String BELOW = "below";
    public static final String NO_RESPONSES = "no_responses";

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private FunnelPlot() {
    }

    /**
     * The limits at one sample size.
     *
     * @param n           respondents, n &gt;= 1 (n = 0 gives nulls)
     * @param lower95     the 2.5% limit
     * @param upper95     the 97.5% limit
     * @param lower998    the 0.1% limit
     * @param upper998    the 99.9% limit
     */
    public record Limits(long n, Double lower95, Double upper95, Double lower998, Double upper998) {
    }

    /** One limit: the interpolated P-quantile of Binomial(n, theta) divided by n. */
    public static double limit(double theta, long n, double probability) {
        if (!(theta >= 0 && theta <= 1)) {
            throw new IllegalArgumentException("the peer-group proportion must be from 0 to 1, got " + theta);
        }
        if (!(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException("tail probability must be between 0 and 1, got " + probability);
        }
        if (n < 1) {
            throw new IllegalArgumentException("need n >= 1 for funnel limits, got " + n);
        }
        if (n > Integer.MAX_VALUE) {
            double z = STANDARD_NORMAL.inverseCumulativeProbability(probability);
            return Math.max(0, Math.min(1, theta + z * Math.sqrt(theta * (1 - theta) / n)));
        }
        BinomialDistribution binomial = new BinomialDistribution(null, (int) n, theta);
        int r = binomial.inverseCumulativeProbability(probability);
        double atR = binomial.cumulativeProbability(r);
        double belowR = r == 0 ? 0 : binomial.cumulativeProbability(r - 1);
        double alpha = (atR - probability) / (atR - belowR);
        return Math.max(0, Math.min(1, (r - alpha) / n));
    }

    public static Limits limits(double theta, long n) {
        if (n == 0) {
            return new Limits(0, null, null, null, null);
        }
        return new Limits(n, limit(theta, n, 0.025), limit(theta, n, 0.975), limit(theta, n, 0.001), limit(theta, n, 0.999));
    }

    /** "inside", "above" or "below" the given pair of limits; "no_responses" when n = 0. */
    public static String position(long satisfied, long n, Double lower, Double upper) {
        Proportions.requireCounts(satisfied, n);
        if (n == 0) {
            return NO_RESPONSES;
        }
        double p = (double) satisfied / n;
        return p > upper ? ABOVE : p < lower ? BELOW : INSIDE;
    }
}
