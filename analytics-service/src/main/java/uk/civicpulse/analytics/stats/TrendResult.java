package uk.civicpulse.analytics.stats;

/**
 * The verdict of a trend test over a series of periods.
 *
 * @param periods         periods with at least one response (the ones tested)
 * @param n               respondents over those periods
 * @param chiSquared      the test statistic (1 degree of freedom; for the logistic slope, the Wald statistic z^2);
 *                        null when there is nothing to test
 * @param z               the signed square root of {@code chiSquared}: positive when later periods are more satisfied
 * @param pValue          the two-sided p-value; null when there is nothing to test
 * @param direction       "improving", "declining" or "no_clear_change"
 * @param method          "cochran_armitage" or "logistic_regression_wald"
 * @param alpha           the significance level the direction was judged at
 * @param label           why there is no test, when there is none: "too few periods", "no variation" or, for the
 *                        logistic slope, "separation: no finite slope"
 * @param slope           logistic regression only: the change in the log-odds of being satisfied per period
 * @param standardError   logistic regression only: the slope's standard error (from the observed information)
 * @param lower           logistic regression only: the Wald interval's lower bound for the slope
 * @param upper           logistic regression only: the Wald interval's upper bound for the slope
 * @param confidenceLevel logistic regression only: the level of that interval
 */
public record TrendResult(int periods, long n, Double chiSquared, Double z, Double pValue, String direction,
                          String method, double alpha, String label, Double slope, Double standardError, Double lower,
                          Double upper, Double confidenceLevel) {

    /** A test with no slope to report (Cochran-Armitage). */
    public TrendResult(int periods, long n, Double chiSquared, Double z, Double pValue, String direction, String method,
                       double alpha, String label) {
        this(periods, n, chiSquared, z, pValue, direction, method, alpha, label, null, null, null, null, null);
    }
}
