package uk.civicpulse.analytics.population;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Respondents' profile against the population, per customer-group question with population shares, and the
 * response rate per channel where the contacts are known.
 */
@Serdeable
public record RepresentativenessReport(String council, LocalDate from, LocalDate to, Map<String, String> filters,
                                       String test, List<Question> questions, List<ResponseRate> responseRates) {

    /**
     * @param n             respondents who gave an answer with a population share (those tested)
     * @param notStated     respondents who answered with no population share (e.g. prefer not to say)
     * @param notAnswered   respondents who did not answer the question
     * @param statistic     Pearson's X^2 goodness of fit; null when there is no test
     * @param smallExpected an expected count below 5: the chi-square approximation is doubtful
     */
    @Serdeable
    public record Question(String question, @Nullable String source, long n, long notStated, long notAnswered,
                           @Nullable Double statistic, int df, @Nullable Double pValue, boolean smallExpected, List<Group> groups) {
    }

    /**
     * @param respondents          respondents who gave this answer
     * @param respondentShare      respondents / n
     * @param populationShare      the council's population share
     * @param expected             n * populationShare
     * @param ratio                respondentShare / populationShare: below 1 under-, above 1 over-represented
     * @param standardisedResidual (O - E) / sqrt(E (1 - P)), R's chisq.test(...)$stdres
     * @param representation       "under" or "over" when the residual is beyond +/-1.96, else null
     */
    @Serdeable
    public record Group(String answer, long respondents, @Nullable Double respondentShare, double populationShare,
                        double expected, @Nullable Double ratio, @Nullable Double standardisedResidual, @Nullable String representation) {
    }

    /**
     * @param contacts contacts on this channel in the period; null when the contact volumes do not cover it
     * @param rate     responses / contacts; null without contacts
     */
    @Serdeable
    public record ResponseRate(String channel, long responses, @Nullable Long contacts, @Nullable Double rate) {
    }
}
