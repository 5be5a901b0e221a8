package uk.civicpulse.analytics.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A case opened by a resident's poor rating with a comment (CSE 4.3, 5.2.5).
 *
 * @param score      the score given, 1 (the bottom of the scale)
 * @param answer     the answer in words on its scale, e.g. "Poor"
 * @param status     open or closed
 * @param assignedTo the officer it is assigned to, or null
 * @param response   what the council told the resident, once recorded
 * @param openedAt   when the resident gave the rating: time to close runs from here
 */
@Serdeable
public record ServiceCase(long id, String council, UUID ratingId, LocalDate ratedOn, String service, String channel,
                          String touchpoint, String scale, int score, String answer, String status,
                          @Nullable String assignedTo, @Nullable String response, Instant openedAt,
                          @Nullable Instant closedAt) {

    public static final String OPEN = "open";
    public static final String CLOSED = "closed";

    public boolean closed() {
        return CLOSED.equals(status);
    }
}
