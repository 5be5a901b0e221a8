package uk.civicpulse.analytics.stats;

/**
 * Where a service stands against its target (for example 95% satisfied), as CSE element 1.3.4 asks.
 *
 * @param satisfied            x, respondents counted as satisfied
 * @param n                    respondents
 * @param target               the target proportion, 0 to 1
 * @param proportion           x/n; null when n = 0
 * @param lower                the Wilson interval's lower bound at {@code level}; null when n = 0
 * @param upper                the Wilson interval's upper bound; null when n = 0
 * @param level                the confidence level of the interval
 * @param status               {@link TargetCheck#MET}, {@link TargetCheck#NOT_MET}, {@link TargetCheck#TOO_CLOSE_TO_CALL}
 *                             or {@link TargetCheck#NO_RESPONSES}
 * @param probabilityAtOrAbove P(true level >= target) under the Jeffreys posterior Beta(x + 1/2, n - x + 1/2); with
 *                             n = 0 it is the prior's own probability (stated, not hidden)
 * @param moreResponsesNeeded  further responses that would settle the status if the proportion stayed where it is;
 *                             0 when already settled; null when no number would (the proportion equals the target)
 * @param intervalMethod       always "wilson"
 * @param probabilityMethod    always "jeffreys_beta_posterior"
 */
public record TargetAssessment(long satisfied, long n, double target, Double proportion, Double lower, Double upper,
                               double level, String status, double probabilityAtOrAbove, Long moreResponsesNeeded,
                               String intervalMethod, String probabilityMethod) {
}
