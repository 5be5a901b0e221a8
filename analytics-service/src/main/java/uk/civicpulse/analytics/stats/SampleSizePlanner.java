package uk.civicpulse.analytics.stats;

/**
 * How many responses a survey needs.
 * <ul>
 * <li><b>For a margin of error</b> E at a confidence level, for an expected proportion p (0.5 when unknown, the
 * most cautious): n0 = z^2 p (1 - p) / E^2 (the normal-approximation half-width z sqrt(p(1-p)/n) = E; statsmodels
 * {@code samplesize_confint_proportion(p, E, alpha)}). With N contacts in the period, Cochran's finite population
 * correction n = n0 / (1 + (n0 - 1)/N) (Cochran 1977, eq. 4.2), never more than N. Both rounded up.</li>
 * <li><b>To tell a target from an expected level</b>: a one-sided test at significance alpha = 1 - level of
 * H0: P = target against the expected level p1, with the given power:
 * <pre>
 *   n = [ (z(1 - alpha) sqrt(t (1 - t)) + z(power) sqrt(p1 (1 - p1))) / (p1 - t) ]^2
 * </pre>
 * (Fleiss, Levin and Paik 2003, eq. 2.5, one-sample form), rounded up; with N, corrected as above.</li>
 * </ul>
 * Edges: E must lie in (0, 1); p, target and level in (0, 1) (p may be 0 or 1, giving n0 = 0 and hence 1 response);
 * a target equal to the expected level cannot be told apart with any number of responses: {@code null}.
 */
public final class SampleSizePlanner {

    private SampleSizePlanner() {
    }

    /** Responses needed for margin {@code margin} at {@code level}; {@code population} may be null. */
    public static Plan forMargin(double margin, double level, double p, Long population) {
        if (!(margin > 0 && margin < 1)) {
            throw new IllegalArgumentException("margin of error must lie between 0 and 1, got " + margin);
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("expected proportion must lie in [0, 1], got " + p);
        }
        double z = Proportions.z(level);
        double n0 = z * z * p * (1 - p) / (margin * margin);
        return plan(n0, population);
    }

    /**
     * Responses needed to show that the true level differs from the target (one-sided, significance 1 - level)
     * with the given power, when the true level is {@code expected}. Null when expected equals target.
     */
    public static Plan forTarget(double target, double expected, double level, double power, Long population) {
        for (double v : new double[]{target, expected, power}) {
            if (!(v > 0 && v < 1)) {
                throw new IllegalArgumentException("target, expected level and power must lie between 0 and 1, got " + v);
            }
        }
        Proportions.requireLevel(level);
        if (target == expected) {
            return null;
        }
        double zAlpha = Proportions.normalQuantile(level);
        double zBeta = Proportions.normalQuantile(power);
        double root = (zAlpha * Math.sqrt(target * (1 - target)) + zBeta * Math.sqrt(expected * (1 - expected))) / (expected - target);
        return plan(root * root, population);
    }

    private static Plan plan(double n0, Long population) {
        if (population != null && population < 1) {
            throw new IllegalArgumentException("the number of contacts must be at least 1");
        }
        long without = Math.max(1, (long) Math.ceil(n0 - 1e-9));
        if (population == null) {
            return new Plan(n0, without, null, null);
        }
        // n0 = 0 (p of 0 or 1) needs no correction; it would be 0/0 when N = 1.
        double corrected = n0 == 0 ? 0 : n0 / (1 + (n0 - 1) / population);
        long with = Math.min(population, Math.max(1, (long) Math.ceil(corrected - 1e-9)));
        return new Plan(n0, without, corrected, with);
    }

    /**
     * @param exact                 n0 before rounding
     * @param responses             n0 rounded up
     * @param exactWithPopulation   after the finite population correction, before rounding; null without N
     * @param responsesWithPopulation after the correction, rounded up (at most N); null without N
     */
    public record Plan(double exact, long responses, Double exactWithPopulation, Long responsesWithPopulation) {
    }
}
