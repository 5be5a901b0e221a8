package uk.civicpulse.analytics.stats;

/**
 * A logistic regression trend test: the log-odds of being satisfied as a straight line in the period, fitted by
 * maximum likelihood to binomial counts, with a Wald test and interval for the slope.
 * <p>
 * With s_i satisfied of n_i in period i, scored t_i = 1, 2, 3... by its position in the series (a period with no
 * responses keeps its place but adds nothing, as in {@link TrendTest}):
 * <pre>
 *   logit P_i = a + b t_i
 *   Newton-Raphson (= IRLS for the canonical link), with t centred at its n-weighted mean for stability:
 *     U = (sum (s_i - n_i p_i), sum t_i (s_i - n_i p_i)),  I = sum n_i p_i (1 - p_i) (1, t_i; t_i, t_i^2)
 *     (a, b) += I^-1 U, halving the step while the log-likelihood falls
 *   SE(b) = sqrt((I^-1)_bb) at the estimate,  z = b / SE(b),  p = 2 P(Z > |z|),  b +/- z_(1-alpha/2) SE(b)
 * </pre>
 * This is R's {@code glm(cbind(s, n - s) ~ t, family = binomial)} with {@code summary(m)$coefficients["t", ]} and
 * {@code confint.default}. The slope is the change in log-odds per period: exp(b) multiplies the odds of a
 * resident being satisfied each period. The direction is "improving" when the p-value is below alpha and b &gt; 0,
 * "declining" when below alpha and b &lt; 0, otherwise "no_clear_change".
 * <p>
 * Edges (labelled, never NaN): fewer than two periods with responses: no test ("too few periods"); everyone
 * satisfied in every period or no one in any: no test ("no variation"); complete or quasi-complete separation (no
 * one satisfied up to some period and everyone after it, or the reverse; with two periods, any period at 0% or
 * 100%): the maximum-likelihood slope is infinite and the Wald test meaningless, so no test ("separation: no finite
 * slope"), where R's glm would warn "fitted probabilities numerically 0 or 1 occurred" and report a huge slope.
 * Cochran-Armitage ({@link TrendTest}) still tests such a series.
 * <p>
 * Reference: A. Agresti (2013) Categorical Data Analysis, 3rd ed., sections 4.1 and 5.2 (Wald inference).
 */
public final class LogisticTrend {

    public static final String METHOD = "logistic_regression_wald";
    public static final String SEPARATION = "separation: no finite slope";
    static final int MAX_ITERATIONS = 100;

    private LogisticTrend() {
    }

