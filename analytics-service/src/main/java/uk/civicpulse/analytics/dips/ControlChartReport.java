package uk.civicpulse.analytics.dips;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A p-chart of % satisfied with limits from a baseline, and each breach of a Making Data Count rule as an alert.
 *
 * @param filters  the slice's filters as given (service, channel, touchpoint, question, answer)
 * @param centre   the baseline's proportion satisfied; null when the baseline has no responses
 * @param points   one per period, empty periods included
 * @param alerts   one per breach, naming its rule
 * @param method   "p_chart_3_sigma"
 * @param label    "no baseline responses" when there are no limits
 */
@Serdeable
public record ControlChartReport(String council, @Nullable String service, @Nullable String channel,
                                 Map<String, String> filters, String period,
                                 LocalDate baselineFrom, LocalDate baselineTo, long baselineN, long baselineSatisfied,
                                 @Nullable Double centre, List<Point> points, List<Alert> alerts, String method,
                                 @Nullable String label) {

    /**
     * @param sigma sqrt(centre (1 - centre) / n)
     * @param lower max(0, centre - 3 sigma)
     * @param upper min(1, centre + 3 sigma)
     */
    @Serdeable
    public record Point(LocalDate from, LocalDate to, long n, long satisfied, @Nullable Double proportion,
                        @Nullable Double sigma, @Nullable Double lower, @Nullable Double upper) {
    }

    /**
     * @param rule      point_beyond_limits, shift_7_points_one_side, trend_7_points_rising_or_falling or
     *                  two_of_three_near_limit
     * @param direction high or low (for a trend: rising or falling)
     * @param from      the first day of the first period in the breach
     * @param to        the last day of the last period in the breach
     * @param points    how many periods with responses the breach spans
     * @param message   the breach in words
     */
    @Serdeable
    public record Alert(String rule, String direction, LocalDate from, LocalDate to, int points, String message) {
    }
}
