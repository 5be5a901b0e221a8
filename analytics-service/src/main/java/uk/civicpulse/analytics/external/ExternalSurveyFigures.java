package uk.civicpulse.analytics.external;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import uk.civicpulse.analytics.population.RepresentativenessReport;
import uk.civicpulse.analytics.satisfaction.GroupDifferencesReport;
import uk.civicpulse.analytics.stats.TrendResult;
import uk.civicpulse.analytics.trends.TrendReport;

import java.util.List;

/**
 * An external survey wave with the same statistics the platform's own ratings get.
 *
 * @param differences        per customer-group question with group counts: each answer against the rest and the
 *                           overall chi-square, Benjamini-Hochberg adjusted across every comparison in the wave
 * @param representativeness per question with group counts and population shares: the goodness of fit of the
 *                           respondents' answers to the shares
 */
@Serdeable
public record ExternalSurveyFigures(ExternalSurvey survey, Figure estimate, @Nullable TargetFigure target, List<GroupFigure> groups,
                                    List<WeightedFigure> weighted, @Nullable Funnel funnel, List<Differences> differences,
                                    List<Representation> representativeness) {

    /**
     * % satisfied by the answers to one customer-group question, each against the respondents who gave another
     * answer, as GET .../satisfaction/group-differences reports the platform's own ratings.
     *
     * @param test               two_proportion_z_pooled
     * @param adjustment         benjamini_hochberg, across every group-against-rest comparison in the wave
     * @param falseDiscoveryRate a difference is flagged significant when its adjusted p-value is below this
     * @param overall            Pearson's chi-square test of independence of answer and satisfied
     */
    @Serdeable
    public record Differences(String question, String test, String adjustment, double falseDiscoveryRate,
                              GroupDifferencesReport.Overall overall, List<GroupDifferencesReport.Group> groups) {
    }

    /**
     * The respondents' answers to one question against the population shares, as GET .../representativeness
     * reports the platform's own respondents.
     *
     * @param sharesFrom  "request" (given with the submission) or "council" (the council's stored shares)
     * @param test        pearson_chi_square_goodness_of_fit
     * @param n           respondents with an answer that has a population share (those tested)
     * @param notStated   respondents whose answer has no population share
     * @param notAnswered the wave's respondents not counted in any group of this question
     * @param statistic   X^2; null when there is no test
     */
    @Serdeable
    public record Representation(String question, String sharesFrom, String test, long n, long notStated, long notAnswered,
                                 @Nullable Double statistic, int df, @Nullable Double pValue, boolean smallExpected,
                                 List<RepresentativenessReport.Group> groups) {
    }

    /**
     * The wave on funnel limits around the benchmark the officer supplied (Spiegelhalter 2005, exact binomial with
     * his interpolation), as GET .../funnel places councils around their peer group's value.
     *
     * @param within95  "inside", "above" or "below" the 95% limits ("no_responses" at n = 0)
     * @param within998 the same for the 99.8% limits
     */
    @Serdeable
    public record Funnel(double benchmark, @Nullable String benchmarkSource, long n, @Nullable Double proportion,
                         @Nullable Double lower95, @Nullable Double upper95, @Nullable Double lower998, @Nullable Double upper998,
                         String within95, String within998, String method, @Nullable String label) {
    }

    /**
     * % satisfied post-stratified to the population shares of one customer-group question, from the group counts.
     *
     * @param question       the customer-group question weighted to
     * @param sharesFrom     "request" (shares given with the submission) or "council" (the council's stored shares)
     * @param weighting      "post-stratification"
     * @param n              respondents counted in the question's groups
     * @param proportion     the weighted proportion satisfied
     * @param lower          Wilson interval at Kish's effective n
     * @param effectiveN     Kish's effective sample size (sum w)^2 / sum w^2
     * @param designEffect   n / effectiveN
     * @param notRepresented answers with a population share but no respondents (their share is spread over the rest)
     * @param label          "too few responses" below the minimum n, or why the question could not be weighted
     */
    @Serdeable
    public record WeightedFigure(String question, String sharesFrom, String weighting, long n, @Nullable Double proportion,
                                 @Nullable Double lower, @Nullable Double upper, @Nullable Double marginOfError,
                                 @Nullable Double standardError, @Nullable Double effectiveN, @Nullable Double designEffect,
                                 String metric, String method, double confidenceLevel, List<String> notRepresented,
                                 @Nullable String label) {
    }

    /**
     * % satisfied with its 95% Wilson interval.
     *
     * @param standardError             sqrt(p (1 - p) / n), times sqrt((N - n)/(N - 1)) when corrected
     * @param population                the population size N the officer gave, if any (the wave's figure only)
     * @param finitePopulationCorrected whether the interval takes the finite population correction: the Wilson
     *                                  interval at the effective n = n (N - 1)/(N - n); a census (N = n) has none
     * @param label                     "too few responses" below the minimum n, or "census: no sampling error"
     */
    @Serdeable
    public record Figure(long n, long satisfied, @Nullable Double proportion, @Nullable Double lower, @Nullable Double upper,
                         @Nullable Double marginOfError, @Nullable Double standardError, @Nullable Long population,
                         boolean finitePopulationCorrected, String metric, String method, double confidenceLevel,
                         @Nullable String label) {
    }

    /** The wave against its target: as GET .../targets/status judges the platform's own figures. */
    @Serdeable
    public record TargetFigure(double target, String status, double probabilityAtOrAbove, @Nullable Long moreResponsesNeeded,
                               String probabilityMethod) {
    }

    @Serdeable
    public record GroupFigure(String question, String answer, Figure estimate) {
    }

    /** Every wave of the council's external surveys, and per title the change and trend across its waves. */
    @Serdeable
    public record Listing(String council, List<ExternalSurveyFigures> surveys, List<Waves> trends) {
    }

    /**
     * @param title  the survey
     * @param waves  how many waves it has
     * @param change the last wave against the one before (Newcombe); null with one wave
     * @param trend  Cochran-Armitage across the waves in order of fieldwork
     */
    @Serdeable
    public record Waves(String title, int waves, @Nullable TrendReport.Change change, TrendResult trend) {
    }
}
