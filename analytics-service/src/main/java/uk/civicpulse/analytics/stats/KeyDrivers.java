package uk.civicpulse.analytics.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.apache.commons.math3.util.FastMath;

import java.util.ArrayList;
import java.util.List;

/**
 * Key-driver analysis (CSE element 1.3.3): which of the key areas (delivery, timeliness, information, access,
 * staff) move with overall satisfaction.
 * <p>
 * <b>Correlation</b> of the overall score y with each area x (Pearson's r), with the Fisher-z interval
 * <pre>  tanh(atanh(r) -/+ z_{1-(1-level)/2} / sqrt(n - 3))</pre>
 * and the t-test p-value, t = r sqrt((n - 2)/(1 - r^2)) on n - 2 degrees of freedom: as R's
 * {@code cor.test(x, y, method = "pearson", conf.level = level)}.
 * <p>
 * <b>Regression</b> of y on all areas at once by ordinary least squares (QR decomposition), with each coefficient's
 * interval estimate +/- t_{1-(1-level)/2, n-k-1} SE: as R's {@code confint(lm(y ~ x1 + ... + xk), level = level)}.
 * The coefficients say how much overall satisfaction rises with one point on an area, the others held equal; the
 * correlations say how closely each area alone goes with it. Both are associations, not causes.
 * <p>
 * Edges: below {@code minimumN} complete responses nothing is computed (label "too few responses"); the same
 * overall score from everyone gives nothing to explain (label "no variation in overall satisfaction"); a constant
 * key area has no correlation (null r); a singular design (a constant area, two areas identical) gives no
 * regression (label "key areas cannot be separated"); |r| = 1 gives the interval [r, r] and p-value 0.
 */
public final class KeyDrivers {

    public static final String TOO_FEW = "too few responses";
    public static final String SINGULAR = "key areas cannot be separated";
    public static final String NO_VARIATION = "no variation in overall satisfaction";
    /** Below this an n - k - 1 residual degrees of freedom would be too few to estimate anything for five areas. */
    public static final int SMALLEST_MINIMUM_N = 10;

    private KeyDrivers() {
    }

    /**
     * @param overall  the overall satisfaction of each response (e.g. the rescaled 0-100 score)
     * @param areas    areas[i][j]: response i's rating of area j
     * @param names    the name of each area (columns of {@code areas})
     * @param level    confidence level, e.g. 0.95
     * @param minimumN fewest complete responses to compute from, at least {@link #SMALLEST_MINIMUM_N}
     */
    public static KeyDriverAnalysis analyse(double[] overall, double[][] areas, List<String> names, double level, int minimumN) {
        if (overall.length != areas.length) {
            throw new IllegalArgumentException("need one row of key-area ratings per overall score");
        }
        if (minimumN < Math.max(SMALLEST_MINIMUM_N, names.size() + 3)) {
            throw new IllegalArgumentException("the minimum n must be at least " + Math.max(SMALLEST_MINIMUM_N, names.size() + 3));
        }
        double z = Proportions.z(level);
        int n = overall.length;
        if (n < minimumN) {
            return new KeyDriverAnalysis(n, minimumN, level, List.of(), null, TOO_FEW);
        }
        int k = names.size();
        if (isConstant(overall)) {
            return new KeyDriverAnalysis(n, minimumN, level, List.of(), null, NO_VARIATION);
        }
        List<KeyDriverAnalysis.Correlation> correlations = new ArrayList<>();
        TDistribution correlationT = new TDistribution(null, n - 2);
        for (int j = 0; j < k; j++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                if (areas[i].length != k) {
                    throw new IllegalArgumentException("row " + i + " has " + areas[i].length + " ratings, expected " + k);
                }
                x[i] = areas[i][j];
            }
            correlations.add(correlation(names.get(j), x, overall, z, correlationT));
        }
        KeyDriverAnalysis.Regression regression;
        try {
            regression = regression(overall, areas, names, level);
        } catch (SingularMatrixException e) {
            return new KeyDriverAnalysis(n, minimumN, level, correlations, null, SINGULAR);
        }
        return new KeyDriverAnalysis(n, minimumN, level, correlations, regression, null);
    }

    private static KeyDriverAnalysis.Correlation correlation(String name, double[] x, double[] y, double z, TDistribution t) {
        int n = x.length;
        if (isConstant(x) || isConstant(y)) {
            return new KeyDriverAnalysis.Correlation(name, null, null, null, null, "pearson_fisher_z");
        }
        double r = new PearsonsCorrelation().correlation(x, y);
        r = Math.max(-1, Math.min(1, r));
        if (Math.abs(r) == 1) {
            return new KeyDriverAnalysis.Correlation(name, r, r, r, 0.0, "pearson_fisher_z");
        }
        double fisher = FastMath.atanh(r);
        double se = 1 / Math.sqrt(n - 3);
        double statistic = r * Math.sqrt((n - 2) / (1 - r * r));
        double p = 2 * t.cumulativeProbability(-Math.abs(statistic));
        return new KeyDriverAnalysis.Correlation(name, r, Math.tanh(fisher - z * se), Math.tanh(fisher + z * se), p, "pearson_fisher_z");
    }

    private static KeyDriverAnalysis.Regression regression(double[] y, double[][] x, List<String> names, double level) {
        int n = y.length;
        int k = names.size();
        // a pivot below this (relative to data of order 1-100) means the design is singular
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression(1e-10);
        ols.newSampleData(y.clone(), copy(x));
        double[] beta = ols.estimateRegressionParameters();
        double[] se = ols.estimateRegressionParametersStandardErrors();
        long df = n - k - 1L;
        // the default solver accuracy for the quantile (1e-9) would show in the ninth digit of the interval
        TDistribution t = new TDistribution(null, df, 1e-15);
        double quantile = t.inverseCumulativeProbability(1 - (1 - level) / 2);
        List<KeyDriverAnalysis.Coefficient> coefficients = new ArrayList<>();
        for (int j = 0; j <= k; j++) {
            // a perfect fit has standard errors of 0: a coefficient of 0 then has p = 1, any other p = 0
            double p = se[j] == 0 ? (beta[j] == 0 ? 1.0 : 0.0) : 2 * t.cumulativeProbability(-Math.abs(beta[j] / se[j]));
            coefficients.add(new KeyDriverAnalysis.Coefficient(j == 0 ? "intercept" : names.get(j - 1), beta[j], se[j],
                    beta[j] - quantile * se[j], beta[j] + quantile * se[j], p));
        }
        return new KeyDriverAnalysis.Regression(coefficients, ols.calculateRSquared(), ols.calculateAdjustedRSquared(), df, "ols");
    }

    private static double[][] copy(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i].clone();
        }
        return out;
    }

    private static boolean isConstant(double[] v) {
        for (double d : v) {
            if (d != v[0]) {
                return false;
            }
        }
        return true;
    }
}
