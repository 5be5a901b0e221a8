package uk.civicpulse.analytics.timeliness;

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
import uk.civicpulse.events.ContactChannel;
import uk.civicpulse.events.ContactHandled;
import uk.civicpulse.events.EventCodec;
import uk.civicpulse.events.Topics;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestKafka;
import uk.civicpulse.testkit.TestProperties;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
 * The control chart and the funnel plot of a timeliness standard, through HTTP against a real broker and PostgreSQL.
 * Contacts are made so the expected counts follow from their answer times; limits are from R 4.2.2 (commands cited).
 */
@MicronautTest(transactional = false)
@Property(name = "flyway.datasources.default.locations", value = "classpath:db/migration,classpath:db/demo")
@Property(name = "civic-pulse.demo.officers", value = "true")
@Property(name = "civic-pulse.demo.password", value = "test-password")
@Property(name = "civic-pulse.timeliness.minimum-n", value = "30")
@Property(name = "micronaut.http.client.read-timeout", value = "60s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelinessChartsIT implements TestPropertyProvider {

    private static final double TOLERANCE = 1e-9;
    private static final String STANDARD = "phone-answered";
    /** Westshire's contact-centre calls within its standard in each month of 2025, of 20 a month. */
    private static final int[] WITHIN = {16, 17, 15, 16, 18, 14, 15, 14, 8, 15, 14, 15};

    private final TestDatabase database = TestDatabase.create("analytics_timeliness_charts");
    private final String group = "timeliness-charts-it-" + UUID.randomUUID();
    private String officer;

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

    private String login(String username) {
        Map<?, ?> login = client.toBlocking().retrieve(HttpRequest.POST("/login",
                Map.of("username", username, "password", "test-password")), Map.class);
        return (String) login.get("access_token");
    }

    private void postStandard(String council, String code, String effectiveFrom, String channel, int limit, String token) {
        Map<String, Object> s = new HashMap<>();
        s.put("code", code);
        s.put("effectiveFrom", effectiveFrom);
        s.put("channel", channel);
        s.put("contactType", "call");
        s.put("measure", "first_response");
        s.put("limit", limit);
        s.put("unit", "seconds");
        s.put("targetShare", 0.8);
        s.put("promiseEn", "We answer calls within " + limit + " seconds.");
        s.put("promiseCy", "Byddwn yn ateb galwadau o fewn " + limit + " eiliad.");
        assertEquals(HttpStatus.CREATED, client.toBlocking().exchange(
                HttpRequest.POST("/api/v1/councils/" + council + "/standards", s).bearerAuth(token)).status());
    }

    private static ContactHandled call(String council, String id, String service, LocalDate day, int answeredAfterSeconds) {
        Instant received = day.atTime(9, 0).toInstant(java.time.ZoneOffset.UTC);
        return new ContactHandled(id, council, service, ContactChannel.PHONE, "call", received,
                received.plusSeconds(answeredAfterSeconds), null, null, 1);
    }

    @BeforeAll
    void setStandardsAndProduceContacts() throws Exception {
        officer = login("officer@westshire");
        String admin = login("admin@civic-pulse");
        // Westshire's demo standard (60 s from 2025) tightened to 30 s from July 2025
        postStandard("westshire", STANDARD, "2025-07-01", "phone", 30, admin);
        // Cwm Tawel calls its phone standard something else (120 s); Eastbrook's covers every channel, so is not comparable
        try (Connection c = DriverManager.getConnection(database.jdbcUrl())) {
            c.createStatement().executeUpdate("DELETE FROM timeliness_standard WHERE council IN ('cwm-tawel', 'eastbrook') AND code = 'phone-answered'");
        }
        postStandard("cwm-tawel", "calls-answered", "2025-01-01", "phone", 120, admin);
        postStandard("eastbrook", "all-calls", "2025-01-01", null, 60, admin);

        try (KafkaProducer<String, byte[]> producer = TestKafka.producer()) {
            for (int month = 1; month <= 12; month++) {
                for (int j = 0; j < 20; j++) {
                    // within: 20 s. Outside: 120 s to June; 45 s from July, within the old 60 s but not the new 30 s
                    int seconds = j < WITHIN[month - 1] ? 20 : month <= 6 ? 120 : 45;
                    send(producer, call("westshire", "w-" + month + "-" + j, "contact-centre", LocalDate.of(2025, month, 1 + j), seconds));
                }
            }
            for (int j = 0; j < 5; j++) {
                send(producer, call("westshire", "w-revenues-" + j, "revenues", LocalDate.of(2025, 9, 25), 120));
            }
            // September's peers: Northmoor 85 of 100 within its 90 s, Cwm Tawel 45 of 50 within its 120 s
            for (int j = 0; j < 100; j++) {
                send(producer, call("northmoor", "n-" + j, "contact-centre", LocalDate.of(2025, 9, 1 + j % 28), j < 85 ? 70 : 100));
            }
            for (int j = 0; j < 50; j++) {
                send(producer, call("cwm-tawel", "c-" + j, "contact-centre", LocalDate.of(2025, 9, 1 + j % 28), j < 45 ? 100 : 200));
            }
            for (int j = 0; j < 10; j++) {
                send(producer, call("eastbrook", "e-" + j, "contact-centre", LocalDate.of(2025, 9, 1 + j), 20));
            }
            producer.flush();
        }
        await().atMost(90, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200)).until(() -> contactRows() == 240 + 5 + 100 + 50 + 10);
    }

    private static void send(KafkaProducer<String, byte[]> producer, ContactHandled c) {
        producer.send(new ProducerRecord<>(Topics.CONTACTS_V1.name(), c.council(), EventCodec.encode(c)));
    }

    private long contactRows() throws Exception {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl());
             // this class's contacts (all received in 2025): other classes in the same JVM share the broker's topic
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM contact WHERE received_on BETWEEN '2025-01-01' AND '2025-12-31'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Map<String, Object> get(String path, String token) {
        return client.toBlocking().retrieve(HttpRequest.GET("/api/v1/councils/" + path).bearerAuth(token),
                Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        return (List<Map<String, Object>>) map.get(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> map, String key) {
        return (Map<String, Object>) map.get(key);
    }

    private static double num(Object value) {
        return ((Number) value).doubleValue();
    }

    @Test
    void chartsTheShareWithinTheStandardEachMonthWithLimitsFromTheBaselineAndFlagsTheDip() {
        Map<String, Object> chart = get("westshire/timeliness/control-chart?standard=phone-answered&from=2025-01-01&to=2025-12-31"
                + "&baselineFrom=2025-01-01&baselineTo=2025-06-30&service=contact-centre&channel=phone", officer);
        assertEquals("month", chart.get("period"));
        // baseline: 16+17+15+16+18+14 = 96 of 120
        assertEquals(120, num(chart.get("baselineN")));
        assertEquals(96, num(chart.get("baselineWithin")));
        assertEquals(0.8, num(chart.get("centre")), TOLERANCE);
        List<Map<String, Object>> points = list(chart, "points");
        assertEquals(12, points.size());
        for (int m = 0; m < 12; m++) {
            Map<String, Object> p = points.get(m);
            assertEquals(LocalDate.of(2025, m + 1, 1).toString(), p.get("from"));
            assertEquals(20, num(p.get("n")));
            assertEquals(WITHIN[m], num(p.get("within")), "month " + (m + 1));
            // R 4.2.2: sqrt(0.8*0.2/20) -> 0.0894427190999916; 0.8 - 3*sqrt(0.8*0.2/20) -> 0.5316718427000252;
            // min(1, 0.8 + 3*sqrt(0.8*0.2/20)) -> 1
            assertEquals(0.0894427190999916, num(p.get("sigma")), TOLERANCE);
            assertEquals(0.5316718427000252, num(p.get("lower")), TOLERANCE);
            assertEquals(1.0, num(p.get("upper")), TOLERANCE);
            // each month judged by the version then in force: the 45 s answers from July are outside 30 s
            assertEquals(List.of(m < 6 ? "2025-01-01" : "2025-07-01"), p.get("versions"));
        }
        assertEquals("2025-12-31", points.get(11).get("to"));
        assertEquals(List.of("2025-01-01", "2025-07-01"), list(chart, "versions").stream().map(v -> v.get("effectiveFrom")).toList());
        assertEquals(List.of(60, 30), list(chart, "versions").stream().map(v -> ((Number) v.get("limit")).intValue()).toList());
        List<Map<String, Object>> alerts = list(chart, "alerts");
        // June to December all below 0.8 (7 months): a shift; September 8/20 = 0.4 < 0.53: beyond the lower limit
        assertEquals(2, alerts.size(), alerts.toString());
        assertEquals("shift_7_points_one_side", alerts.get(0).get("rule"));
        assertEquals("low", alerts.get(0).get("direction"));
        assertEquals("2025-06-01", alerts.get(0).get("from"));
        assertEquals("2025-12-31", alerts.get(0).get("to"));
        assertEquals(7, num(alerts.get(0).get("points")));
        assertEquals("point_beyond_limits", alerts.get(1).get("rule"));
        assertEquals("low", alerts.get(1).get("direction"));
        assertEquals("2025-09-01", alerts.get(1).get("from"));
        assertEquals("2025-09-30", alerts.get(1).get("to"));
        assertEquals("p_chart_3_sigma", chart.get("method"));
    }

    @Test
    void countsEveryServiceWithoutAFilter() {
        Map<String, Object> chart = get("westshire/timeliness/control-chart?standard=phone-answered&from=2025-09-01&to=2025-09-30", officer);
        Map<String, Object> september = list(chart, "points").get(0);
        assertEquals(25, num(september.get("n")));
        assertEquals(8, num(september.get("within")));
    }

    @Test
    void chartsWeeksFromMondayToSunday() {
        Map<String, Object> chart = get("westshire/timeliness/control-chart?standard=phone-answered&from=2025-09-01&to=2025-09-30"
                + "&period=week&service=contact-centre", officer);
        // September's 20 calls on the 1st to the 20th, the first 8 within: weeks from Monday 1, 8, 15, 22 and 29 September
        List<Map<String, Object>> points = list(chart, "points");
        assertEquals(List.of("2025-09-01", "2025-09-08", "2025-09-15", "2025-09-22", "2025-09-29"), points.stream().map(p -> p.get("from")).toList());
        assertEquals(List.of("2025-09-07", "2025-09-14", "2025-09-21", "2025-09-28", "2025-09-30"), points.stream().map(p -> p.get("to")).toList());
        assertEquals(List.of(7L, 7L, 6L, 0L, 0L), points.stream().map(p -> ((Number) p.get("n")).longValue()).toList());
        assertEquals(List.of(7L, 1L, 0L, 0L, 0L), points.stream().map(p -> ((Number) p.get("within")).longValue()).toList());
        // baseline = the range: 8 of 20 = 0.4. R 4.2.2: 0.4 + 3*sqrt(0.4*0.6/7) -> 0.955492059863531
        assertEquals(0.4, num(chart.get("centre")), TOLERANCE);
        assertEquals(0.955492059863531, num(points.get(0).get("upper")), TOLERANCE);
        assertEquals(0.0, num(points.get(0).get("lower")), TOLERANCE);
        assertNull(points.get(3).get("proportion"));
        List<Map<String, Object>> alerts = list(chart, "alerts");
        assertEquals(1, alerts.size(), alerts.toString());
        assertEquals("point_beyond_limits", alerts.get(0).get("rule"));
        assertEquals("high", alerts.get(0).get("direction"));
        assertEquals("2025-09-07", alerts.get(0).get("to"));
    }

    @Test
    void placesEachPeerWithAComparableStandardOnFunnelLimitsAroundThePooledShare() {
        Map<String, Object> funnel = get("westshire/timeliness/funnel?standard=phone-answered&from=2025-09-01&to=2025-09-30", officer);
        assertEquals(30, num(map(funnel, "comparable").get("limit")));
        assertEquals("phone", funnel.get("channel"));
        assertEquals("call", funnel.get("contactType"));
        Map<String, Object> group = list(funnel, "peerGroups").get(0);
        assertEquals("demo-all", group.get("code"));
        // Eastbrook's standard covers every channel: not comparable, and its 10 calls are not pooled
        assertEquals(List.of("eastbrook"), group.get("withoutComparableStandard"));
        // pooled: (8 + 85 + 45) / (25 + 100 + 50) = 138/175
        assertEquals(175, num(group.get("n")));
        assertEquals(138, num(group.get("within")));
        assertEquals(138.0 / 175, num(group.get("peerValue")), TOLERANCE);
        List<Map<String, Object>> councils = list(group, "councils");
        assertEquals(List.of("cwm-tawel", "northmoor", "westshire"), councils.stream().map(c -> c.get("council")).toList());
        // Spiegelhalter (2005) A.1.1 in R 4.2.2, th <- 138/175:
        // lim <- function(P,n,th){ r <- qbinom(P,n,th); a <- (pbinom(r,n,th)-P)/(pbinom(r,n,th)-pbinom(r-1,n,th)); pmin(1, pmax(0, (r-a)/n)) }
        // c(lim(0.025,n,th), lim(0.975,n,th), lim(0.001,n,th), lim(0.999,n,th))
        Map<String, Object> cwm = councils.get(0);
        assertEquals("calls-answered", cwm.get("standard"));
        assertEquals(120, num(cwm.get("limit")));
        assertEquals(50, num(cwm.get("n")));
        assertEquals(45, num(cwm.get("within")));
        assertLimits(map(cwm, "limits"), 0.660545678104300, 0.886876692133791, 0.584949249975367, 0.937808366990044); // n = 50
        assertEquals("above", cwm.get("position95"));
        assertEquals("inside", cwm.get("position998"));
        Map<String, Object> northmoor = councils.get(1);
        assertEquals(STANDARD, northmoor.get("standard"));
        assertEquals(90, num(northmoor.get("limit")));
        assertEquals(85, num(northmoor.get("within")));
        assertLimits(map(northmoor, "limits"), 0.700901472122501, 0.860665557142092, 0.650248308052338, 0.900042450885983); // n = 100
        assertEquals("inside", northmoor.get("position95"));
        Map<String, Object> us = councils.get(2);
        assertEquals(true, us.get("you"));
        assertEquals(25, num(us.get("n")));
        assertEquals(8, num(us.get("within")));
        assertLimits(map(us, "limits"), 0.599671927449567, 0.916699578583740, 0.487373254485786, 0.984828306919433); // n = 25
        assertEquals("below", us.get("position95"));
        assertEquals("below", us.get("position998"));
        assertEquals("too few", us.get("label"));
        assertTrue(list(group, "curve").size() > 10);
        // aggregates only: no contact of another council
        assertNull(cwm.get("contacts"));
        assertNull(cwm.get("sourceId"));
    }

    private static void assertLimits(Map<String, Object> limits, double lower95, double upper95, double lower998, double upper998) {
        assertEquals(lower95, num(limits.get("lower95")), TOLERANCE);
        assertEquals(upper95, num(limits.get("upper95")), TOLERANCE);
        assertEquals(lower998, num(limits.get("lower998")), TOLERANCE);
        assertEquals(upper998, num(limits.get("upper998")), TOLERANCE);
    }

    @Test
    void answersBadParametersWith400Problems() {
        for (String query : List.of(
                "control-chart?standard=no-such-standard&from=2025-01-01&to=2025-12-31",
                "control-chart?from=2025-01-01&to=2025-12-31",
                "control-chart?standard=phone-answered&from=2025-12-31&to=2025-01-01",
                "control-chart?standard=phone-answered&from=2025-01-01&to=2025-12-31&baselineFrom=2025-06-30&baselineTo=2025-01-01",
                "control-chart?standard=phone-answered&from=2025-01-01&to=2025-12-31&baselineFrom=June",
                "control-chart?standard=phone-answered&from=2025-01-01&to=2025-12-31&period=quarter",
                "control-chart?standard=phone-answered&from=2025-01-01&to=2025-12-31&channel=fax",
                "funnel?standard=no-such-standard&from=2025-01-01&to=2025-12-31",
                "funnel?standard=phone-answered&from=2025-12-31&to=2025-01-01",
                "funnel?standard=phone-answered&to=2025-12-31",
                "funnel?standard=phone-answered&from=2024-01-01&to=2024-12-31")) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                    HttpRequest.GET("/api/v1/councils/westshire/timeliness/" + query).bearerAuth(officer)));
            assertEquals(HttpStatus.BAD_REQUEST, e.getStatus(), query);
            assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString(), query);
        }
    }

    @Test
    void showsNoOtherCouncilsChartsToAnOfficerAndNothingToAnonymousCallers() {
        for (String path : List.of("control-chart?standard=phone-answered&from=2025-01-01&to=2025-12-31",
                "funnel?standard=phone-answered&from=2025-01-01&to=2025-12-31")) {
            HttpClientResponseException other = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                    HttpRequest.GET("/api/v1/councils/northmoor/timeliness/" + path).bearerAuth(officer)));
            assertEquals(HttpStatus.FORBIDDEN, other.getStatus(), path);
            HttpClientResponseException anonymous = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                    HttpRequest.GET("/api/v1/councils/westshire/timeliness/" + path)));
            assertEquals(HttpStatus.UNAUTHORIZED, anonymous.getStatus(), path);
        }
    }

    @Test
    void theOpenApiDocumentDescribesBothCharts() {
        String spec = client.toBlocking().retrieve(HttpRequest.GET("/openapi/civic-pulse-analytics-api-1.yml"));
        for (String path : List.of("/api/v1/councils/{council}/timeliness/control-chart", "/api/v1/councils/{council}/timeliness/funnel")) {
            assertTrue(spec.contains(path + ":"), path);
        }
    }
}
