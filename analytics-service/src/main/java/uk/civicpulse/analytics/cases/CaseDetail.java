package uk.civicpulse.analytics.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A case with the resident's comment and its history.
 *
 * @param comment the resident's comment as an officer of the council may read it; null once the rating is erased
 * @param events  every step, oldest first
 */
@Serdeable
public record CaseDetail(ServiceCase serviceCase, @Nullable String comment, List<CaseEvent> events) {
}
