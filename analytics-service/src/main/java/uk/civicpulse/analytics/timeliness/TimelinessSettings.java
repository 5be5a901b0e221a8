package uk.civicpulse.analytics.timeliness;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * @param maxBatch          the most contacts stored in one database transaction
 * @param bankHolidaysFile  a file in GOV.UK's bank-holidays.json format to use instead of the bundled copy, or empty
 * @param minimumN          below this many contacts or answers a figure is labelled "too few"
 */
@ConfigurationProperties("civic-pulse.timeliness")
public record TimelinessSettings(int maxBatch, @Nullable String bankHolidaysFile, int minimumN) {
}
