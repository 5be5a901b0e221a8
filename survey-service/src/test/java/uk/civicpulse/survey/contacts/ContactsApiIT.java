package uk.civicpulse.survey.contacts;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.civicpulse.events.ContactChannel;
import uk.civicpulse.events.ContactHandled;
import uk.civicpulse.events.EventCodec;
import uk.civicpulse.events.EventTypes;
import uk.civicpulse.events.Topics;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestKafka;
import uk.civicpulse.testkit.TestProperties;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@Property(name = "flyway.datasources.default.locations", value = "classpath:db/migration,classpath:db/demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactsApiIT implements TestPropertyProvider {

    private static final String KEY = "Bearer demo-contacts-northmoor";

    private final TestDatabase database = TestDatabase.create("survey_contacts");

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

    static Map<String, Object> contact(String sourceId) {
        Map<String, Object> c = new HashMap<>();
        c.put("sourceId", sourceId);
        c.put("council", "northmoor");
        c.put("service", "waste");
        c.put("channel", "web_form");
        c.put("contactType", "missed_bin");
        c.put("receivedAt", "2026-11-20T09:15:00Z");
        c.put("firstResponseAt", "2026-11-20T11:00:00Z");
        return c;
    }

    private HttpClientResponseException refused(MutableHttpRequest<?> request) {
        return assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(request, Argument.of(Map.class), Argument.of(Map.class)));
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(HttpClientResponseException e) {
        Map<String, Object> problem = e.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElseThrow();
        return ((List<Map<String, String>>) problem.get("errors")).stream().map(f -> f.get("field")).toList();
    }

    @Test
    void acceptsAContactOnlyAfterTheBrokerHasIt() {
        String id = "CRM-" + UUID.randomUUID();
        HttpResponse<Map> response = client.toBlocking().exchange(
                HttpRequest.POST("/api/v1/contacts", contact(id)).header("Authorization", KEY), Map.class);
        assertEquals(HttpStatus.ACCEPTED, response.status());
        assertEquals(id, response.body().get("sourceId"));
        ConsumerRecord<String, byte[]> record = readTopic(Set.of(id)).get(id);
        assertEquals("northmoor", record.key());
        assertEquals(EventTypes.CONTACT_HANDLED_V1, new String(record.headers().lastHeader(EventTypes.HEADER).value(), StandardCharsets.UTF_8));
        ContactHandled c = EventCodec.decode(record.value(), ContactHandled.class);
        assertEquals(ContactChannel.WEB_FORM, c.channel());
        assertEquals(Instant.parse("2026-11-20T11:00:00Z"), c.firstResponseAt());
    }

    @Test
    void namesEveryBadFieldIn422ProblemAndSendsNothing() {
        String id = "bad-" + UUID.randomUUID();
        Map<String, Object> bad = contact(id);
        bad.put("service", "dragons");
        bad.put("channel", "pigeon");
        bad.put("contactType", "Missed Bin");
        bad.put("receivedAt", "20/11/2026");
        bad.put("resolvedAt", "2026-11-19T09:00:00Z");
        HttpClientResponseException e = refused(HttpRequest.POST("/api/v1/contacts", bad).header("Authorization", KEY));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        assertTrue(fields(e).containsAll(List.of("channel", "contactType", "receivedAt", "service")), fields(e).toString());

        Map<String, Object> backwards = contact("bw-" + UUID.randomUUID());
        backwards.put("resolvedAt", "2026-11-19T09:00:00Z");
        assertEquals(List.of("resolvedAt"), fields(refused(HttpRequest.POST("/api/v1/contacts", backwards).header("Authorization", KEY))));

        String later = "ok-" + UUID.randomUUID();
        client.toBlocking().exchange(HttpRequest.POST("/api/v1/contacts", contact(later)).header("Authorization", KEY), Map.class);
        assertFalse(readTopic(Set.of(later)).containsKey(id));
    }

    @Test
    void answersMalformedJsonWith400() {
        HttpClientResponseException e = refused(HttpRequest.POST("/api/v1/contacts", "{\"sourceId\": ")
                .contentType(MediaType.APPLICATION_JSON_TYPE).header("Authorization", KEY));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
    }

    @Test
    void needsTheCouncilsOwnIntegrationKey() {
        assertEquals(HttpStatus.UNAUTHORIZED, refused(HttpRequest.POST("/api/v1/contacts", contact("x1"))).getStatus());
        assertEquals(HttpStatus.UNAUTHORIZED, refused(HttpRequest.POST("/api/v1/contacts", contact("x2"))
                .header("Authorization", "Bearer not-a-key")).getStatus());
        HttpClientResponseException other = refused(HttpRequest.POST("/api/v1/contacts", contact("x3"))
                .header("Authorization", "Bearer demo-contacts-eastbrook"));
        assertEquals(HttpStatus.FORBIDDEN, other.getStatus());
        assertEquals("application/problem+json", other.getResponse().getContentType().orElseThrow().toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void acceptsABatchItemByItem() {
        String a = "b-" + UUID.randomUUID();
        String b = "b-" + UUID.randomUUID();
        Map<String, Object> bad = contact("b-bad");
        bad.put("channel", "carrier_pigeon");
        Map<String, Object> otherCouncil = contact("b-other");
        otherCouncil.put("council", "eastbrook");
        HttpResponse<Map> response = client.toBlocking().exchange(HttpRequest.POST("/api/v1/contacts/batch",
                Map.of("contacts", List.of(contact(a), bad, contact(b), otherCouncil))).header("Authorization", KEY), Map.class);
        assertEquals(HttpStatus.ACCEPTED, response.status());
        assertEquals(2, ((Number) response.body().get("accepted")).intValue());
        assertEquals(2, ((Number) response.body().get("rejected")).intValue());
        List<Map<String, Object>> results = (List<Map<String, Object>>) response.body().get("results");
        assertEquals(List.of("accepted", "rejected", "accepted", "rejected"), results.stream().map(r -> r.get("status")).toList());
        assertEquals("channel", ((List<Map<String, Object>>) results.get(1).get("errors")).get(0).get("field"));
        Map<String, ConsumerRecord<String, byte[]>> onTopic = readTopic(Set.of(a, b));
        assertFalse(onTopic.containsKey("b-bad"));
        assertFalse(onTopic.containsKey("b-other"));

        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused(HttpRequest.POST("/api/v1/contacts/batch",
                Map.of("contacts", List.of())).header("Authorization", KEY)).getStatus());
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused(HttpRequest.POST("/api/v1/contacts/batch",
                Map.of("contacts", List.of(bad))).header("Authorization", KEY)).getStatus());
    }

    @Test
    @SuppressWarnings("unchecked")
    void refusesABatchOverTheLimitsWith413SayingTheLimit() {
        List<Map<String, Object>> thousand = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            thousand.add(contact("limit-" + UUID.randomUUID()));
        }
        HttpResponse<Map> full = client.toBlocking().exchange(HttpRequest.POST("/api/v1/contacts/batch",
                Map.of("contacts", thousand)).header("Authorization", KEY), Map.class);
        assertEquals(HttpStatus.ACCEPTED, full.status());
        assertEquals(1000, ((Number) full.body().get("accepted")).intValue());

        List<Map<String, Object>> tooMany = new java.util.ArrayList<>(thousand);
        tooMany.add(contact("limit-1001-" + UUID.randomUUID()));
        HttpClientResponseException many = refused(HttpRequest.POST("/api/v1/contacts/batch", Map.of("contacts", tooMany))
                .header("Authorization", KEY));
        assertEquals(HttpStatus.REQUEST_ENTITY_TOO_LARGE, many.getStatus());
        assertEquals("application/problem+json", many.getResponse().getContentType().orElseThrow().toString());
        Map<String, Object> problem = many.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElseThrow();
        assertEquals(413, ((Number) problem.get("status")).intValue());
        assertTrue(((String) problem.get("detail")).contains("at most 1000 contacts; this one has 1001"), (String) problem.get("detail"));
        // nothing of the refused batch was sent: a contact sent after it (same key, same partition) is read, not it
        String marker = "after-" + UUID.randomUUID();
        client.toBlocking().exchange(HttpRequest.POST("/api/v1/contacts", contact(marker)).header("Authorization", KEY), Map.class);
        assertFalse(readTopic(Set.of(marker)).containsKey((String) tooMany.get(1000).get("sourceId")));

        // 10 contacts, but over 1 MB (1,048,576 bytes) with their padding
        List<Map<String, Object>> heavy = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Map<String, Object> c = contact("heavy-" + i);
            c.put("service", "x".repeat(110_000));
            heavy.add(c);
        }
        HttpClientResponseException big = refused(HttpRequest.POST("/api/v1/contacts/batch", Map.of("contacts", heavy))
                .header("Authorization", KEY));
        assertEquals(HttpStatus.REQUEST_ENTITY_TOO_LARGE, big.getStatus());
        assertEquals("application/problem+json", big.getResponse().getContentType().orElseThrow().toString());
        String detail = (String) big.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElseThrow().get("detail");
        assertTrue(detail.contains("at most 1048576 bytes"), detail);

        HttpClientResponseException malformed = refused(HttpRequest.POST("/api/v1/contacts/batch", "{\"contacts\": [")
                .contentType(MediaType.APPLICATION_JSON_TYPE).header("Authorization", KEY));
        assertEquals(HttpStatus.BAD_REQUEST, malformed.getStatus());
        assertEquals("application/problem+json", malformed.getResponse().getContentType().orElseThrow().toString());
    }

    private static Map<String, ConsumerRecord<String, byte[]>> readTopic(Set<String> wanted) {
        Map<String, ConsumerRecord<String, byte[]>> seen = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = TestKafka.consumerFromStart(Topics.CONTACTS_V1.name())) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!seen.keySet().containsAll(wanted) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    seen.put(EventCodec.decode(r.value(), ContactHandled.class).sourceId(), r);
                }
            }
        }
        assertTrue(seen.keySet().containsAll(wanted), "not on the topic: " + wanted);
        return seen;
    }
}
