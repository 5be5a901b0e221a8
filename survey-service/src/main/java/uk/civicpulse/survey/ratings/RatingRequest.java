package uk.civicpulse.survey.ratings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * A rating as a client posts it. Fields are kept as the client sent them (strings, not enums or UUIDs) so that
 * every problem can be reported against its field in one 422 answer, rather than as a parse failure.
 */
@Serdeable
public record RatingRequest(
        @Nullable String id,
        @Nullable String council,
        @Nullable String service,
        @Nullable String channel,
        @Nullable String touchpoint,
        @Nullable String scale,
        @Nullable Integer score,
        @Nullable List<String> reasons,
        @Nullable String comment,
        @Nullable Map<String, Integer> keyAreas,
        @Nullable Map<String, String> customerGroup,
        @Nullable String submittedAt) {
}
