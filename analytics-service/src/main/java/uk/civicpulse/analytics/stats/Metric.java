package uk.civicpulse.analytics.stats;

import uk.civicpulse.events.ScalePoint;

import java.util.Arrays;
import java.util.Optional;

/**
 * The figures a satisfaction slice can report, each the mean of a value given to every answer on the scale (the
 * values live in {@link ScalePoint}, so every scale is scored one way everywhere).
 */
public enum Metric {
    /** The share in the scale's top box (value 1 if satisfied, else 0): the default. Interval: a proportion interval. */
    PERCENT_SATISFIED("percent_satisfied"),
    /** GovMetric's net satisfaction: the mean of +1 / 0 / -1, between -1 and 1. Interval: t on the mean. */
    NET_SATISFACTION("net_satisfaction"),
    /** The mean score, 1 (worst) to the scale's size (best). Interval: t on the mean. */
    MEAN_SCORE("mean_score"),
    /** GOV.UK's rescaled mean: the worst answer 0, the best 100, equal steps between. Interval: t on the mean. */
    RESCALED_MEAN("rescaled_mean");

    private final String code;

    Metric(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The value one answer contributes to this metric's mean. */
    public double value(ScalePoint point) {
        return switch (this) {
            case PERCENT_SATISFIED -> point.satisfied() ? 1 : 0;
            case NET_SATISFACTION -> point.net();
            case MEAN_SCORE -> point.score();
            case RESCALED_MEAN -> point.rescaled();
        };
    }

    /** True for the share satisfied, whose interval is a proportion interval rather than t. */
    public boolean isProportion() {
        return this == PERCENT_SATISFIED;
    }

    public static Optional<Metric> fromCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }
}
