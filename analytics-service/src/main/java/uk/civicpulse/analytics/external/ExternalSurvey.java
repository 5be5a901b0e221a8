package uk.civicpulse.analytics.external;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A stored external survey wave: the counts as submitted.
 *
 * @param population the size of the population the respondents were drawn from, when the officer gave it
 */
@Serdeable
public record ExternalSurvey(UUID id, String council, String title, String wave, LocalDate fieldedFrom, LocalDate fieldedTo,
                             @Nullable String service, long respondents, long satisfied, @Nullable Double target,
                             List<Group> groups, String submittedBy, Instant submittedAt, @Nullable Double benchmark,
                             @Nullable String benchmarkSource, @Nullable Long population) {

    @Serdeable
    public record Group(String question, String answer, long respondents, long satisfied) {
    }
}
