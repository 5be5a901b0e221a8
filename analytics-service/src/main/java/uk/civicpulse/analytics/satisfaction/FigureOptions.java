package uk.civicpulse.analytics.satisfaction;

import uk.civicpulse.analytics.stats.Metric;
import uk.civicpulse.analytics.stats.ProportionInterval;
import uk.civicpulse.analytics.web.BadParameterException;
import uk.civicpulse.events.RatingSubmitted;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the figures of a slice are made: which metric, which interval at which level, whether the contacts correct
 * the interval, and which customer-group questions the respondents are weighted to.
 *
 * @param metric        percent_satisfied (default), net_satisfaction, mean_score or rescaled_mean
 * @param method        the proportion interval: wilson (default), clopper_pearson or jeffreys
 * @param level         0.90, 0.95 (default) or 0.99
 * @param correct       apply the finite population correction where the contacts are known (default true)
 * @param weightBy      questions to weight by: none, one (post-stratification) or several (raking)
 * @param cap           the largest weight, as a multiple of the mean weight
 */
public record FigureOptions(Metric metric, ProportionInterval method, double level, boolean correct, List<String> weightBy, double cap) {

    static final int MAX_WEIGHT_QUESTIONS = 5;
    static final double MAX_CAP = 100;

    public static FigureOptions defaults(double cap) {
        return new FigureOptions(Metric.PERCENT_SATISFIED, ProportionInterval.WILSON, 0.95, true, List.of(), cap);
    }

    /** Parses the query parameters, or a 400 naming the one that is wrong. Nulls take the defaults. */
    public static FigureOptions parse(String metric, String method, String level, String fpc, String weight, String cap, double defaultCap) {
        Metric m = metric == null ? Metric.PERCENT_SATISFIED : Metric.fromCode(metric).orElseThrow(() -> new BadParameterException("metric",
                "must be one of " + Arrays.stream(Metric.values()).map(Metric::code).toList()));
        ProportionInterval interval = method == null ? ProportionInterval.WILSON : ProportionInterval.fromCode(method).orElseThrow(() ->
                new BadParameterException("method", "must be one of " + Arrays.stream(ProportionInterval.values()).map(ProportionInterval::code).toList()));
        double confidence = level(level);
        boolean correct;
        if (fpc == null || fpc.equals("auto")) {
            correct = true;
        } else if (fpc.equals("off")) {
            correct = false;
        } else {
            throw new BadParameterException("fpc", "must be auto (correct where the contacts are known) or off");
        }
        List<String> questions = new ArrayList<>();
        if (weight != null) {
            for (String q : weight.split(",")) {
                String question = q.trim();
                if (!RatingSubmitted.isCode(question)) {
                    throw new BadParameterException("weight", "must name customer-group questions, e.g. age_band,sex; got '" + question + "'");
                }
                if (!questions.contains(question)) {
                    questions.add(question);
                }
            }
            if (questions.size() > MAX_WEIGHT_QUESTIONS) {
                throw new BadParameterException("weight", "at most " + MAX_WEIGHT_QUESTIONS + " questions");
            }
        }
        double weightCap = defaultCap;
        if (cap != null) {
            if (questions.isEmpty()) {
                throw new BadParameterException("cap", "only with 'weight'");
            }
            try {
                weightCap = Double.parseDouble(cap);
            } catch (NumberFormatException e) {
                weightCap = Double.NaN;
            }
            if (!(weightCap >= 1 && weightCap <= MAX_CAP)) {
                throw new BadParameterException("cap", "must be a number from 1 to " + MAX_CAP + " (the largest weight as a multiple of the mean)");
            }
        }
        return new FigureOptions(m, interval, confidence, correct, List.copyOf(questions), weightCap);
    }

    /** 90, 95 or 99 (per cent); null is 95. */
    public static double level(String level) {
        if (level == null) {
            return 0.95;
        }
        return switch (level) {
            case "90" -> 0.90;
            case "95" -> 0.95;
            case "99" -> 0.99;
            default -> throw new BadParameterException("level", "must be 90, 95 or 99 (per cent)");
        };
    }

    public boolean weighted() {
        return !weightBy.isEmpty();
    }
}
