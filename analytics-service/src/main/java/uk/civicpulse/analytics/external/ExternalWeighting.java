package uk.civicpulse.analytics.external;

import uk.civicpulse.analytics.stats.Cell;
import uk.civicpulse.analytics.stats.Estimate;
import uk.civicpulse.analytics.stats.Metric;
import uk.civicpulse.analytics.stats.MetricEstimator;
import uk.civicpulse.analytics.stats.ProportionInterval;
import uk.civicpulse.analytics.stats.Weighting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * % satisfied of an external survey post-stratified to the population shares of one customer-group question, from
 * the group counts the officer submitted (item 12 with item 3). Each group g of the question has n_g respondents
 * and s_g satisfied; every respondent in g gets the weight {@link Weighting#postStratify} gives (n P_g / n_g,
 * scaled to mean 1), and {@link MetricEstimator} turns the cells (1, s_g, w_g) and (0, n_g - s_g, w_g) into the
 * weighted proportion with its Wilson interval at Kish's effective n, the design effect and the effective n.
 * <p>
 * Only respondents counted in a group of that question take part (n is the sum of the groups, which may be fewer
 * than the survey's respondents when some did not answer the question). A group with a population share but no
 * respondents cannot be weighted up: it is listed as not represented and its share spread over the others, as
 * {@link Weighting} documents.
 */
final class ExternalWeighting {

    static final String METHOD = "post-stratification";

    private ExternalWeighting() {
    }

    /**
     * @param groups the question's groups (question, answer, respondents, satisfied)
     * @param shares population share per answer; every answer with respondents must have one
     * @throws IllegalArgumentException naming the answer that has respondents but no population share
     */
    static Result postStratified(List<ExternalSurvey.Group> groups, Map<String, Double> shares, double level) {
        Map<String, long[]> byAnswer = new LinkedHashMap<>();
        for (ExternalSurvey.Group g : groups) {
            long[] c = byAnswer.computeIfAbsent(g.answer(), k -> new long[2]);
            c[0] += g.respondents();
            c[1] += g.satisfied();
        }
        for (Map.Entry<String, long[]> e : byAnswer.entrySet()) {
            if (e.getValue()[0] > 0 && !shares.containsKey(e.getKey())) {
                throw new IllegalArgumentException("answer '" + e.getKey() + "' has respondents but no population share");
            }
        }
        List<String> answers = new ArrayList<>(shares.keySet());
        long[] counts = new long[answers.size()];
        long[] satisfied = new long[answers.size()];
        double[] p = new double[answers.size()];
        List<String> notRepresented = new ArrayList<>();
        long n = 0;
        for (int i = 0; i < answers.size(); i++) {
            long[] c = byAnswer.getOrDefault(answers.get(i), new long[2]);
            counts[i] = c[0];
            satisfied[i] = c[1];
            p[i] = shares.get(answers.get(i));
            n += c[0];
            if (c[0] == 0 && p[i] > 0) {
                notRepresented.add(answers.get(i));
            }
        }
        if (n == 0) {
            return new Result(MetricEstimator.of(Metric.PERCENT_SATISFIED, List.of(), ProportionInterval.WILSON, level, null), notRepresented);
        }
        double[] w = Weighting.postStratify(counts, p).weights();
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            if (counts[i] > 0) {
                cells.add(new Cell(1, satisfied[i], w[i]));
                cells.add(new Cell(0, counts[i] - satisfied[i], w[i]));
            }
        }
        return new Result(MetricEstimator.of(Metric.PERCENT_SATISFIED, cells, ProportionInterval.WILSON, level, null), notRepresented);
    }

    record Result(Estimate estimate, List<String> notRepresented) {
    }
}
