package uk.civicpulse.survey.enrichment;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.civicpulse.events.KeyArea;
import uk.civicpulse.events.RatingEnriched;
import uk.civicpulse.testkit.RatingsTopic;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestProperties;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** POST /api/v1/ratings/{id}/answers: later answers become RatingEnriched v1 for the same id, checked like a rating's. */
@MicronautTest(transactional = false)
@Property(name = "flyway.datasources.default.locations", value = "classpath:db/migration,classpath:db/demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnrichmentApiIT implements TestPropertyProvider {

    private final TestDatabase database = TestDatabase.create("survey_enrichment");

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.of(database).asMap();
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @Test
    void laterAnswersReachKafkaAsRatingEnrichedForTheSameIdKeyedByCouncil() {
        UUID id = UUID.randomUUID();
        Map<String, Object> body = Map.of("council", "northmoor", "service", "waste", "reasons", List.of("quick", "helpful_staff"),
                "comment", "Thanks", "keyAreas", Map.of("staff", 5), "customerGroup", Map.of("age_band", "prefer_not_to_say"));
        HttpResponse<Map> r = client.toBlocking().exchange(HttpRequest.POST("/api/v1/ratings/" + id + "/answers", body), Map.class);
        assertEquals(HttpStatus.ACCEPTED, r.status());
        assertEquals(id.toString(), r.body().get("id"));

        RatingsTopic.Read read = RatingsTopic.readUntil(x -> x.enrichments().stream().anyMatch(e -> e.ratingId().equals(id)));
        RatingEnriched e = read.enrichments().stream().filter(x -> x.ratingId().equals(id)).findFirst().orElseThrow();
        assertEquals("northmoor", e.council());
        assertEquals(List.of("quick", "helpful_staff"), e.reasons());
        assertEquals("Thanks", e.comment());
        assertEquals(Map.of(KeyArea.STAFF, 5), e.keyAreas());
        assertEquals(Map.of("age_band", "prefer_not_to_say"), e.customerGroup());
        assertEquals(1, e.schemaVersion());
        assertEquals(0, read.ratings().stream().filter(x -> x.id().equals(id)).count(), "an enrichment is not a second rating");
    }

    @Test
    void badAnswersGetA422NamingOnlyTheResidentsOwnFields() {
        record Case(String id, Map<String, Object> body, List<String> fields) {
        }
        String id = UUID.randomUUID().toString();
        List<Case> cases = List.of(
                new Case(id, Map.of("council", "northmoor", "service", "waste", "reasons", List.of("bribery")), List.of("reasons[0]")),
                new Case(id, Map.of("council", "northmoor", "service", "waste", "keyAreas", Map.of("staff", 9)), List.of("keyAreas.staff")),
                new Case(id, Map.of("council", "northmoor", "service", "waste", "customerGroup", Map.of("age_band", "12_15")), List.of("customerGroup.age_band")),
                new Case(id, Map.of("council", "northmoor", "service", "waste", "comment", "x".repeat(1001)), List.of("comment")),
                new Case("not-a-uuid", Map.of("council", "northmoor", "service", "waste"), List.of("id")),
                new Case(id, Map.of("council", "atlantis", "service", "waste"), List.of("council")),
                new Case(id, Map.of("council", "northmoor", "service", "dragons"), List.of("service")));
        for (Case c : cases) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                    HttpRequest.POST("/api/v1/ratings/" + c.id() + "/answers", c.body()), Argument.of(Map.class), Argument.of(Map.class)));
            assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus(), c.toString());
            assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
            @SuppressWarnings("unchecked")
            List<Map<String, String>> errors = (List<Map<String, String>>) e.getResponse().getBody(Map.class).orElseThrow().get("errors");
            assertEquals(c.fields(), errors.stream().map(f -> f.get("field")).toList(), c.toString());
        }
    }

    @Test
    void answersFromAPageTheCouncilHasNotAllowedAreRefusedAndNeverReachKafka() {
        UUID id = UUID.randomUUID();
        Map<String, Object> body = Map.of("council", "northmoor", "service", "waste", "comment", "from elsewhere");
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.POST("/api/v1/ratings/" + id + "/answers", body).header("Origin", "https://ballot-stuffer.example"),
                Argument.of(Map.class), Argument.of(Map.class)));
        assertEquals(HttpStatus.FORBIDDEN, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());

        // a later accepted answer for another id shows the topic has been read past the refused one
        UUID marker = UUID.randomUUID();
        client.toBlocking().exchange(HttpRequest.POST("/api/v1/ratings/" + marker + "/answers",
                Map.of("council", "northmoor", "service", "waste")), Map.class);
        RatingsTopic.Read read = RatingsTopic.readUntil(x -> x.enrichments().stream().anyMatch(en -> en.ratingId().equals(marker)));
        assertEquals(0, read.enrichments().stream().filter(en -> en.ratingId().equals(id)).count());
    }
}
