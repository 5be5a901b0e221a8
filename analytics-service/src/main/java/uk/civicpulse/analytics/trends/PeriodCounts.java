package uk.civicpulse.analytics.trends;

import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/**
 * Respondents and satisfied respondents in one period (all scales pooled: "satisfied" is each scale's top box).
 *
 * @param from      the period's first day
 * @param to        the period's last day
 * @param satisfied respondents counted as satisfied
 * @param n         respondents
 */
@Serdeable
public record PeriodCounts(LocalDate from, LocalDate to, long satisfied, long n) {
}
