package uk.civicpulse.analytics.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import uk.civicpulse.events.Channel;
import uk.civicpulse.events.EventCodec;
import uk.civicpulse.events.EventTypes;
import uk.civicpulse.events.RatingEnriched;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.events.Scale;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordDecoderTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    private static RatingSubmitted rating(String comment, String touchpoint) {
        return new RatingSubmitted(UUID.randomUUID(), "cardiff", "waste", Channel.WEB, touchpoint, Scale.FACES_3, 1,
                List.of(), comment, Map.of(), Map.of(), NOW, NOW, 1);
    }

    private static ConsumerRecord<String, byte[]> record(Object event, String type) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("civic-pulse.ratings.v1", 0, 7, "cardiff", EventCodec.encode(event));
        record.headers().add(EventTypes.HEADER, type.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    @Test
    void aRatingWhoseCommentOrTouchpointHoldsANulCharacterIsDeadLetteredNotStored() {
        RecordDecoder decoder = new RecordDecoder();
        decoder.add(record(rating("before\u0000after", "/bins"), EventTypes.RATING_SUBMITTED_V1));
        decoder.add(record(rating("fine", "/bins\u0000"), EventTypes.RATING_SUBMITTED_V1));
        decoder.add(record(rating("fine, with a tab\tand a \\ backslash", "/bins"), EventTypes.RATING_SUBMITTED_V1));

        assertEquals(1, decoder.ratings.size());
        assertEquals(2, decoder.deadLetters.size());
        decoder.deadLetters.forEach(letter -> assertTrue(letter.reason().contains("NUL"), letter.reason()));
    }

    @Test
    void anEnrichmentWhoseCommentHoldsANulCharacterIsDeadLetteredNotApplied() {
        RecordDecoder decoder = new RecordDecoder();
        decoder.add(record(new RatingEnriched(UUID.randomUUID(), "cardiff", List.of(), "a\u0000b", Map.of(), Map.of(), NOW, 1),
                EventTypes.RATING_ENRICHED_V1));
        decoder.add(record(new RatingEnriched(UUID.randomUUID(), "cardiff", List.of(), "ok", Map.of(), Map.of(), NOW, 1),
                EventTypes.RATING_ENRICHED_V1));

        assertEquals(1, decoder.enrichments.size());
        assertEquals(1, decoder.deadLetters.size());
    }
}
