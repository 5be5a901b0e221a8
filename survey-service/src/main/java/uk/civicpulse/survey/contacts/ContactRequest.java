package uk.civicpulse.survey.contacts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A contact as an integration sends it: the fields of {@code ContactHandled} less {@code schemaVersion}, as text. */
@Serdeable
public record ContactRequest(@Nullable String sourceId, @Nullable String council, @Nullable String service,
                             @Nullable String channel, @Nullable String contactType, @Nullable String receivedAt,
                             @Nullable String firstResponseAt, @Nullable String resolvedAt,
                             @Nullable Boolean resolvedAtFirstContact) {
}
