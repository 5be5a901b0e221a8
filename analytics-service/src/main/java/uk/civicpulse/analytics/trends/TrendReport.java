package uk.civicpulse.analytics.trends;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import uk.civicpulse.analytics.stats.ChangeEstimate;
import uk.civicpulse.analytics.stats.TrendResult;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * % satisfied over time for one service and channel (or all), the change between the last two periods with an
 * interval for the difference, and a trend test over the whole series.
 *
 * @param filters the slice's filters as given (service, channel, touchpoint, question, answer)
 * @param series  one row per period, empty periods included
 * @param change the last period against the one before it (Newcombe's interval); figures null if either is empty
 * @param trend   Cochran-Armitage (default) or the logistic regression slope over every period with responses;
 *                its {@code method} names which
 */
@Serdeable
public record TrendReport(String council, @Nullable String service, @Nullable String channel, Map<String, String> filters, String period, LocalDate from,
                          LocalDate to, String metric, double confidenceLevel, List<PeriodFigure> series,
                          @Nullable Change change, TrendResult trend) {

    /**
     * The later period minus the earlier one.
     *
     * @param difference later minus earlier; null when either has no responses
     * @param lower      the interval's lower bound for the difference
     * @param upper      the interval's upper bound
     * @param method     "newcombe_hybrid_score"
     */
    @Serdeable
    public record Change(PeriodFigure earlier, PeriodFigure later, @Nullable Double difference, @Nullable Double lower,
                         @Nullable Double upper, String method, double confidenceLevel) {

        public static Change of(PeriodFigure earlier, PeriodFigure later, ChangeEstimate e) {
            return new Change(earlier, later, e.difference(), e.lower(), e.upper(), e.method(), e.level());
        }
    }

    /**
     * @param proportion satisfied / n, null when n = 0
     * @param lower      the Wilson interval's lower bound
     * @param upper      the Wilson interval's upper bound
     * @param label      "too few responses" below the minimum n
     */
    @Serdeable
    public record PeriodFigure(LocalDate from, LocalDate to, long n, long satisfied, @Nullable Double proportion,
                               @Nullable Double lower, @Nullable Double upper, @Nullable String label) {
    }
}
