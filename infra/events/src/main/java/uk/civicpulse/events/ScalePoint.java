package uk.civicpulse.events;

/**
 * One answer on a rating scale.
 *
 * @param score     the number carried in {@link RatingSubmitted#score()}; higher is better
 * @param code      a stable code for the answer ("good", "very_satisfied")
 * @param english   the label residents see in English
 * @param welsh     the label residents see in Welsh
 * @param satisfied whether the answer counts towards "% satisfied"
 * @param net       the answer's weight in net satisfaction: +1, 0 or -1
 * @param rescaled  the answer on GOV.UK's 0-100 rescaled mean
 */
public record ScalePoint(int score, String code, String english, String welsh, boolean satisfied, int net, double rescaled) {
}
