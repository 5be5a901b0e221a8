package uk.civicpulse.analytics.comments;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A resident's comment with the rating it came with. Shown only to officers of the rating's own council. */
@Serdeable
public record Comment(UUID id, LocalDate ratedOn, String service, String channel, String touchpoint, String scale, int score,
                      List<String> reasons, @Nullable String comment, boolean agentEntered) {

    Comment withComment(@Nullable String text) {
        return new Comment(id, ratedOn, service, channel, touchpoint, scale, score, reasons, text, agentEntered);
    }
}
