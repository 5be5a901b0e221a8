package uk.civicpulse.analytics.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/** Checks and constants shared by the proportion intervals. */
final class Proportions {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private Proportions() {
    }

    static void requireCounts(long successes, long n) {
        if (n < 0 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("need 0 <= satisfied <= n, got satisfied=" + successes + ", n=" + n);
        }
    }

    /** The two-sided standard normal quantile for a confidence level strictly between 0 and 1. */
    static double z(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be between 0 and 1, got " + level);
        }
        return STANDARD_NORMAL.inverseCumulativeProbability(1 - (1 - level) / 2);
    }
}
