package uk.civicpulse.analytics.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One step of a case.
 *
 * @param kind   opened, assigned, noted, responded or closed
 * @param actor  who took the step ("resident" for the opening rating)
 * @param detail the officer assigned, the note, or the response; null for opened and closed
 */
@Serdeable
public record CaseEvent(String kind, String actor, @Nullable String detail, Instant at) {
}
