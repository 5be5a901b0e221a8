package uk.civicpulse.analytics.timeliness;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.Map;

/**
 * How one version of one standard was kept, for one group (service, channel, period as asked). Figures unrounded.
 *
 * @param standard               the standard's code
 * @param effectiveFrom          the version these contacts were judged by
 * @param group                  the row's value per breakdown asked for (service, channel, period start)
 * @param withinStandard         n: contacts judged (answered, or open past the limit); count: within the limit
 * @param pending                open contacts whose limit has not yet passed: not judged yet
 * @param status                 met, not_met or too_close_to_call against the target share; null with no contacts
 * @param median                 the median time taken, in {@code unit} (answered contacts only)
 * @param percentile90           the 90th percentile time taken, in {@code unit}
 * @param answered               contacts with the measured time, the basis of the median and 90th percentile
 * @param firstContactResolution of contacts recording it, the share resolved at the first contact
 * @param residentsTimeliness    of residents who rated the key area "timeliness" (1-5) for the same service and
 *                               period, the share rating it 4 or 5
 * @param residentsScope         the service the residents' figure covers, or "all services"
 */
@Serdeable
public record TimelinessRow(
        String standard, LocalDate effectiveFrom, String contactType, String measure, int limit, String unit,
        double targetShare, String promiseEn, String promiseCy, Map<String, String> group,
        Share withinStandard, long pending, @Nullable String status,
        @Nullable Double median, @Nullable Double percentile90, long answered,
        Share firstContactResolution, Share residentsTimeliness, String residentsScope) {
}
