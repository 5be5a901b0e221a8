package uk.civicpulse.analytics.evidence;

import java.util.List;

/**
 * One element of the Customer Service Excellence standard with what the period's data shows for it, in the reader's
 * language.
 *
 * @param code     e.g. "5.3.2"
 * @param asks     what the element asks, in a line
 * @param evidence the live figures and text that evidence it
 * @param gaps     what the data shows is missing or not met, said plainly
 */
public record EvidenceElement(String code, String asks, List<String> evidence, List<String> gaps) {

    /** evidenced (nothing missing), partial (evidence and gaps) or gap (no evidence from this product's data). */
    public String status() {
        if (gaps.isEmpty()) {
            return "evidenced";
        }
        return evidence.isEmpty() ? "gap" : "partial";
    }
}
