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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.civicpulse.events.Channel;
import uk.civicpulse.events.DeadLetters;
import uk.civicpulse.events.EventCodec;
import uk.civicpulse.events.EventTypes;
import uk.civicpulse.events.RatingEnriched;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.events.Scale;
import uk.civicpulse.events.Topics;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestKafka;
import uk.civicpulse.testkit.TestProperties;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        return TestProperties.of(database).consumerGroup(group).asMap();
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    static RatingSubmitted rating(UUID id, String service, Channel channel, int score) {
        return new RatingSubmitted(id, "westshire", service, channel, "/" + service, Scale.LIKERT_5, score,
                List.of(), null, Map.of(), Map.of(), DAY, DAY, 1);
    }

    private final UUID enrichedId = UUID.randomUUID();
    private final UUID orphanEnrichment = UUID.randomUUID();

    private static ProducerRecord<String, byte[]> enrichment(UUID ratingId, Map<String, String> group, String comment) {
        RatingEnriched e = new RatingEnriched(ratingId, "westshire", List.of("quick"), comment, Map.of(), group, DAY.plusSeconds(30), 1);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.RATINGS_V1.name(), "westshire", EventCodec.encode(e));
        record.headers().add(EventTypes.HEADER, EventTypes.headerValue(EventTypes.RATING_ENRICHED_V1));
        return record;
    }

    @BeforeAll
    void produceRatings() throws Exception {
        try (KafkaProducer<String, byte[]> producer = TestKafka.producer()) {
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
            // a rating whose customer group arrives later, twice (applied once), then changes once more
            RatingSubmitted first = new RatingSubmitted(enrichedId, "westshire", "registrars", Channel.FACE_TO_FACE, "kiosk-1",
                    Scale.LIKERT_5, 5, List.of(), null, Map.of(), Map.of("age_band", "25_34"), DAY, DAY, 1);
            producer.send(new ProducerRecord<>(Topics.RATINGS_V1.name(), "westshire", EventCodec.encode(first)));
            producer.send(enrichment(enrichedId, Map.of("age_band", "65_74", "sex", "female"), "Lovely staff"));
            producer.send(enrichment(enrichedId, Map.of("age_band", "65_74", "sex", "female"), "Lovely staff"));
            producer.send(enrichment(orphanEnrichment, Map.of("age_band", "65_74"), null));
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
            return rows != null && rows.size() == 1 && ((Number) rows.get(0).get("n")).intValue() == expectedTotal;
        });
        // fpc=off: the demo seed's contact volumes cover March, and these rows check the uncorrected Wilson interval
        return (List<Map<String, Object>>) satisfaction("westshire", "from=2026-03-01&to=2026-03-31&by=service,channel&fpc=off", token).get("rows");
    }

    @Test
    void countsEachRatingOnceWithItsWilsonInterval() {
        List<Map<String, Object>> rows = rowsOnceAllArrived(64);
        assertEquals(3, rows.size());
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
    @SuppressWarnings("unchecked")
    void laterAnswersMoveTheRatingToItsCustomerGroupOnce() {
        rowsOnceAllArrived(64);
        await().atMost(30, TimeUnit.SECONDS).until(() -> {
            List<Map<String, Object>> rows = (List<Map<String, Object>>) satisfaction("westshire",
                    "from=2026-03-01&to=2026-03-31&by=customer_group&question=age_band&service=registrars", token).get("rows");
            return rows != null && rows.size() == 1 && ((Map<?, ?>) rows.get(0).get("group")).get("customer_group").equals("65_74");
        });
        List<Map<String, Object>> rows = (List<Map<String, Object>>) satisfaction("westshire",
                "from=2026-03-01&to=2026-03-31&by=customer_group&question=age_band&service=registrars", token).get("rows");
        assertEquals(1, ((Number) rows.get(0).get("n")).intValue());
        List<Map<String, Object>> sex = (List<Map<String, Object>>) satisfaction("westshire",
                "from=2026-03-01&to=2026-03-31&by=customer_group&question=sex", token).get("rows");
        assertEquals(1, sex.size());
        assertEquals(1, ((Number) sex.get(0).get("n")).intValue());
        Map<String, Object> comments = client.toBlocking().retrieve(HttpRequest.GET(
                "/api/v1/councils/westshire/comments?from=2026-03-01&to=2026-03-31&service=registrars").bearerAuth(token), Argument.mapOf(String.class, Object.class));
        assertEquals(1, ((Number) comments.get("total")).intValue());
        assertEquals("Lovely staff", ((List<Map<String, Object>>) comments.get("items")).get(0).get("comment"));
    }

    @Test
    void recordsThatCanNeverCountGoToTheDeadLetterTopicWithTheirReason() {
        rowsOnceAllArrived(64);
        Map<String, String> reasons = new java.util.HashMap<>();
        try (org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]> consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(Map.of(
                org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                org.apache.kafka.clients.consumer.ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                org.apache.kafka.clients.consumer.ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.StringDeserializer.class,
                org.apache.kafka.clients.consumer.ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.RATINGS_DEAD_LETTER_V1.name()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline && reasons.size() < 3) {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> reasons.put(new String(r.value(), StandardCharsets.UTF_8),
                        new String(r.headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8)));
            }
        }
        assertTrue(reasons.getOrDefault("{oops", "").startsWith("undecodable"), reasons.toString());
        assertTrue(reasons.values().stream().anyMatch(r -> r.startsWith("breaks the contract") && r.contains("score")), reasons.toString());
        assertTrue(reasons.values().stream().anyMatch(r -> r.contains(orphanEnrichment.toString())), reasons.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void givesATimeSeriesAndACsvOfTheSameFigures() {
        rowsOnceAllArrived(64);
        Map<String, Object> series = client.toBlocking().retrieve(HttpRequest.GET(
                "/api/v1/councils/westshire/satisfaction/series?from=2026-01-01&to=2026-03-31&interval=month&service=libraries").bearerAuth(token),
                Argument.mapOf(String.class, Object.class));
        List<Map<String, Object>> rows = (List<Map<String, Object>>) series.get("rows");
        assertEquals(1, rows.size());
        assertEquals("2026-03-01", ((Map<?, ?>) rows.get(0).get("group")).get("period"));
        assertEquals(60, ((Number) rows.get(0).get("n")).intValue());
        String csv = client.toBlocking().retrieve(HttpRequest.GET(
                "/api/v1/councils/westshire/satisfaction?period=month&date=2026-03-15&by=service&format=csv&fpc=off").bearerAuth(token));
        String[] lines = csv.split("\r\n");
        assertTrue(lines[0].startsWith("service,scale,n,satisfied,proportion,value,lower,upper"), lines[0]);
        assertTrue(java.util.Arrays.stream(lines).anyMatch(l -> l.startsWith("libraries,likert-5,60,47,0.7833333333333333,0.7833333333333333,0.66379972426805")), csv);
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
