package uk.civicpulse.analytics.alerts;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How alerts are evaluated and sent ({@code civic-pulse.alerts.*}; environment variables in the README).
 *
 * @param chartMonths    months on each p-chart, ending with the current month
 * @param baselineMonths the first months of the chart that set its centre line and limits
 * @param recentMonths   a breach is raised only if it reaches into the latest this-many months: old history is
 *                       the chart's business, not an alert's
 * @param statusDays     targets and timeliness standards are judged over the latest this-many days
 * @param dashboardUrl   the dashboard's address as officers reach it, for the link in each email
 * @param smtpHost       the SMTP server; empty: alerts are recorded and shown, no email is sent
 * @param retryBackoff   how long after a failed send it is tried again; doubled after each further failure
 * @param retryBackoffMax the longest wait between two tries (a send is tried until it goes)
 */
@ConfigurationProperties("civic-pulse.alerts")
public record AlertSettings(
        @Bindable(defaultValue = "24") int chartMonths,
        @Bindable(defaultValue = "12") int baselineMonths,
        @Bindable(defaultValue = "2") int recentMonths,
        @Bindable(defaultValue = "90") int statusDays,
        @Bindable(defaultValue = "http://127.0.0.1:8081") String dashboardUrl,
        @Nullable String smtpHost,
        @Bindable(defaultValue = "587") int smtpPort,
        @Nullable String smtpUsername,
        @Nullable String smtpPassword,
        @Bindable(defaultValue = "civic-pulse-alerts@localhost") String smtpFrom,
        @Bindable(defaultValue = "1m") Duration retryBackoff,
        @Bindable(defaultValue = "6h") Duration retryBackoffMax) {

    public boolean emailConfigured() {
        return smtpHost != null && !smtpHost.isBlank();
    }
}
