package uk.civicpulse.analytics.stats;

import org.apache.commons.math3.special.Beta;

/**
 * Tells whether a proportion satisfied meets its target, allowing for sampling error.
 * <p>
 * <b>Status</b> from the Wilson interval [L, U] at the chosen level (see {@link WilsonInterval}):
 * <ul>
 *   <li>met when L &gt;= target;</li>
 *   <li>not met when U &lt; target;</li>
 *   <li>too close to call otherwise (the interval straddles the target).</li>
 * </ul>
 * <b>Probability</b> that the true level is at or above the target: with the Jeffreys prior Beta(1/2, 1/2) the
 * posterior is Beta(x + 1/2, n - x + 1/2), so
 * <pre>  P(p &gt;= t) = 1 - I_t(x + 1/2, n - x + 1/2) = I_{1-t}(n - x + 1/2, x + 1/2)</pre>
 * computed as the second form (the upper tail directly, no cancellation). R: {@code pbeta(t, x+.5, n-x+.5, lower.tail=FALSE)}.
 * <p>
 * <b>Responses needed</b> (a planning figure, not a promise): holding the observed proportion p = x/n fixed, the
 * smallest total m &gt;= n at which the Wilson interval at p no longer spans the target (L(p, m) &gt;= t when p &gt; t,
 * U(p, m) &lt; t when p &lt; t); the answer is m - n. Found by doubling then bisection; the bounds are monotone in m
 * for fixed p. Null when p equals the target, or the target is 1 and every respondent was satisfied (no sample
 * size settles either), or m would pass 10^15. With n = 0 there is no proportion to hold fixed: null.
 * <p>
 * Edges: n = 0 gives status "no_responses" and null bounds; a target of 0 is always met, a target of 1 is never
 * met (the Wilson upper bound reaches 1 only when all are satisfied, and the lower bound never does).
 * <p>
 * Reference: Jeffreys prior for a binomial proportion, Brown, Cai and DasGupta (2001) Statistical Science 16:101-133.
 */
public final class TargetCheck {

    public static final String MET = "met";
    public static final String NOT_MET = "not_met";
    public static final String TOO_CLOSE_TO_CALL = "too_close_to_call";
    public static final String NO_RESPONSES = "no_responses";
    public static final String PROBABILITY_METHOD = "jeffreys_beta_posterior";

    private static final double MAX_TOTAL = 1e15;

    private TargetCheck() {
    }

    /**
     * @param satisfied x, 0 &lt;= x &lt;= n
     * @param n         respondents
     * @param target    the target proportion, 0 to 1 inclusive
     * @param level     confidence level of the interval, e.g. 0.95
     */
    public static TargetAssessment assess(long satisfied, long n, double target, double level) {
        Proportions.requireCounts(satisfied, n);
        if (!(target >= 0 && target <= 1)) {
            throw new IllegalArgumentException("target must be a proportion from 0 to 1, got " + target);
        }
        double z = Proportions.z(level);
        double probability = probabilityAtOrAbove(satisfied, n, target);
        if (n == 0) {
            return new TargetAssessment(0, 0, target, null, null, null, level, NO_RESPONSES, probability, null,
                    WilsonInterval.METHOD, PROBABILITY_METHOD);
        }
        ProportionEstimate wilson = WilsonInterval.of(satisfied, n, level);
        String status = wilson.lower() >= target ? MET : wilson.upper() < target ? NOT_MET : TOO_CLOSE_TO_CALL;
        Long more = status.equals(TOO_CLOSE_TO_CALL) ? moreResponsesNeeded(wilson.proportion(), n, target, z) : Long.valueOf(0);
        return new TargetAssessment(satisfied, n, target, wilson.proportion(), wilson.lower(), wilson.upper(), level,
                status, probability, more, WilsonInterval.METHOD, PROBABILITY_METHOD);
    }

    /** P(p &gt;= target) under the Jeffreys posterior Beta(x + 1/2, n - x + 1/2). */
    public static double probabilityAtOrAbove(long satisfied, long n, double target) {
        Proportions.requireCounts(satisfied, n);
        if (target <= 0) {
            return 1.0;
        }
        if (target >= 1) {
            return 0.0;
        }
        return Beta.regularizedBeta(1 - target, n - satisfied + 0.5, satisfied + 0.5);
    }

    private static Long moreResponsesNeeded(double p, long n, double target, double z) {
        if (p == target) {
            return null;
        }
        boolean above = p > target;
        double low = n;
        double high = n;
        while (!settles(p, high, target, z, above)) {
            low = high;
            high *= 2;
            if (high > MAX_TOTAL) {
                return null;
            }
        }
        // invariant: low does not settle, high does
        long lo = (long) low;
        long hi = (long) high;
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (settles(p, mid, target, z, above)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi - n;
    }

    private static boolean settles(double p, double m, double target, double z, boolean above) {
        double z2 = z * z;
        double denominator = 1 + z2 / m;
        double centre = (p + z2 / (2 * m)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / m + z2 / (4 * m * m)) / denominator;
        return above ? centre - half >= target : centre + half < target;
    }
}
