package uk.civicpulse.analytics.stats;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/** Checks and constants shared by the proportion intervals. */
final class Proportions {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
    /** Absolute accuracy asked of the beta quantile solver: far inside the 1e-6 the tests demand. */
    private static final double BETA_ACCURACY = 1e-15;

    private Proportions() {
    }

    static void requireCounts(long successes, long n) {
        if (n < 0 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("need 0 <= satisfied <= n, got satisfied=" + successes + ", n=" + n);
        }
    }

    /** Checks a possibly fractional (effective) count: 0 <= x <= n, both finite. */
    static void requireEffectiveCounts(double successes, double n) {
        if (!(n >= 0 && successes >= 0 && successes <= n * (1 + 1e-12)) || Double.isInfinite(n)) {
            throw new IllegalArgumentException("need 0 <= x <= n (finite), got x=" + successes + ", n=" + n);
        }
    }

    /** The two-sided standard normal quantile for a confidence level strictly between 0 and 1. */
    static double z(double level) {
        requireLevel(level);
        return STANDARD_NORMAL.inverseCumulativeProbability(1 - (1 - level) / 2);
    }

    static void requireLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be between 0 and 1, got " + level);
        }
    }

    /** The standard normal quantile function. */
    static double normalQuantile(double p) {
        return STANDARD_NORMAL.inverseCumulativeProbability(p);
    }

    /** The standard normal upper tail P(Z > z). */
    static double normalUpperTail(double z) {
        return STANDARD_NORMAL.cumulativeProbability(-z);
    }

    /** The q-quantile of Beta(a, b), as R's {@code qbeta(q, a, b)}. */
    static double betaQuantile(double q, double a, double b) {
        return new BetaDistribution(null, a, b, BETA_ACCURACY).inverseCumulativeProbability(q);
    }
}