    /**
     * @param satisfied satisfied per period, in time order
     * @param n         respondents per period, same length
     * @param alpha     significance level for the verdict, e.g. 0.05; the interval's level is 1 - alpha
     */
    public static TrendResult slope(long[] satisfied, long[] n, double alpha) {
        if (satisfied.length != n.length) {
            throw new IllegalArgumentException("need one count of satisfied per count of respondents");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be between 0 and 1, got " + alpha);
        }
        int periods = 0;
        long total = 0;
        long totalSatisfied = 0;
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
        double level = 1 - alpha;
        if (periods < 2) {
            return empty(periods, total, alpha, "too few periods");
        }
        if (totalSatisfied == 0 || totalSatisfied == total) {
            return empty(periods, total, alpha, "no variation");
        }
        if (separated(satisfied, n)) {
            return empty(periods, total, alpha, SEPARATION);
        }
        double meanScore = scoreSum / total;
        double[] t = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            t[i] = (i + 1) - meanScore;
        }
        double p0 = (double) totalSatisfied / total;
        double a = Math.log(p0 / (1 - p0));
        double b = 0;
        double ll = logLikelihood(satisfied, n, t, a, b);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] step = newtonStep(satisfied, n, t, a, b);
            boolean converged = Math.abs(step[0]) <= 1e-13 * (1 + Math.abs(a)) && Math.abs(step[1]) <= 1e-13 * (1 + Math.abs(b));
            double factor = 1;
            double nextLl = logLikelihood(satisfied, n, t, a + step[0], b + step[1]);
            // halve only on a real fall: near the maximum the log-likelihood is flat to rounding, and halving on
            // rounding noise would stop Newton short of the estimate
            while (nextLl < ll - 1e-12 * (1 + Math.abs(ll)) && factor > 1e-10) {
                factor /= 2;
                nextLl = logLikelihood(satisfied, n, t, a + factor * step[0], b + factor * step[1]);
            }
            a += factor * step[0];
            b += factor * step[1];
            ll = nextLl;
            if (converged) {
                break;
            }
        }
        double[] info = information(n, t, a, b);
        double determinant = info[0] * info[2] - info[1] * info[1];
        double variance = info[0] / determinant;
        if (!(variance > 0) || Double.isInfinite(variance) || Double.isNaN(b)) {
            return empty(periods, total, alpha, SEPARATION);
        }
        double se = Math.sqrt(variance);
        double z = b / se;
        double pValue = 2 * Proportions.normalUpperTail(Math.abs(z));
        double half = Proportions.z(level) * se;
        String direction = pValue < alpha ? (b > 0 ? TrendTest.IMPROVING : TrendTest.DECLINING) : TrendTest.NO_CLEAR_CHANGE;
        return new TrendResult(periods, total, z * z, z, pValue, direction, METHOD, alpha, null, b, se, b - half, b + half, level);
    }

    private static TrendResult empty(int periods, long total, double alpha, String label) {
        return new TrendResult(periods, total, null, null, null, TrendTest.NO_CLEAR_CHANGE, METHOD, alpha, label,
                null, null, null, null, 1 - alpha);
    }

    /**
     * Whether some period k splits the series into none satisfied before it and all satisfied after it (or the
     * reverse), period k itself being anything: then the likelihood keeps rising as the slope grows without bound.
     */
    static boolean separated(long[] satisfied, long[] n) {
        for (int k = 0; k < n.length; k++) {
            if (n[k] == 0) {
                continue;
            }
            boolean rising = true;
            boolean falling = true;
            for (int i = 0; i < n.length; i++) {
                if (i < k) {
                    rising &= satisfied[i] == 0;
                    falling &= satisfied[i] == n[i];
                } else if (i > k) {
                    rising &= satisfied[i] == n[i];
                    falling &= satisfied[i] == 0;
                }
            }
            if (rising || falling) {
                return true;
            }
        }
        return false;
    }

    /** sum s_i eta_i - n_i log(1 + e^eta_i), computed without overflow. */
    private static double logLikelihood(long[] s, long[] n, double[] t, double a, double b) {
        double ll = 0;
        for (int i = 0; i < n.length; i++) {
            if (n[i] == 0) {
                continue;
            }
            double eta = a + b * t[i];
            double softplus = eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
            ll += s[i] * eta - n[i] * softplus;
        }
        return ll;
    }

    private static double[] information(long[] n, double[] t, double a, double b) {
        double i00 = 0;
        double i01 = 0;
        double i11 = 0;
        for (int i = 0; i < n.length; i++) {
            if (n[i] == 0) {
                continue;
            }
            double p = expit(a + b * t[i]);
            double w = n[i] * p * (1 - p);
            i00 += w;
            i01 += w * t[i];
            i11 += w * t[i] * t[i];
        }
        return new double[]{i00, i01, i11};
    }

    private static double[] newtonStep(long[] s, long[] n, double[] t, double a, double b) {
        double u0 = 0;
        double u1 = 0;
        for (int i = 0; i < n.length; i++) {
            if (n[i] == 0) {
                continue;
            }
            double residual = s[i] - n[i] * expit(a + b * t[i]);
            u0 += residual;
            u1 += residual * t[i];
        }
        double[] info = information(n, t, a, b);
        double determinant = info[0] * info[2] - info[1] * info[1];
        if (!(determinant > 0)) {
            return new double[]{0, 0};
        }
        return new double[]{(info[2] * u0 - info[1] * u1) / determinant, (info[0] * u1 - info[1] * u0) / determinant};
    }

    private static double expit(double eta) {
        return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
    }
}
