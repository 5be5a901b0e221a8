package uk.civicpulse.analytics.stats;

/**
 * The change in % satisfied from an earlier period to a later one, with a confidence interval for the difference.
 * With no respondents in either period there is no estimate: {@code difference}, {@code lower} and {@code upper}
 * are null (never NaN).
 *
 * @param earlier    the earlier period's proportion with its Wilson interval
 * @param later      the later period's proportion with its Wilson interval
 * @param difference later minus earlier (positive: more residents satisfied)
 * @param lower      the interval's lower bound for the difference
 * @param upper      the interval's upper bound for the difference
 * @param method     "newcombe_hybrid_score"
 * @param level      the confidence level
 */
public record ChangeEstimate(ProportionEstimate earlier, ProportionEstimate later, Double difference, Double lower,
                             Double upper, String method, double level) {
}
