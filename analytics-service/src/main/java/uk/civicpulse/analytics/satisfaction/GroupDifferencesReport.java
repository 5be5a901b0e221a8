package uk.civicpulse.analytics.satisfaction;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * % satisfied by the answers to one customer-group question, each against the rest.
 *
 * @param test               the group-vs-rest test: two_proportion_z_pooled
 * @param adjustment         benjamini_hochberg, across the groups shown
 * @param falseDiscoveryRate a difference is flagged when its adjusted p-value is below this
 * @param overall            Pearson's chi-square test of independence of answer and satisfied
 */
@Serdeable
public record GroupDifferencesReport(String council, LocalDate from, LocalDate to, String question, Map<String, String> filters,
                                     String metric, String method, double confidenceLevel, int minimumN, String test,
                                     String adjustment, double falseDiscoveryRate, Overall overall, List<Group> groups) {

    /**
     * @param statistic     X^2; null when there is no test (fewer than two groups, or no variation)
     * @param smallExpected an expected count is below 5: the chi-square approximation is doubtful
     */
    @Serdeable
    public record Overall(@Nullable Double statistic, int df, @Nullable Double pValue, boolean smallExpected) {
    }

    /**
     * @param answer         the group
     * @param proportion     its % satisfied (0-1), with the interval {@code lower}-{@code upper}
     * @param restN          respondents who gave another answer
     * @param restProportion their % satisfied
     * @param difference     proportion - restProportion
     * @param z              the z statistic; null when there is no test
     * @param pValue         two-sided, unadjusted
     * @param adjustedPValue Benjamini-Hochberg adjusted
     * @param significant    adjustedPValue below the false discovery rate
     * @param label          "too few responses" below the minimum n
     */
    @Serdeable
    public record Group(String answer, long n, long satisfied, @Nullable Double proportion, @Nullable Double lower, @Nullable Double upper,
                        @Nullable Double marginOfError, long restN, @Nullable Double restProportion, @Nullable Double difference,
                        @Nullable Double z, @Nullable Double pValue, @Nullable Double adjustedPValue, boolean significant,
                        @Nullable String label) {
    }
}
