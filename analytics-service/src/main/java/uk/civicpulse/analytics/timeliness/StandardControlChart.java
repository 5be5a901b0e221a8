package uk.civicpulse.analytics.timeliness;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;

/**
 * Dips against a timeliness standard (CSE 5.3.1, 5.3.2): the share of contacts within the standard per period on a
 * p-chart, with limits from a baseline and the NHS Making Data Count rules ({@link uk.civicpulse.analytics.stats.PChart}).
 *
 * @param standard       the standard's code
 * @param service        only this service's contacts, or null for all
 * @param channel        only this channel's contacts, or null for all
 * @param period         week (Monday to Sunday) or month
 * @param versions       every version of the standard in force at some time in the range plotted, oldest first
 * @param baselineN      contacts judged in the baseline
 * @param baselineWithin of those, within the standard
 * @param centre         the baseline's share within standard; null when the baseline has no contacts judged
 * @param points         one per period, empty periods included
 * @param alerts         one per breach of a Making Data Count rule
 * @param method         "p_chart_3_sigma"
 * @param label          "no baseline contacts" when there are no limits to judge against
 */
@Serdeable
public record StandardControlChart(String council, String standard, @Nullable String service, @Nullable String channel,
                                   String period, LocalDate from, LocalDate to, List<Version> versions,
                                   LocalDate baselineFrom, LocalDate baselineTo, long baselineN, long baselineWithin,
                                   @Nullable Double centre, List<Point> points, List<Alert> alerts, String method,
                                   @Nullable String label) {

    /** One version of the standard: what "within" meant for contacts received from {@code effectiveFrom}. */
    @Serdeable
    public record Version(LocalDate effectiveFrom, String measure, int limit, String unit, double targetShare) {

        static Version of(Standard s) {
            return new Version(s.effectiveFrom(), s.measure(), s.limit(), s.unit(), s.targetShare());
        }
    }

    /**
     * @param n          contacts received in the period and judged (open contacts whose limit has not passed are not)
     * @param within     of those, within the standard in force on the day each was received
     * @param proportion within / n; null when n = 0
     * @param sigma      sqrt(centre (1 - centre) / n)
     * @param lower      max(0, centre - 3 sigma)
     * @param upper      min(1, centre + 3 sigma)
     * @param versions   the effective dates of the versions this period's contacts were judged by
     */
    @Serdeable
    public record Point(LocalDate from, LocalDate to, long n, long within, @Nullable Double proportion,
                        @Nullable Double sigma, @Nullable Double lower, @Nullable Double upper,
                        List<LocalDate> versions) {
    }

    /**
     * @param rule      point_beyond_limits, shift_7_points_one_side, trend_7_points_rising_or_falling or
     *                  two_of_three_near_limit
     * @param direction high or low (for a trend: rising or falling); low is fewer contacts within the standard
     * @param from      the first day of the first period in the breach
     * @param to        the last day of the last period in the breach
     * @param points    how many periods with contacts the breach spans
     * @param message   the breach in words
     */
    @Serdeable
    public record Alert(String rule, String direction, LocalDate from, LocalDate to, int points, String message) {
    }
}
