package uk.civicpulse.analytics.population;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * The population share of each answer to one customer-group question, e.g. census age bands.
 *
 * @param question the customer-group question's code, e.g. "age_band"
 * @param shares   share per answer code, each in [0, 1], summing to 1 (within 0.001)
 * @param source   where the shares come from, e.g. "Census 2021, TS007"
 */
@Serdeable
public record QuestionShares(String question, Map<String, Double> shares, @Nullable String source) {
}
