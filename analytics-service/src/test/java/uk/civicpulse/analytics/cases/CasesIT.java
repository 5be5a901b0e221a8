package uk.civicpulse.analytics.cases;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
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
import uk.civicpulse.analytics.ingest.RatingConsumer;
import uk.civicpulse.events.Channel;
import uk.civicpulse.events.EventCodec;
import uk.civicpulse.events.EventTypes;
import uk.civicpulse.events.RatingEnriched;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.events.Scale;
import uk.civicpulse.events.Topics;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestKafka;
import uk.civicpulse.testkit.TestProperties;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ratings go through a real broker into a real database; a poor rating with a comment opens one case, however often
 * it is delivered, and officers take it through to closed.
 */
@MicronautTest(transactional = false)
@Property(name = "flyway.datasources.default.locations", value = "classpath:db/migration,classpath:db/demo")
@Property(name = "civic-pulse.demo.officers", value = "true")
@Property(name = "civic-pulse.demo.password", value = "test-password")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CasesIT implements TestPropertyProvider {

    /** A service name no other test uses: the broker, and so every consumer group's topic, is shared by the JVM. */
    static final String SERVICE = "case_it_bins";
    static final Instant RATED = Instant.parse("2024-03-04T09:00:00Z");

    private final TestDatabase database = TestDatabase.create("analytics_cases");
    private final UUID poorWithComment = UUID.randomUUID();
    private final UUID poorCommentLater = UUID.randomUUID();
    private final UUID poorWithContactDetails = UUID.randomUUID();
    private String northmoorOfficer;
    private String westshireOfficer;
    private String admin;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Inject
    RatingConsumer consumer;

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.of(database).newConsumerGroup("cases-it").asMap();
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    private static RatingSubmitted rating(UUID id, int score, String comment) {
        return new RatingSubmitted(id, "northmoor", SERVICE, Channel.WEB, "/bins", Scale.FACES_3, score, List.of(), comment,
                Map.of(), Map.of(), RATED, RATED, 1);
    }

    @BeforeAll
    void produceRatings() throws Exception {
        try (KafkaProducer<String, byte[]> producer = TestKafka.producer()) {
            RatingSubmitted poor = rating(poorWithComment, 1, "Nobody collected the bins for three weeks");
            send(producer, poor);
            send(producer, poor); // the same rating again in the same batch
            send(producer, rating(UUID.randomUUID(), 1, "   "));            // poor, blank comment: no case
            send(producer, rating(UUID.randomUUID(), 1, null));             // poor, no comment: no case
            send(producer, rating(UUID.randomUUID(), 2, "Could be better")); // average with comment: no case
            send(producer, rating(UUID.randomUUID(), 3, "Great"));           // good with comment: no case
            send(producer, rating(poorCommentLater, 1, null));
            send(producer, rating(poorWithContactDetails, 1, "Ring me on 07700 900123 or write to jo.bloggs@example.com"));
            producer.flush();
        }
        northmoorOfficer = login("officer@northmoor");
        westshireOfficer = login("officer@westshire");
        admin = login("admin@civic-pulse");
        await().atMost(60, TimeUnit.SECONDS).until(() -> casesOf(poorWithComment) == 1 && ratingStored(poorCommentLater));
        try (KafkaProducer<String, byte[]> producer = TestKafka.producer()) {
            // delivered again later, in a batch of its own, after its case was opened
            send(producer, rating(poorWithComment, 1, "Nobody collected the bins for three weeks"));
            ProducerRecord<String, byte[]> later = new ProducerRecord<>(Topics.RATINGS_V1.name(), "northmoor",
                    EventCodec.encode(new RatingEnriched(poorCommentLater, "northmoor", List.of(), "The bin lorry blocked my drive",
                            Map.of(), Map.of(), RATED.plusSeconds(60), 1)));
            later.headers().add(EventTypes.HEADER, EventTypes.headerValue(EventTypes.RATING_ENRICHED_V1));
            producer.send(later);
            producer.flush();
        }
        await().atMost(60, TimeUnit.SECONDS).until(() -> casesOf(poorCommentLater) == 1);
        long stored = consumer.storedCount();
        // a marker rating behind the redelivery in the same partition proves the redelivery has been read
        UUID marker = UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = TestKafka.producer()) {
            send(producer, rating(marker, 3, null));
            producer.flush();
        }
        await().atMost(60, TimeUnit.SECONDS).until(() -> ratingStored(marker));
        assertTrue(consumer.storedCount() > stored);
    }

    private static void send(KafkaProducer<String, byte[]> producer, RatingSubmitted r) {
        producer.send(new ProducerRecord<>(Topics.RATINGS_V1.name(), r.council(), EventCodec.encode(r)));
    }

    private long casesOf(UUID ratingId) throws Exception {
        return count("SELECT count(*) FROM service_case WHERE rating_id = '" + ratingId + "'");
    }

    private boolean ratingStored(UUID ratingId) throws Exception {
        return count("SELECT count(*) FROM rating_receipt WHERE id = '" + ratingId + "'") == 1;
    }

    private long count(String sql) throws Exception {
        try (Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.executeUpdate();
        }
    }

    private String login(String username) {
        Map<?, ?> body = client.toBlocking().retrieve(HttpRequest.POST("/login", Map.of("username", username, "password", "test-password")), Map.class);
        return (String) body.get("access_token");
    }

    private Map<String, Object> json(MutableHttpRequest<?> request, String token) {
        return client.toBlocking().retrieve(request.bearerAuth(token), Argument.mapOf(String.class, Object.class));
    }

    private List<Map<String, Object>> list(String path, String token) {
        return client.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token), Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    private HttpClientResponseException refused(MutableHttpRequest<?> request, String token) {
        try {
            client.toBlocking().exchange(request.bearerAuth(token), Argument.of(String.class), Argument.of(String.class));
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError(request.getMethod() + " " + request.getUri() + " was not refused");
    }

    private long caseId(UUID ratingId) throws Exception {
        return count("SELECT id FROM service_case WHERE rating_id = '" + ratingId + "'");
    }

    @Test
    void aPoorRatingWithACommentOpensExactlyOneCaseEvenWhenDeliveredAgain() throws Exception {
        assertEquals(1, casesOf(poorWithComment));
        assertEquals(3, count("SELECT count(*) FROM service_case WHERE service = '" + SERVICE + "'"),
                "only the poor ratings with a comment (given at once or added later) open cases");
        assertEquals(1, count("SELECT count(*) FROM service_case_event e JOIN service_case c ON c.id = e.case_id"
                + " WHERE c.rating_id = '" + poorWithComment + "' AND e.kind = 'opened'"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOfficerAssignsNotesRespondsAndClosesACaseEachStepRecordedWithWhoAndWhen() throws Exception {
        long id = caseId(poorCommentLater);
        String base = "/api/v1/councils/northmoor/cases/" + id;
        Map<String, Object> detail = json(HttpRequest.GET(base), northmoorOfficer);
        assertEquals("The bin lorry blocked my drive", detail.get("comment"));
        Map<String, Object> c = (Map<String, Object>) detail.get("serviceCase");
        assertEquals("open", c.get("status"));
        assertEquals("Poor", c.get("answer"));

        json(HttpRequest.POST(base + "/assign", Map.of("officer", "council-admin@northmoor")), northmoorOfficer);
        json(HttpRequest.POST(base + "/notes", Map.of("note", "Rang the crew")), northmoorOfficer);
        json(HttpRequest.POST(base + "/respond", Map.of("response", "Sorry: the crew will park elsewhere")), northmoorOfficer);
        Map<String, Object> closed = json(HttpRequest.POST(base + "/close", Map.of()), northmoorOfficer);

        c = (Map<String, Object>) closed.get("serviceCase");
        assertEquals("closed", c.get("status"));
        assertEquals("council-admin@northmoor", c.get("assignedTo"));
        assertEquals("Sorry: the crew will park elsewhere", c.get("response"));
        List<Map<String, Object>> events = (List<Map<String, Object>>) closed.get("events");
        assertEquals(List.of("opened", "assigned", "noted", "responded", "closed"), events.stream().map(e -> e.get("kind")).toList());
        assertEquals(List.of("resident", "officer@northmoor", "officer@northmoor", "officer@northmoor", "officer@northmoor"),
                events.stream().map(e -> e.get("actor")).toList());
        assertTrue(events.stream().allMatch(e -> e.get("at") != null));

        HttpClientResponseException again = refused(HttpRequest.POST(base + "/close", Map.of()), northmoorOfficer);
        assertEquals(HttpStatus.CONFLICT, again.getStatus());
        assertEquals("application/problem+json", again.getResponse().getContentType().orElseThrow().toString());
        assertEquals(HttpStatus.CONFLICT, refused(HttpRequest.POST(base + "/notes", Map.of("note", "late")), northmoorOfficer).getStatus());

        assertEquals(1, list("/api/v1/councils/northmoor/cases?status=closed&service=" + SERVICE, northmoorOfficer).size());
        assertEquals(2, list("/api/v1/councils/northmoor/cases?status=open&service=" + SERVICE, northmoorOfficer).size());
    }

    @Test
    void theCommentReachesTheCouncilsOfficersWithPersonalDataRedacted() throws Exception {
        Map<String, Object> detail = json(HttpRequest.GET("/api/v1/councils/northmoor/cases/" + caseId(poorWithContactDetails)), northmoorOfficer);
        String comment = (String) detail.get("comment");
        assertTrue(comment.contains("[phone]") && comment.contains("[email]"), comment);
        assertTrue(!comment.contains("07700") && !comment.contains("jo.bloggs"), comment);
    }

    @Test
    void badRequestsAreProblemsNotServerErrors() throws Exception {
        long id = caseId(poorWithComment);
        String base = "/api/v1/councils/northmoor/cases/";
        assertEquals(HttpStatus.NOT_FOUND, refused(HttpRequest.GET(base + "999999"), northmoorOfficer).getStatus());
        assertEquals(HttpStatus.NOT_FOUND, refused(HttpRequest.POST(base + "999999/close", Map.of()), northmoorOfficer).getStatus());
        assertEquals(HttpStatus.BAD_REQUEST, refused(HttpRequest.POST(base + id + "/assign", Map.of("officer", "officer@westshire")), northmoorOfficer).getStatus());
        assertEquals(HttpStatus.BAD_REQUEST, refused(HttpRequest.POST(base + id + "/notes", Map.of("note", " ")), northmoorOfficer).getStatus());
        assertEquals(HttpStatus.BAD_REQUEST, refused(HttpRequest.GET(base + "?status=pending"), northmoorOfficer).getStatus());
        assertEquals(HttpStatus.BAD_REQUEST, refused(HttpRequest.GET(base + "time-to-close?from=2024-13-01&to=2024-12-31"), northmoorOfficer).getStatus());
        HttpClientResponseException e = refused(HttpRequest.GET(base + "not-a-number"), northmoorOfficer);
        assertTrue(e.getStatus().getCode() >= 400 && e.getStatus().getCode() < 500, e.getStatus().toString());
    }

    @Test
    void anOfficerOfAnotherCouncilCanNeitherSeeNorActOnTheCasesByAnyRoute() throws Exception {
        long id = caseId(poorWithComment);
        String nm = "/api/v1/councils/northmoor/cases";
        List<MutableHttpRequest<?>> routes = List.of(
                HttpRequest.GET(nm), HttpRequest.GET(nm + "/" + id), HttpRequest.GET(nm + "/time-to-close?from=2024-01-01&to=2024-12-31"),
                HttpRequest.POST(nm + "/" + id + "/assign", Map.of("officer", "officer@westshire")),
                HttpRequest.POST(nm + "/" + id + "/notes", Map.of("note", "x")),
                HttpRequest.POST(nm + "/" + id + "/respond", Map.of("response", "x")),
                HttpRequest.POST(nm + "/" + id + "/close", Map.of()));
        for (MutableHttpRequest<?> r : routes) {
            assertEquals(HttpStatus.FORBIDDEN, refused(r, westshireOfficer).getStatus(), r.getMethod() + " " + r.getUri());
        }
        // nor through their own council's address with northmoor's case number
        assertEquals(HttpStatus.NOT_FOUND, refused(HttpRequest.GET("/api/v1/councils/westshire/cases/" + id), westshireOfficer).getStatus());
        assertEquals(HttpStatus.NOT_FOUND, refused(HttpRequest.POST("/api/v1/councils/westshire/cases/" + id + "/close", Map.of()), westshireOfficer).getStatus());
        assertTrue(list("/api/v1/councils/westshire/cases?service=" + SERVICE, westshireOfficer).isEmpty());
        assertEquals("open", count("SELECT count(*) FROM service_case WHERE id = " + id + " AND status = 'open'") == 1 ? "open" : "changed");
        // a platform admin sees the case but not the resident's words: comments are for the council's officers only
        Map<String, Object> seenByAdmin = json(HttpRequest.GET(nm + "/" + id), admin);
        assertNull(seenByAdmin.get("comment"));
    }

    @Test
    void timeToCloseGivesTheMedianAndNinetiethPercentilePerServiceAndMonthCountingOpenCases() throws Exception {
        // five closed cases of a service of their own, opened in May 2024 and closed after 1, 2, 3, 4 and 10 days, and one open
        double[] days = {1, 2, 3, 4, 10};
        for (int i = 0; i < days.length; i++) {
            execute("INSERT INTO service_case (council, rating_id, rated_on, service, channel, touchpoint, scale, score, status, opened_at, closed_at)"
                    + " VALUES ('northmoor', '" + UUID.randomUUID() + "', '2024-05-06', 'case_it_parking', 'web', '/p', 'faces-3', 1, 'closed',"
                    + " '2024-05-06T10:00:00Z', timestamptz '2024-05-06T10:00:00Z' + interval '" + days[i] + " days')");
        }
        execute("INSERT INTO service_case (council, rating_id, rated_on, service, channel, touchpoint, scale, score, opened_at)"
                + " VALUES ('northmoor', '" + UUID.randomUUID() + "', '2024-05-07', 'case_it_parking', 'web', '/p', 'faces-3', 1, '2024-05-07T10:00:00Z')");
        Map<String, Object> report = json(HttpRequest.GET("/api/v1/councils/northmoor/cases/time-to-close?from=2024-05-01&to=2024-05-31&service=case_it_parking"),
                northmoorOfficer);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) report.get("rows");
        assertEquals(1, rows.size(), rows.toString());
        Map<String, Object> row = rows.get(0);
        assertEquals("2024-05-01", row.get("month"));
        assertEquals(6, ((Number) row.get("opened")).intValue());
        assertEquals(5, ((Number) row.get("closed")).intValue());
        assertEquals(1, ((Number) row.get("stillOpen")).intValue());
        // R 4.2: quantile(c(1, 2, 3, 4, 10), c(0.5, 0.9), type = 7) -> 3.0 7.6
        assertEquals(3.0, ((Number) row.get("median")).doubleValue(), 1e-9);
        assertEquals(7.6, ((Number) row.get("percentile90")).doubleValue(), 1e-9);
    }
}
