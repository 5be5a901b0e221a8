package uk.civicpulse.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RatingSubmittedJsonTest {

    private static final RatingSubmitted EXAMPLE = new RatingSubmitted(
            UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"),
            "cardiff-demo", "waste", Channel.FACE_TO_FACE, "kiosk-central-library",
            Scale.LIKERT_5, 4,
            List.of("helpful_staff", "quick"),
            "Sorted my bin collection quickly.",
            Map.of(KeyArea.TIMELINESS, 5, KeyArea.STAFF, 4),
            Map.of("age_band", "35_44", "disability", CustomerGroups.PREFER_NOT_TO_SAY),
            Instant.parse("2026-11-20T09:15:30Z"),
            Instant.parse("2026-11-20T09:15:31.250Z"),
            1);

    private static byte[] golden() throws IOException {
        try (InputStream in = RatingSubmittedJsonTest.class.getResourceAsStream("/golden/rating-submitted-v1.json")) {
            return in.readAllBytes();
        }
    }

    @Test
    void serialisesToTheGoldenVersion1Json() throws IOException {
        ObjectMapper plain = new ObjectMapper();
        JsonNode expected = plain.readTree(golden());
        JsonNode actual = plain.readTree(EventCodec.encode(EXAMPLE));
        assertEquals(expected, actual);
    }

    @Test
    void deserialisesTheGoldenVersion1Json() throws IOException {
        assertEquals(EXAMPLE, EventCodec.decode(golden(), RatingSubmitted.class));
    }

    @Test
    void readsVersion1AsFirstPublishedWithoutTheAgentEnteredFlag() throws IOException {
        try (InputStream in = RatingSubmittedJsonTest.class.getResourceAsStream("/golden/rating-submitted-v1-original.json")) {
            RatingSubmitted original = EventCodec.decode(in.readAllBytes(), RatingSubmitted.class);
            assertEquals(EXAMPLE, original);
            assertEquals(false, original.agentEntered());
        }
    }

    @Test
    void ignoresFieldsAddedByALaterCompatibleVersion() throws IOException {
        String withExtra = new String(golden(), StandardCharsets.UTF_8).replace("\"schemaVersion\"", "\"addedLater\": true, \"schemaVersion\"");
        assertEquals(EXAMPLE, EventCodec.decode(withExtra.getBytes(StandardCharsets.UTF_8), RatingSubmitted.class));
    }

    @Test
    void refusesBytesThatAreNotARating() {
        assertThrows(EventCodec.UndecodableEventException.class,
                () -> EventCodec.decode("{not json".getBytes(StandardCharsets.UTF_8), RatingSubmitted.class));
        assertThrows(EventCodec.UndecodableEventException.class,
                () -> EventCodec.decode("{\"channel\":\"carrier_pigeon\"}".getBytes(StandardCharsets.UTF_8), RatingSubmitted.class));
    }

    @Test
    void theGoldenExampleBreaksNoRuleOfTheContract() {
        assertEquals(List.of(), EXAMPLE.contractErrors());
    }

    @Test
    void namesEachFieldThatBreaksTheContract() {
        RatingSubmitted bad = new RatingSubmitted(null, "Cardiff Demo", "waste", null, "",
                Scale.FACES_3, 4, List.of("ok", "Not A Code"), "x".repeat(1001),
                Map.of(KeyArea.STAFF, 6), Map.of(), null, null, 2);
        List<String> fields = bad.contractErrors().stream().map(FieldError::field).toList();
        assertEquals(List.of("id", "council", "channel", "touchpoint", "score", "reasons[1]", "comment",
                "keyAreas.staff", "receivedAt", "schemaVersion"), fields);
    }

    @Test
    void countsTheRatingWhenGivenUnlessTheClientClockRanAhead() {
        assertEquals(Instant.parse("2026-11-20T09:15:30Z"), EXAMPLE.ratedAt());
        RatingSubmitted fromTheFuture = new RatingSubmitted(EXAMPLE.id(), "c", "s", Channel.WEB, "/", Scale.FACES_3, 3,
                null, null, null, null, Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2026-11-20T00:00:00Z"), 1);
        assertEquals(Instant.parse("2026-11-20T00:00:00Z"), fromTheFuture.ratedAt());
        assertTrue(fromTheFuture.reasons().isEmpty());
    }
}
