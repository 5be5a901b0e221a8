package uk.civicpulse.analytics.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import uk.civicpulse.events.EventCodec;
import uk.civicpulse.events.EventTypes;
import uk.civicpulse.events.FieldError;
import uk.civicpulse.events.RatingEnriched;
import uk.civicpulse.events.RatingSubmitted;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Sorts the records of one poll into ratings, enrichments and dead letters. */
final class RecordDecoder {

    final List<RatingSubmitted> ratings = new java.util.ArrayList<>();
    final List<RatingEnriched> enrichments = new java.util.ArrayList<>();
    final List<DeadLetterPublisher.DeadLetter> deadLetters = new java.util.ArrayList<>();
    /** The record each enrichment came in, by rating id (the last, as the store applies the last). */
    final java.util.Map<java.util.UUID, ConsumerRecord<String, byte[]>> enrichmentRecords = new java.util.HashMap<>();
    /** The ratings made ready for the database, once every record is added (on the consumer thread). */
    RatingStore.Prepared prepared;

    void add(ConsumerRecord<String, byte[]> record) {
        Header typeHeader = record.headers().lastHeader(EventTypes.HEADER);
        String type = typeHeader == null ? EventTypes.RATING_SUBMITTED_V1 : new String(typeHeader.value(), StandardCharsets.UTF_8);
        try {
            switch (type) {
                case EventTypes.RATING_SUBMITTED_V1 -> {
                    RatingSubmitted rating = EventCodec.decode(record.value(), RatingSubmitted.class);
                    List<FieldError> errors = rating.contractErrors();
                    if (!errors.isEmpty()) {
                        deadLetters.add(new DeadLetterPublisher.DeadLetter(record, "breaks the contract: " + errors));
                    } else if (!rating.council().equals(record.key())) {
                        deadLetters.add(new DeadLetterPublisher.DeadLetter(record, "keyed by '" + record.key() + "' but for council '" + rating.council() + "'"));
                    } else if (RatingCopy.hasNul(rating)) {
                        // PostgreSQL text cannot hold U+0000: storing it would fail the whole batch on every retry
                        deadLetters.add(new DeadLetterPublisher.DeadLetter(record, "holds a NUL character (U+0000), which cannot be stored"));
                    } else {
                        ratings.add(rating);
                    }
                }
                case EventTypes.RATING_ENRICHED_V1 -> {
                    RatingEnriched enrichment = EventCodec.decode(record.value(), RatingEnriched.class);
                    if (enrichment.ratingId() == null || enrichment.council() == null || enrichment.enrichedAt() == null) {
                        deadLetters.add(new DeadLetterPublisher.DeadLetter(record, "enrichment without ratingId, council or enrichedAt"));
                    } else if (RatingCopy.hasNul(enrichment)) {
                        deadLetters.add(new DeadLetterPublisher.DeadLetter(record, "holds a NUL character (U+0000), which cannot be stored"));
                    } else {
                        enrichments.add(enrichment);
                        enrichmentRecords.put(enrichment.ratingId(), record);
                    }
                }
                default -> deadLetters.add(new DeadLetterPublisher.DeadLetter(record, "unknown event type '" + type + "'"));
            }
        } catch (EventCodec.UndecodableEventException e) {
            deadLetters.add(new DeadLetterPublisher.DeadLetter(record, "undecodable: " + e.getMessage()));
        }
    }
}
