package uk.civicpulse.analytics.satisfaction;

import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;

@Serdeable
public record SatisfactionReport(String council, LocalDate from, LocalDate to, List<String> by, String metric,
                                 String method, double confidenceLevel, int minimumN, List<SatisfactionRow> rows) {
}
