package uk.civicpulse.analytics.external;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * Counts from a survey run outside the platform, as an officer submits them.
 *
 * @param title       the survey, e.g. "Residents' survey"; waves of one survey share a title
 * @param wave        this wave, e.g. "2025" or "Spring 2026"; unique within the title
 * @param fieldedFrom first day of fieldwork (YYYY-MM-DD)
 * @param fieldedTo   last day of fieldwork; waves are ordered by it
 * @param service     the service asked about (a service code), or absent for the council as a whole
 * @param respondents people who answered the satisfaction question
 * @param satisfied   of them, those satisfied (the survey's own top box)
 * @param target      optional target proportion, 0 to 1
 * @param groups      optional counts per customer group: one entry per answer to a question
 * @param populationShares optional population share per answer, per customer-group question (e.g.
 *                    {"age_band": {"16_34": 0.3, "35_64": 0.5, "65_plus": 0.2}}), each question's shares summing to 1;
 *                    for a question with group counts but no shares here, the council's stored population shares
 *                    (PUT .../population-shares/{question}) are used. Not stored with the wave.
 * @param benchmark   optional comparable proportion satisfied, 0 to 1 (e.g. the LGA residents' survey's national
 *                    figure): the wave is placed on Spiegelhalter funnel limits around it
 * @param benchmarkSource where the benchmark comes from, in words (at most 200 characters)
 * @param population  optional size of the population the respondents were drawn from (e.g. residents aged 16+, or
 *                    the contacts in the period), at least {@code respondents}: the wave's interval then takes the
 *                    finite population correction
 */
@Serdeable
public record ExternalSurveyRequest(@Nullable String title, @Nullable String wave, @Nullable String fieldedFrom,
                                    @Nullable String fieldedTo, @Nullable String service, @Nullable Long respondents,
                                    @Nullable Long satisfied, @Nullable Double target, @Nullable List<GroupCount> groups,
                                    @Nullable Map<String, Map<String, Double>> populationShares,
                                    @Nullable Double benchmark, @Nullable String benchmarkSource, @Nullable Long population) {

    /**
     * @param question    the customer-group question, e.g. age_band
     * @param answer      the answer, e.g. 65_74
     * @param respondents respondents who gave that answer
     * @param satisfied   of them, those satisfied
     */
    @Serdeable
    public record GroupCount(@Nullable String question, @Nullable String answer, @Nullable Long respondents, @Nullable Long satisfied) {
    }
}
