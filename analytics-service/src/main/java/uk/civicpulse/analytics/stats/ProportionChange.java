package uk.civicpulse.analytics.stats;

/**
 * The difference between two independent proportions (a later period minus an earlier one) with Newcombe's hybrid
 * score interval, method 10 of Newcombe (1998): it combines the two Wilson intervals, so it inherits their good
 * coverage near 0% and 100%, where satisfaction figures usually sit.
 * <p>
 * With p1 = later proportion [l1, u1] and p2 = earlier proportion [l2, u2] (Wilson intervals at the same level):
 * <pre>
 *   d     = p1 - p2
 *   lower = d - sqrt((p1 - l1)^2 + (u2 - p2)^2)
 *   upper = d + sqrt((u1 - p1)^2 + (p2 - l2)^2)
 * </pre>
 * The bounds lie in [-1, 1]. Edges: a period with n = 0 gives no estimate (nulls); all or none satisfied in both
 * periods still gives a proper, non-zero-width interval.
 * <p>
 * Reference: R. G. Newcombe (1998), "Interval estimation for the difference between independent proportions:
 * comparison of eleven methods", Statistics in Medicine 17, 873-890. statsmodels computes the same interval:
 * {@code confint_proportions_2indep(x1, n1, x2, n2, method='newcomb', compare='diff')}.
 */
public final class ProportionChange {

    public static final String METHOD = "newcombe_hybrid_score";

    private ProportionChange() {
    }

    public static ChangeEstimate between(long earlierSatisfied, long earlierN, long laterSatisfied, long laterN, double level) {
        ProportionEstimate earlier = WilsonInterval.of(earlierSatisfied, earlierN, level);
        ProportionEstimate later = WilsonInterval.of(laterSatisfied, laterN, level);
        if (earlierN == 0 || laterN == 0) {
            return new ChangeEstimate(earlier, later, null, null, null, METHOD, level);
        }
        double p1 = later.proportion();
        double p2 = earlier.proportion();
        double d = p1 - p2;
        double lower = d - Math.sqrt(square(p1 - later.lower()) + square(earlier.upper() - p2));
        double upper = d + Math.sqrt(square(later.upper() - p1) + square(p2 - earlier.lower()));
        return new ChangeEstimate(earlier, later, d, Math.max(-1, lower), Math.min(1, upper), METHOD, level);
    }

    private static double square(double x) {
        return x * x;
    }
}
