package uk.civicpulse.analytics.stats;

import org.apache.commons.math3.special.Erf;

/**
 * The Cochran-Armitage test for a linear trend in proportions over ordered periods, scored 1, 2, 3... by their
 * position in the series (a period with no responses keeps its place but adds nothing).
 * <p>
 * With x_i satisfied of n_i in period i at score t_i, N = sum n_i, p = sum x_i / N, tbar = sum n_i t_i / N:
 * <pre>
 *   T    = sum x_i (t_i - tbar)
 *   chi2 = T^2 / (p (1 - p) sum n_i (t_i - tbar)^2)       (1 degree of freedom, no continuity correction)
 *   z    = sign(T) sqrt(chi2),  p-value = erfc(|z| / sqrt 2)
 * </pre>
 * This is exactly R's {@code prop.test}-family {@code prop.trend.test(x, n, score)}, which computes chi2 as the
 * regression sum of squares of x_i/n_i on t_i with weights n_i / (p(1 - p)). The direction is "improving" when
 * the p-value is below alpha and T &gt; 0, "declining" when below alpha and T &lt; 0, otherwise "no_clear_change".
 * <p>
 * Edges: fewer than two periods with responses: no test ("too few periods"); everyone satisfied in every period
 * or no one in any (p = 0 or 1): no test ("no variation"), both reported as no clear change.
 * <p>
 * Reference: W. G. Cochran (1954) Biometrics 10:417-451; P. Armitage (1955) Biometrics 11:375-386.
 */
public final class TrendTest {

    public static final String METHOD = "cochran_armitage";
    public static final String IMPROVING = "improving";
    public static final String DECLINING = "declining";
    public static final String NO_CLEAR_CHANGE = "no_clear_change";

    private TrendTest() {
    }

    /**
     * @param satisfied satisfied per period, in time order
     * @param n         respondents per period, same length
     * @param alpha     significance level for the verdict, e.g. 0.05
     */
    public static TrendResult cochranArmitage(long[] satisfied, long[] n, double alpha) {
        if (satisfied.length != n.length) {
            throw new IllegalArgumentException("need one count of satisfied per count of respondents");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be between 0 and 1, got " + alpha);
        }
        int periods = 0;
        double total = 0;
        double totalSatisfied = 0;
        double scoreSum = 0;
        for (int i = 0; i < n.length; i++) {
            Proportions.requireCounts(satisfied[i], n[i]);
            if (n[i] > 0) {
                periods++;
                total += n[i];
                totalSatisfied += satisfied[i];
                scoreSum += (double) n[i] * (i + 1);
            }
        }
        if (periods < 2) {
            return new TrendResult(periods, (long) total, null, null, null, NO_CLEAR_CHANGE, METHOD, alpha, "too few periods");
        }
        double p = totalSatisfied / total;
        if (totalSatisfied == 0 || totalSatisfied == total) {
            return new TrendResult(periods, (long) total, null, null, null, NO_CLEAR_CHANGE, METHOD, alpha, "no variation");
        }
        double meanScore = scoreSum / total;
        double t = 0;
        double spread = 0;
        for (int i = 0; i < n.length; i++) {
            double centred = (i + 1) - meanScore;
            t += satisfied[i] * centred;
            spread += n[i] * centred * centred;
        }
        double z = t / Math.sqrt(p * (1 - p) * spread);
        double pValue = Erf.erfc(Math.abs(z) / Math.sqrt(2));
        String direction = pValue < alpha ? (z > 0 ? IMPROVING : DECLINING) : NO_CLEAR_CHANGE;
        return new TrendResult(periods, (long) total, z * z, z, pValue, direction, METHOD, alpha, null);
    }
}
