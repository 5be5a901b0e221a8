package uk.civicpulse.analytics.satisfaction;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.civicpulse.events.Channel;
import uk.civicpulse.events.EventCodec;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.events.Scale;
import uk.civicpulse.events.Topics;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestKafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

@MicronautTest(transactional = false)
@Property(name = "flyway.datasources.default.locations", value = "classpath:db/migration,classpath:db/demo")
@Property(name = "civic-pulse.demo.officers", value = "true")
@Property(name = "civic-pulse.demo.password", value = "test-password")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SatisfactionApiIT implements TestPropertyProvider {

    private static final Instant DAY = Instant.parse("2026-03-10T10:00:00Z");

    private final TestDatabase database = TestDatabase.create("analytics_satisfaction");
    private final String group = "analytics-it-" + UUID.randomUUID();
    private String token;

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "datasources.default.url", database.jdbcUrl(),
                "civic-pulse.kafka.bootstrap-servers", TestKafka.bootstrapServers(),
                "civic-pulse.kafka.consumer-group", group);
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    static RatingSubmitted rating(UUID id, String service, Channel channel, int score) {
        return new RatingSubmitted(id, "westshire", service, channel, "/" + service, Scale.LIKERT_5, score,
                List.of(), null, Map.of(), Map.of(), DAY, DAY, 1);
    }

    @BeforeAll
    void produceRatings() throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            // libraries on the web: 47 satisfied (scores 4-5) of 60
            for (int i = 0; i < 60; i++) {
                int score = i < 30 ? 5 : i < 47 ? 4 : i < 55 ? 3 : 1;
                RatingSubmitted r = rating(UUID.randomUUID(), "libraries", Channel.WEB, score);
                producer.send(new ProducerRecord<>(Topics.RATINGS_V1.name(), r.council(), EventCodec.encode(r)));
                if (i == 0) {
                    // the same rating delivered again is counted once
                    producer.send(new ProducerRecord<>(Topics.RATINGS_V1.name(), r.council(), EventCodec.encode(r)));
                }
            }
            // a record that is not a rating, and one that breaks the contract: skipped, and they block nothing behind them
            producer.send(new ProducerRecord<>(Topics.RATINGS_V1.name(), "westshire", "{oops".getBytes(StandardCharsets.UTF_8)));
            RatingSubmitted outOfRange = rating(UUID.randomUUID(), "libraries", Channel.WEB, 9);
            producer.send(new ProducerRecord<>(Topics.RATINGS_V1.name(), "westshire", EventCodec.encode(outOfRange)));
            // highways by phone: 2 of 3 satisfied, too few responses
            for (int score : new int[]{5, 4, 2}) {
                RatingSubmitted r = rating(UUID.randomUUID(), "highways", Channel.PHONE, score);
                producer.send(new ProducerRecord<>(Topics.RATINGS_V1.name(), r.council(), EventCodec.encode(r)));
            }
            producer.flush();
        }
        Map<?, ?> login = client.toBlocking().retrieve(HttpRequest.POST("/login",
                Map.of("username", "officer@westshire", "password", "test-password")), Map.class);
        token = (String) login.get("access_token");
    }

    private Map<String, Object> satisfaction(String council, String query, String bearer) {
        return client.toBlocking().retrieve(HttpRequest.GET("/api/v1/councils/" + council + "/satisfaction?" + query)
                .bearerAuth(bearer), Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rowsOnceAllArrived(int expectedTotal) {
        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<Map<String, Object>> rows = (List<Map<String, Object>>) satisfaction("westshire", "from=2026-03-01&to=2026-03-31", token).get("rows");
            return rows.size() == 1 && ((Number) rows.get(0).get("n")).intValue() == expectedTotal;
        });
        return (List<Map<String, Object>>) satisfaction("westshire", "from=2026-03-01&to=2026-03-31&by=service,channel", token).get("rows");
    }

    @Test
    void countsEachRatingOnceWithItsWilsonInterval() {
        List<Map<String, Object>> rows = rowsOnceAllArrived(63);
        assertEquals(2, rows.size());
        Map<String, Object> libraries = rows.stream().filter(r -> ((Map<?, ?>) r.get("group")).get("service").equals("libraries")).findFirst().orElseThrow();
        assertEquals(Map.of("service", "libraries", "channel", "web"), libraries.get("group"));
        assertEquals(60, ((Number) libraries.get("n")).intValue());
        assertEquals(47, ((Number) libraries.get("satisfied")).intValue());
        assertEquals(Map.of("very_dissatisfied", 5, "dissatisfied", 0, "neither", 8, "satisfied", 17, "very_satisfied", 30), libraries.get("counts"));
        assertEquals(47.0 / 60, ((Number) libraries.get("proportion")).doubleValue(), 1e-15);
        // R 4.2.2: prop.test(47, 60, correct = FALSE)$conf.int -> 0.663799724268052 0.868769559518097
        assertEquals(0.663799724268052, ((Number) libraries.get("lower")).doubleValue(), 1e-12);
        assertEquals(0.868769559518097, ((Number) libraries.get("upper")).doubleValue(), 1e-12);
        assertEquals((0.868769559518097 - 0.663799724268052) / 2, ((Number) libraries.get("marginOfError")).doubleValue(), 1e-12);
        assertEquals("percent_satisfied", libraries.get("metric"));
        assertEquals("wilson", libraries.get("method"));
        assertNull(libraries.get("label"));

        Map<String, Object> highways = rows.stream().filter(r -> ((Map<?, ?>) r.get("group")).get("service").equals("highways")).findFirst().orElseThrow();
        assertEquals(3, ((Number) highways.get("n")).intValue());
        assertEquals("too few responses", highways.get("label"));
    }

    @Test
    void refusesARequestWithoutAToken() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.GET("/api/v1/councils/westshire/satisfaction?from=2026-03-01&to=2026-03-31"), Map.class));
        assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
    }

    @Test
    void refusesAWrongPassword() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.POST("/login", Map.of("username", "officer@westshire", "password", "guess")), Map.class));
        assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
    }

    @Test
    void anOfficerSeesOnlyTheirOwnCouncil() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> satisfaction("northmoor", "from=2026-03-01&to=2026-03-31", token));
        assertEquals(HttpStatus.FORBIDDEN, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        HttpClientResponseException unknown = assertThrows(HttpClientResponseException.class,
                () -> satisfaction("atlantis", "from=2026-03-01&to=2026-03-31", token));
        assertEquals(HttpStatus.FORBIDDEN, unknown.getStatus());
    }

    @Test
    void badParametersGetA400Problem() {
        for (String query : List.of("from=2026-03-31&to=2026-03-01", "from=March&to=2026-03-31", "from=2026-03-01&to=2026-03-31&by=star_sign")) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> satisfaction("westshire", query, token));
            assertEquals(HttpStatus.BAD_REQUEST, e.getStatus(), query);
            assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        }
    }
}
