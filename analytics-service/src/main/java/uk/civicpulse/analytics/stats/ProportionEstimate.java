package uk.civicpulse.analytics.stats;

/**
 * A proportion with its confidence interval. With no respondents there is no estimate: {@code proportion},
 * {@code lower} and {@code upper} are null (never NaN).
 *
 * @param satisfied  the count counted as satisfied
 * @param n          the number of respondents
 * @param proportion satisfied / n
 * @param lower      the interval's lower bound
 * @param upper      the interval's upper bound
 * @param method     the interval method, e.g. "wilson"
 * @param level      the confidence level, e.g. 0.95
 */
public record ProportionEstimate(long satisfied, long n, Double proportion, Double lower, Double upper, String method, double level) {

    static ProportionEstimate empty(String method, double level) {
        return new ProportionEstimate(0, 0, null, null, null, method, level);
    }

    /** Half the interval's width: the "plus or minus" printed beside the figure. Null when there is no estimate. */
    public Double marginOfError() {
        return lower == null ? null : (upper - lower) / 2;
    }
}
