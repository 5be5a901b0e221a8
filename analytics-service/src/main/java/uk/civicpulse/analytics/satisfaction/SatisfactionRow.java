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
 * @param proportion    satisfied / n; null when n = 0
 * @param lower         the interval's lower bound
 * @param upper         the interval's upper bound
 * @param marginOfError half the interval's width
 * @param label         "too few responses" when n is below the minimum; such a figure is shown but not ranked
 */
@Serdeable
public record SatisfactionRow(
        Map<String, String> group,
        String scale,
        long n,
        Map<String, Long> counts,
        long satisfied,
        @Nullable Double proportion,
        @Nullable Double lower,
        @Nullable Double upper,
        @Nullable Double marginOfError,
        String metric,
        String method,
        double confidenceLevel,
        @Nullable String label) {
}
