package uk.civicpulse.analytics.satisfaction;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A satisfaction slice: what it covers, how its figures were made, and one row per group.
 *
 * @param filters  the filters applied, by dimension code
 * @param question the customer-group question, when broken down or filtered by customer group
 * @param interval the period of each row, for a time series
 */
@Serdeable
public record SatisfactionReport(String council, LocalDate from, LocalDate to, List<String> by, Map<String, String> filters,
                                 @Nullable String question, @Nullable String interval, String metric, String method,
                                 double confidenceLevel, int minimumN, List<SatisfactionRow> rows) {
}
