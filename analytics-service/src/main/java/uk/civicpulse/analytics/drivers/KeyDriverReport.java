package uk.civicpulse.analytics.drivers;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import uk.civicpulse.analytics.stats.KeyDriverAnalysis;

import java.time.LocalDate;

/**
 * Key drivers of overall satisfaction (CSE 1.3.3) for one council, service and channel over a range.
 *
 * @param outcome  what is explained: "rescaled_score" (each rating's overall answer on 0-100)
 * @param capped   true when the sample stopped at the configured cap of ratings
 * @param analysis correlations and regression with their intervals (see {@link KeyDriverAnalysis})
 */
@Serdeable
public record KeyDriverReport(String council, @Nullable String service, @Nullable String channel, LocalDate from, LocalDate to,
                              String outcome, boolean capped, KeyDriverAnalysis analysis) {
}
