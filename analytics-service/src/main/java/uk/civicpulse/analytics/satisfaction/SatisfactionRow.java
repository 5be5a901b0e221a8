package uk.civicpulse.analytics.satisfaction;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * One row of a satisfaction slice. Figures are unrounded; pages round, the API does not.
 *
 * @param group         the slice's value per dimension asked for
 * @param counts        ratings per answer on the scale, by answer code, worst first
 * @param satisfied     ratings in the scale's top box
 * @param proportion    satisfied / n, unweighted; null when n = 0
 * @param value         the figure for the report's metric (weighted when the report is): a proportion 0-1, a net
 *                      score -1 to 1, a mean score, or a rescaled mean 0-100
 * @param lower         the interval's lower bound, for {@code value}
 * @param upper         the interval's upper bound, for {@code value}
 * @param marginOfError half the interval's width
 * @param standardError the figure's standard error
 * @param effectiveN    Kish's effective sample size (n when unweighted)
 * @param designEffect  n / effectiveN: how much weighting widens the interval (1 when unweighted)
 * @param contacts      the contacts N in the period behind this row, when the contact volumes cover it
 * @param finitePopulationCorrected whether N corrected the interval
 * @param label         "too few responses" when n is below the minimum; such a figure is shown but not ranked
 * @param note          why an interval is missing or has no width, when it is or has
 */
@Serdeable
public record SatisfactionRow(
        Map<String, String> group,
        String scale,
        long n,
        Map<String, Long> counts,
        long satisfied,
        @Nullable Double proportion,
        @Nullable Double value,
        @Nullable Double lower,
        @Nullable Double upper,
        @Nullable Double marginOfError,
        @Nullable Double standardError,
        @Nullable Double effectiveN,
        @Nullable Double designEffect,
        @Nullable Long contacts,
        boolean finitePopulationCorrected,
        String metric,
        String method,
        double confidenceLevel,
        @Nullable String label,
        @Nullable String note) {
}
