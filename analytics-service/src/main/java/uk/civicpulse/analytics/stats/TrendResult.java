package uk.civicpulse.analytics.stats;

/**
 * The verdict of a trend test over a series of periods.
 *
 * @param periods    periods with at least one response (the ones tested)
 * @param n          respondents over those periods
 * @param chiSquared the test statistic (1 degree of freedom); null when there is nothing to test
 * @param z          the signed square root of {@code chiSquared}: positive when later periods are more satisfied
 * @param pValue     the two-sided p-value; null when there is nothing to test
 * @param direction  "improving", "declining" or "no_clear_change"
 * @param method     "cochran_armitage"
 * @param alpha      the significance level the direction was judged at
 * @param label      why there is no test, when there is none: "too few periods" or "no variation"
 */
public record TrendResult(int periods, long n, Double chiSquared, Double z, Double pValue, String direction,
                          String method, double alpha, String label) {
}
