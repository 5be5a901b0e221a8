package uk.civicpulse.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RatingEnrichedJsonTest {

    private static final RatingEnriched EXAMPLE = new RatingEnriched(
            UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"), "cardiff-demo", List.of("too_slow"),
            "Took three calls.", Map.of(KeyArea.TIMELINESS, 2), Map.of("age_band", "65_74"),
            Instant.parse("2026-11-20T09:16:02Z"), 1);

    private static byte[] golden() throws IOException {
        try (InputStream in = RatingEnrichedJsonTest.class.getResourceAsStream("/golden/rating-enriched-v1.json")) {
            return in.readAllBytes();
        }
    }

    @Test
    void serialisesToTheGoldenVersion1Json() throws IOException {
        ObjectMapper plain = new ObjectMapper();
        assertEquals(plain.readTree(golden()), plain.readTree(EventCodec.encode(EXAMPLE)));
    }

    @Test
    void deserialisesTheGoldenVersion1Json() throws IOException {
        assertEquals(EXAMPLE, EventCodec.decode(golden(), RatingEnriched.class));
    }
}
