package uk.civicpulse.survey.ratings;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.testkit.RatingsTopic;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestProperties;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@Property(name = "flyway.datasources.default.locations", value = "classpath:db/migration,classpath:db/demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RatingsApiIT implements TestPropertyProvider {

    private final TestDatabase database = TestDatabase.create("survey_ratings");

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.of(database)
                // These tests post many ratings from one address to one page; the limit has its own test.
                .with("civic-pulse.rate-limit.web.capacity", "100000")
                .asMap();
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    static Map<String, Object> validRating(String id) {
        Map<String, Object> r = new HashMap<>();
        r.put("id", id);
        r.put("council", "northmoor");
        r.put("service", "waste");
        r.put("channel", "web");
        r.put("touchpoint", "/bins/missed-collection");
        r.put("scale", "faces-3");
        r.put("score", 3);
        r.put("reasons", List.of("quick"));
        r.put("comment", "Easy to report.");
        r.put("keyAreas", Map.of("timeliness", 5));
        r.put("customerGroup", Map.of("age_band", "35_44", "disability", "prefer_not_to_say"));
        r.put("submittedAt", "2026-11-20T09:15:30Z");
        return r;
    }

    private HttpClientResponseException refused(Object body) {
        return assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.POST("/api/v1/ratings", body), Argument.of(Map.class), Argument.of(Map.class)));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> fieldErrors(HttpClientResponseException e) {
        Map<String, Object> problem = e.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElseThrow();
        return (List<Map<String, String>>) problem.get("errors");
    }

    @Test
    void acceptsAValidRatingOnlyAfterTheBrokerHasIt() {
        String id = UUID.randomUUID().toString();
        HttpResponse<Map> response = client.toBlocking().exchange(HttpRequest.POST("/api/v1/ratings", validRating(id)), Map.class);
        assertEquals(HttpStatus.ACCEPTED, response.status());
        assertEquals(id, response.body().get("id"));

        Map<UUID, ConsumerRecord<String, RatingSubmitted>> onTopic = readTopic(Set.of(UUID.fromString(id)));
        ConsumerRecord<String, RatingSubmitted> record = onTopic.get(UUID.fromString(id));
        assertEquals("northmoor", record.key());
        RatingSubmitted rating = record.value();
        assertEquals(3, rating.score());
        assertEquals("prefer_not_to_say", rating.customerGroup().get("disability"));
        assertEquals(1, rating.schemaVersion());
        assertTrue(rating.receivedAt() != null);
    }

    @Test
    void malformedJsonGetsA400Problem() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.POST("/api/v1/ratings", "{\"id\": \"x\", ").contentType(MediaType.APPLICATION_JSON_TYPE),
                Argument.of(Map.class), Argument.of(Map.class)));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        Map<?, ?> problem = e.getResponse().getBody(Map.class).orElseThrow();
        assertEquals(400, problem.get("status"));
        assertTrue(problem.get("detail").toString().contains("JSON"), problem.toString());
    }

    @Test
    void eachUnknownOrOutOfRangeFieldGetsA422NamingIt() {
        record Case(String field, Object value, String expectedField) {
        }
        List<Case> cases = List.of(
                new Case("council", "atlantis", "council"),
                new Case("service", "dragon_control", "service"),
                new Case("channel", "carrier_pigeon", "channel"),
                new Case("scale", "stars-10", "scale"),
                new Case("scale", "likert-5", "scale"),
                new Case("score", 4, "score"),
                new Case("score", 0, "score"),
                new Case("id", "not-a-uuid", "id"),
                new Case("reasons", List.of("quick", "bribery"), "reasons[1]"),
                new Case("keyAreas", Map.of("staff", 6), "keyAreas.staff"),
                new Case("customerGroup", Map.of("age_band", "12_15"), "customerGroup.age_band"),
                new Case("comment", "x".repeat(1001), "comment"),
                new Case("submittedAt", "yesterday", "submittedAt"));
        for (Case c : cases) {
            Map<String, Object> body = validRating(UUID.randomUUID().toString());
            body.put(c.field(), c.value());
            HttpClientResponseException e = refused(body);
            assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus(), c.toString());
            assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
            List<Map<String, String>> errors = fieldErrors(e);
            assertEquals(List.of(c.expectedField()), errors.stream().map(f -> f.get("field")).toList(), c.toString());
        }
    }

    @Test
    void aBodyOver16KilobytesGetsA413Problem() {
        Map<String, Object> body = validRating(UUID.randomUUID().toString());
        body.put("comment", "x".repeat(17 * 1024));
        HttpClientResponseException e = refused(body);
        assertEquals(HttpStatus.REQUEST_ENTITY_TOO_LARGE, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
    }

    @Test
    void nothingInvalidEverReachesKafka() {
        String invalidId = UUID.randomUUID().toString();
        Map<String, Object> invalid = validRating(invalidId);
        invalid.put("score", 9);
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused(invalid).getStatus());
        String tooBigId = UUID.randomUUID().toString();
        Map<String, Object> tooBig = validRating(tooBigId);
        tooBig.put("comment", "y".repeat(20_000));
        assertEquals(HttpStatus.REQUEST_ENTITY_TOO_LARGE, refused(tooBig).getStatus());

        String validId = UUID.randomUUID().toString();
        client.toBlocking().exchange(HttpRequest.POST("/api/v1/ratings", validRating(validId)), Map.class);

        // Records of one council stay in order in one partition: once the later valid one is read,
        // anything produced for the invalid ones would have been read before it.
        Map<UUID, ConsumerRecord<String, RatingSubmitted>> onTopic = readTopic(Set.of(UUID.fromString(validId)));
        assertFalse(onTopic.containsKey(UUID.fromString(invalidId)));
        assertFalse(onTopic.containsKey(UUID.fromString(tooBigId)));
    }

    @Test
    void publishesCaptureSettingsForTheWidget() {
        Map<?, ?> settings = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/councils/northmoor/capture-settings"), Map.class);
        Map<?, ?> services = (Map<?, ?>) settings.get("services");
        assertEquals("faces-3", ((Map<?, ?>) services.get("waste")).get("scale"));
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().retrieve(HttpRequest.GET("/api/v1/councils/atlantis/capture-settings"), Map.class));
        assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
    }

    /** Reads the whole topic until every wanted id has been seen; returns every rating read, by id. */
    private static Map<UUID, ConsumerRecord<String, RatingSubmitted>> readTopic(Set<UUID> wanted) {
        Map<UUID, ConsumerRecord<String, RatingSubmitted>> seen = new HashMap<>();
        RatingsTopic.readUntilSeen(wanted).forEach(r -> seen.put(r.value().id(), r));
        return seen;
    }
}
