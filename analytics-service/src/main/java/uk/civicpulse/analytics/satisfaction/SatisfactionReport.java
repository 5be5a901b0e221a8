package uk.civicpulse.analytics.satisfaction;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A satisfaction slice: what it covers, how its figures were made, and one row per group.
 *
 * @param filters   the filters applied, by dimension code
 * @param question  the customer-group question, when broken down or filtered by customer group
 * @param interval  the period of each row, for a time series
 * @param metric    the metric of every row's {@code value}
 * @param method    the interval method: wilson, clopper_pearson or jeffreys for % satisfied; t for means
 * @param weighting how the respondents were weighted; null when unweighted
 */
@Serdeable
public record SatisfactionReport(String council, LocalDate from, LocalDate to, List<String> by, Map<String, String> filters,
                                 @Nullable String question, @Nullable String interval, String metric, String method,
                                 double confidenceLevel, int minimumN, @Nullable WeightingSummary weighting,
                                 List<SatisfactionRow> rows) {

    /**
     * @param questions       the questions weighted to
     * @param method          post_stratification (one question) or raking (several)
     * @param cap             the largest weight allowed, as a multiple of the mean weight
     * @param trimmed         whether any weight was cut to the cap
     * @param iterations      raking rounds
     * @param converged       whether every margin was met (before trimming)
     * @param notStated       respondents per question who gave no answer, or one without a population share
     *                        (e.g. prefer not to say): kept at their own share, neither weighted up nor down
     * @param notRepresented  answers with a population share but no respondents, per question: their share is
     *                        spread over the other answers, so the weighting cannot correct for them
     * @param largestWeight   the largest weight after trimming
     * @param designEffect    Kish's design effect over the whole slice
     * @param effectiveN      Kish's effective sample size over the whole slice
     */
    @Serdeable
    public record WeightingSummary(List<String> questions, String method, double cap, boolean trimmed, int iterations,
                                   boolean converged, Map<String, Long> notStated, Map<String, List<String>> notRepresented,
                                   double largestWeight, double designEffect, double effectiveN) {
    }
}
