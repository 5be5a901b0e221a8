package uk.civicpulse.survey.enrichment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * The later, skippable answers to a rating already given, as the widget posts them after each step. It carries the
 * whole current set of answers (each replaces what was there), so posting it twice changes nothing. The council and
 * service are repeated so the answers can be checked against the service's reasons and the council's questions.
 */
@Serdeable
public record EnrichmentRequest(
        @Nullable String council,
        @Nullable String service,
        @Nullable List<String> reasons,
        @Nullable String comment,
        @Nullable Map<String, Integer> keyAreas,
        @Nullable Map<String, String> customerGroup) {
}
