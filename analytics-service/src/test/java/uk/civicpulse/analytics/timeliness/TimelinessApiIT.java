package uk.civicpulse.analytics.timeliness;

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
import uk.civicpulse.events.Channel;
import uk.civicpulse.events.ContactChannel;
import uk.civicpulse.events.ContactHandled;
import uk.civicpulse.events.EventCodec;
import uk.civicpulse.events.KeyArea;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.events.Scale;
import uk.civicpulse.events.Topics;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestKafka;
import uk.civicpulse.testkit.TestProperties;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Contacts from the broker, standards through the API, results through the API, against a real broker and PostgreSQL.
 * Expected figures are worked out by hand from the contacts below; intervals and quantiles by R 4.2.2.
 */
@MicronautTest(transactional = false)
@Property(name = "flyway.datasources.default.locations", value = "classpath:db/migration,classpath:db/demo")
@Property(name = "civic-pulse.demo.officers", value = "true")
@Property(name = "civic-pulse.demo.password", value = "test-password")
@Property(name = "civic-pulse.timeliness.minimum-n", value = "5")
@Property(name = "micronaut.http.client.read-timeout", value = "60s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelinessApiIT implements TestPropertyProvider {

    private static final double TOLERANCE = 1e-9;
    private static final String COUNCIL = "westshire";
    private static final int[] CALL_SECONDS = {10, 20, 30, 45, 59, 60, 61, 90, 120, 200};

    private final TestDatabase database = TestDatabase.create("analytics_timeliness");
    private final String group = "timeliness-it-" + UUID.randomUUID();
    private String officer;
    private String councilAdmin;
    private String platformAdmin;

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

    private static ContactHandled call(String id, String receivedAt, int answeredAfterSeconds, Boolean firstContact) {
        Instant received = Instant.parse(receivedAt);
        return new ContactHandled(id, COUNCIL, "contact-centre", ContactChannel.PHONE, "call", received,
                received.plusSeconds(answeredAfterSeconds), null, firstContact, 1);
    }

    private static ContactHandled email(String id, String answeredAt) {
        Instant received = Instant.parse("2026-03-02T10:00:00Z");
        return new ContactHandled(id, COUNCIL, "planning", ContactChannel.EMAIL, "email", received,
                answeredAt == null ? null : Instant.parse(answeredAt), null, null, 1);
    }

    private String login(String username) {
        Map<?, ?> login = client.toBlocking().retrieve(HttpRequest.POST("/login",
                Map.of("username", username, "password", "test-password")), Map.class);
        return (String) login.get("access_token");
    }

    private static Map<String, Object> standard(String code, String effectiveFrom, String channel, String contactType,
                                                int limit, String unit, double target) {
        Map<String, Object> s = new HashMap<>();
        s.put("code", code);
        s.put("effectiveFrom", effectiveFrom);
        s.put("channel", channel);
        s.put("contactType", contactType);
        s.put("measure", "first_response");
        s.put("limit", limit);
        s.put("unit", unit);
        s.put("targetShare", target);
        s.put("promiseEn", "We answer within " + limit + " " + unit);
        s.put("promiseCy", "Rydym yn ateb o fewn " + limit);
        return s;
    }

    private HttpStatus post(String council, Map<String, Object> body, String token) {
        try {
            return client.toBlocking().exchange(HttpRequest.POST("/api/v1/councils/" + council + "/standards", body).bearerAuth(token)).status();
        } catch (HttpClientResponseException e) {
            return e.getStatus();
        }
    }

    @BeforeAll
    void produceContactsAndSetStandards() throws Exception {
        officer = login("officer@westshire");
        councilAdmin = login("council-admin@westshire");
        platformAdmin = login("admin@civic-pulse");
        // Calls answered within 60 s from January; from March, within 30 s (a new version, target 0.8)
        assertEquals(HttpStatus.CREATED, post(COUNCIL, standard("phone-answer", "2026-01-01", "phone", "call", 60, "seconds", 0.9), councilAdmin));
        assertEquals(HttpStatus.CREATED, post(COUNCIL, standard("phone-answer", "2026-03-01", "phone", "call", 30, "seconds", 0.8), platformAdmin));
        assertEquals(HttpStatus.CREATED, post(COUNCIL, standard("email-response", "2026-01-01", null, "email", 5, "working_days", 0.9), councilAdmin));

        try (KafkaProducer<String, byte[]> producer = TestKafka.producer()) {
            for (int i = 0; i < CALL_SECONDS.length; i++) {
                // February: 2 of the 5 that record it resolved at first contact
                Boolean firstContact = i < 5 ? i < 2 : null;
                send(producer, call("feb-" + i, "2026-02-1" + i % 10 + "T09:00:00Z", CALL_SECONDS[i], firstContact));
                send(producer, call("mar-" + i, "2026-03-1" + i % 10 + "T09:00:00Z", CALL_SECONDS[i], null));
            }
            // the same call sent again (a re-import): counted once
            send(producer, call("feb-0", "2026-02-10T09:00:00Z", CALL_SECONDS[0], true));
            // emails received Monday 2 March 2026 10:00 UTC (no bank holidays that fortnight)
            send(producer, email("e1", "2026-03-02T15:00:00Z"));   // same day: 0 working days
            send(producer, email("e2", "2026-03-06T09:00:00Z"));   // Friday: 4
            send(producer, email("e3", "2026-03-09T09:00:00Z"));   // Monday: 5
            send(producer, email("e4", null));                     // first sent unanswered...
            send(producer, email("e4", "2026-03-10T09:00:00Z"));   // ...answered Tuesday: 6, outside
            send(producer, email("e4", null));                     // ...and a later update without the time keeps it
            send(producer, email("e5", null));                     // never answered, long past 5 working days: outside
            // a record breaking the contract is dead-lettered and blocks nothing
            producer.send(new ProducerRecord<>(Topics.CONTACTS_V1.name(), COUNCIL, "{\"sourceId\": 1}".getBytes(StandardCharsets.UTF_8)));
            // residents on timeliness in February: 5, 4 and 2 of 5: 2 of 3 rated it 4-5
            for (int rating : new int[]{5, 4, 2}) {
                RatingSubmitted r = new RatingSubmitted(UUID.randomUUID(), COUNCIL, "contact-centre", Channel.PHONE, "line-1",
                        Scale.LIKERT_5, 4, List.of(), null, Map.of(KeyArea.TIMELINESS, rating), Map.of(),
                        Instant.parse("2026-02-12T10:00:00Z"), Instant.parse("2026-02-12T10:00:00Z"), 1);
                producer.send(new ProducerRecord<>(Topics.RATINGS_V1.name(), COUNCIL, EventCodec.encode(r)));
            }
            producer.flush();
        }
        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200)).until(() -> contactRows() == 25
                && answered("e4") && ratingRows() == 3);
    }

    private static void send(KafkaProducer<String, byte[]> producer, ContactHandled c) {
        producer.send(new ProducerRecord<>(Topics.CONTACTS_V1.name(), c.council(), EventCodec.encode(c)));
    }

    /** This class's contacts (all received in 2026): other classes in the same JVM share the broker's contacts topic. */
    private long contactRows() throws Exception {
        return count("SELECT count(*) FROM contact WHERE received_on >= '2026-01-01'");
    }

    /** This class's ratings: other test classes in the same JVM share the broker's ratings topic, not these. */
    private long ratingRows() throws Exception {
        return count("SELECT count(*) FROM rating WHERE council = 'westshire' AND key_areas->>'timeliness' IS NOT NULL"
                + " AND rated_on BETWEEN '2026-02-01' AND '2026-02-28'");
    }

    private boolean answered(String id) throws Exception {
        return count("SELECT count(*) FROM contact WHERE source_id = '" + id + "' AND first_response_at IS NOT NULL") == 1;
    }

    private long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl()); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rows(String query, String token) {
        Map<String, Object> report = client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/councils/" + COUNCIL + "/timeliness?" + query).bearerAuth(token),
                Argument.mapOf(String.class, Object.class));
        return (List<Map<String, Object>>) report.get("rows");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> row, String key) {
        return (Map<String, Object>) row.get(key);
    }

    private static double num(Object value) {
        return ((Number) value).doubleValue();
    }

    @Test
    void countsTheSameContactOnceWhenSentTwice() throws Exception {
        assertEquals(1, count("SELECT count(*) FROM contact WHERE source_id = 'feb-0'"));
        assertEquals(20, count("SELECT count(*) FROM contact WHERE contact_type = 'call' AND received_on >= '2026-01-01'"));
    }

    @Test
    void judgesAPastPeriodByTheStandardInForceThen() {
        List<Map<String, Object>> rows = rows("from=2026-02-01&to=2026-03-31&period=month", officer);
        Map<String, Object> feb = rows.stream().filter(r -> r.get("standard").equals("phone-answer")
                && map(r, "group").get("period").equals("2026-02-01")).findFirst().orElseThrow();
        Map<String, Object> mar = rows.stream().filter(r -> r.get("standard").equals("phone-answer")
                && map(r, "group").get("period").equals("2026-03-01")).findFirst().orElseThrow();
        // February by the 60 s version: 10, 20, 30, 45, 59, 60 within
        assertEquals("2026-01-01", feb.get("effectiveFrom"));
        assertEquals(10, num(map(feb, "withinStandard").get("n")));
        assertEquals(6, num(map(feb, "withinStandard").get("count")));
        // March, the same times, by the 30 s version: 10, 20, 30 within
        assertEquals("2026-03-01", mar.get("effectiveFrom"));
        assertEquals(3, num(map(mar, "withinStandard").get("count")));
    }

    @Test
    void reportsShareIntervalQuantilesFirstContactResolutionAndResidentsBesideEachStandard() {
        Map<String, Object> feb = rows("from=2026-02-01&to=2026-02-28", officer).stream()
                .filter(r -> r.get("standard").equals("phone-answer")).findFirst().orElseThrow();
        Map<String, Object> within = map(feb, "withinStandard");
        assertEquals(0.6, num(within.get("proportion")), TOLERANCE);
        // R 4.2.2: prop.test(6, 10, correct = FALSE)$conf.int -> 0.312673769733658 0.831819670293764
        assertEquals(0.312673769733658, num(within.get("lower")), TOLERANCE);
        assertEquals(0.831819670293764, num(within.get("upper")), TOLERANCE);
        assertEquals((0.831819670293764 - 0.312673769733658) / 2, num(within.get("marginOfError")), TOLERANCE);
        // upper 0.83 < target 0.9
        assertEquals("not_met", feb.get("status"));
        // R 4.2.2: quantile(c(10,20,30,45,59,60,61,90,120,200), c(.5,.9), type = 7) -> 59.5 128
        assertEquals(59.5, num(feb.get("median")), TOLERANCE);
        assertEquals(128.0, num(feb.get("percentile90")), TOLERANCE);
        assertEquals("seconds", feb.get("unit"));
        Map<String, Object> fcr = map(feb, "firstContactResolution");
        assertEquals(5, num(fcr.get("n")));
        assertEquals(2, num(fcr.get("count")));
        // R 4.2.2: prop.test(2, 5, correct = FALSE)$conf.int -> 0.117620774232648 0.769275718723987
        assertEquals(0.117620774232648, num(fcr.get("lower")), TOLERANCE);
        Map<String, Object> residents = map(feb, "residentsTimeliness");
        assertEquals(3, num(residents.get("n")));
        assertEquals(2, num(residents.get("count")));
        // R 4.2.2: prop.test(2, 3, correct = FALSE)$conf.int -> 0.207659600802048 0.938508055279604
        assertEquals(0.207659600802048, num(residents.get("lower")), TOLERANCE);
        assertEquals(0.938508055279604, num(residents.get("upper")), TOLERANCE);
        assertEquals("too few", residents.get("label"));
    }

    @Test
    void countsWorkingDaysForEmailsAndCountsOpenContactsPastTheirLimitAsOutside() {
        Map<String, Object> email = rows("from=2026-03-01&to=2026-03-31&by=standard,service,channel", officer).stream()
                .filter(r -> r.get("standard").equals("email-response")).findFirst().orElseThrow();
        assertEquals(Map.of("service", "planning", "channel", "email"), email.get("group"));
        // within 5 working days: e1 (0), e2 (4), e3 (5); outside: e4 (6), e5 (never answered)
        assertEquals(5, num(map(email, "withinStandard").get("n")));
        assertEquals(3, num(map(email, "withinStandard").get("count")));
        assertEquals(4, num(email.get("answered")));
        // R 4.2.2: quantile(c(0, 4, 5, 6), c(.5, .9), type = 7) -> 4.5 5.7
        assertEquals(4.5, num(email.get("median")), TOLERANCE);
        assertEquals(5.7, num(email.get("percentile90")), TOLERANCE);
        // R 4.2.2: prop.test(3, 5, correct = FALSE)$conf.int -> 0.230724281276013 0.882379225767352
        assertEquals(0.882379225767352, num(map(email, "withinStandard").get("upper")), TOLERANCE);
        assertEquals("not_met", email.get("status"));
    }

    @Test
    void keepsEveryVersionAndPublishesThePromiseInForce() {
        List<Map<String, Object>> versions = client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/councils/" + COUNCIL + "/standards").bearerAuth(officer),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        List<Map<String, Object>> phoneVersions = versions.stream().filter(v -> v.get("code").equals("phone-answer")).toList();
        assertEquals(List.of("2026-01-01", "2026-03-01"), phoneVersions.stream().map(v -> v.get("effectiveFrom")).toList());
        assertEquals("council-admin@westshire", phoneVersions.get(0).get("createdBy"));
        assertEquals("admin@civic-pulse", phoneVersions.get(1).get("createdBy"));
        List<Map<String, Object>> february = client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/councils/" + COUNCIL + "/standards/promises?date=2026-02-15"),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        Map<String, Object> phone = february.stream().filter(p -> p.get("code").equals("phone-answer")).findFirst().orElseThrow();
        assertEquals(60, num(phone.get("limit")));
        assertEquals("We answer within 60 seconds", phone.get("english"));
        assertEquals("Rydym yn ateb o fewn 60", phone.get("welsh"));
        List<Map<String, Object>> april = client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/councils/" + COUNCIL + "/standards/promises?date=2026-04-01"),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertEquals(30, num(april.stream().filter(p -> p.get("code").equals("phone-answer")).findFirst().orElseThrow().get("limit")));
    }

    @Test
    void refusesAVersionThatExistsAndAStandardWithBadFields() {
        assertEquals(HttpStatus.CONFLICT, post(COUNCIL, standard("phone-answer", "2026-03-01", "phone", "call", 20, "seconds", 0.8), councilAdmin));
        Map<String, Object> bad = standard("Phone Answer", "1 March", "fax", "call", 0, "fortnights", 1.5);
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.POST("/api/v1/councils/" + COUNCIL + "/standards", bad).bearerAuth(councilAdmin)));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        String body = e.getResponse().getBody(String.class).orElseThrow();
        for (String field : List.of("code", "effectiveFrom", "channel", "limit", "unit", "targetShare")) {
            assertTrue(body.contains("\"field\":\"" + field + "\""), field + " in " + body);
        }
    }

    @Test
    void letsOnlyAdminsSetStandardsAndNobodyReadAnotherCouncil() {
        assertEquals(HttpStatus.FORBIDDEN, post(COUNCIL, standard("letters", "2026-01-01", "letter", "letter", 10, "working_days", 0.9), officer));
        assertEquals(HttpStatus.FORBIDDEN, post("eastbrook", standard("letters", "2026-01-01", "letter", "letter", 10, "working_days", 0.9), councilAdmin));
        for (String path : List.of("/timeliness?from=2026-01-01&to=2026-01-31", "/timeliness/peers?from=2026-01-01&to=2026-01-31", "/standards")) {
            MutableHttpRequest<?> request = HttpRequest.GET("/api/v1/councils/eastbrook" + path).bearerAuth(officer);
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(request));
            assertEquals(HttpStatus.FORBIDDEN, e.getStatus(), path);
        }
        HttpClientResponseException anonymous = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.GET("/api/v1/councils/" + COUNCIL + "/timeliness?from=2026-01-01&to=2026-01-31")));
        assertEquals(HttpStatus.UNAUTHORIZED, anonymous.getStatus());
    }

    @Test
    void answersBadParametersWith400Problems() {
        for (String query : List.of("to=2026-01-31", "from=2026-01-01", "from=01/01/2026&to=2026-01-31",
                "from=2026-02-01&to=2026-01-31", "from=2020-01-01&to=2026-01-31", "from=2026-01-01&to=2026-01-31&by=touchpoint",
                "from=2026-01-01&to=2026-01-31&period=fortnight")) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                    HttpRequest.GET("/api/v1/councils/" + COUNCIL + "/timeliness?" + query).bearerAuth(officer)));
            assertEquals(HttpStatus.BAD_REQUEST, e.getStatus(), query);
            assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString(), query);
        }
    }

    @Test
    void comparesWithPeersAsAggregatesOnly() {
        List<Map<String, Object>> peers = client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/councils/" + COUNCIL + "/timeliness/peers?from=2026-02-01&to=2026-02-28").bearerAuth(officer),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        Map<String, Object> phone = peers.stream().filter(p -> p.get("standard").equals("phone-answer")).findFirst().orElseThrow();
        assertEquals("demo-all", phone.get("peerGroup"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> points = (List<Map<String, Object>>) phone.get("points");
        Map<String, Object> us = points.stream().filter(p -> p.get("council").equals(COUNCIL)).findFirst().orElseThrow();
        assertEquals(10, num(us.get("n")));
        assertEquals(6, num(us.get("within")));
        // the other demo councils have no contacts in this test database, so no point
        assertEquals(1, points.size());
        assertNull(us.get("sourceId"));
    }
}
