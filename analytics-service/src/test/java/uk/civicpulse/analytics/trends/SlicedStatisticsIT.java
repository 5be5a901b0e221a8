package uk.civicpulse.analytics.trends;

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
import uk.civicpulse.analytics.stats.PChart;
import uk.civicpulse.analytics.stats.TrendResult;
import uk.civicpulse.analytics.stats.TrendTest;
import uk.civicpulse.events.Channel;
import uk.civicpulse.events.EventCodec;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.events.Scale;
import uk.civicpulse.events.Topics;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestKafka;
import uk.civicpulse.testkit.TestProperties;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Targets, trend, control chart and funnel for slices beyond service and channel: a touchpoint, and the respondents
 * who gave one answer to a customer-group question. Ratings go through a real broker into a real database; every
 * expected count is computed here from the ratings this test sends (kept in {@link #sent}), and each statistic over
 * those counts by the pure function that its own unit test checks against R.
 */
@MicronautTest(transactional = false)
@Property(name = "flyway.datasources.default.locations", value = "classpath:db/migration,classpath:db/demo")
@Property(name = "civic-pulse.demo.officers", value = "true")
@Property(name = "civic-pulse.demo.password", value = "test-password")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlicedStatisticsIT implements TestPropertyProvider {

    /** Parks ratings in 2023: no other test uses that service or year, and the broker is shared. */
    static final String SERVICE = "parks";
    static final String BOOKING = "/parks/booking";
    static final String EVENTS = "/parks/events";
    static final String RANGE = "from=2023-01-01&to=2023-06-30";

    private final TestDatabase database = TestDatabase.create("analytics_sliced");
    private final List<RatingSubmitted> sent = new ArrayList<>();
    private String officer;

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.of(database).newConsumerGroup("analytics-it").asMap();
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    /**
     * Rating i (0-39) of month m in westshire: even i at the booking touchpoint, odd i at events; a quarter each
     * of each touchpoint's aged 16_34, 65_plus and 35_64 and a
     * quarter not saying; one in five by phone. Booking's satisfaction falls
     * month by month and events' rises, so the touchpoints' trends point opposite ways.
     */
    static RatingSubmitted westshire(int month, int i) {
        boolean booking = i % 2 == 0;
        int rank = i / 2;
        boolean satisfied = booking ? rank < 17 - 2 * month : rank < 6 + 2 * month;
        Map<String, String> group = switch (rank % 4) {
            case 0 -> Map.of("age_band", "16_34");
            case 1 -> Map.of("age_band", "65_plus");
            case 2 -> Map.of("age_band", "35_64");
            default -> Map.of();
        };
        Instant when = LocalDate.of(2023, month, 1 + i % 28).atTime(12, 0).toInstant(ZoneOffset.UTC);
        return new RatingSubmitted(UUID.randomUUID(), "westshire", SERVICE, i % 5 == 0 ? Channel.PHONE : Channel.WEB,
                booking ? BOOKING : EVENTS, Scale.LIKERT_5, satisfied ? 5 : 2, List.of(), null, Map.of(), group, when, when, 1);
    }

    @BeforeAll
    void produceRatings() {
        for (int month = 1; month <= 6; month++) {
            for (int i = 0; i < 40; i++) {
                sent.add(westshire(month, i));
            }
        }
        // a peer's parks in March: 30 at booking (20 satisfied, every third aged 65_plus), 10 at events (all satisfied)
        Instant march = Instant.parse("2023-03-15T12:00:00Z");
        for (int i = 0; i < 40; i++) {
            boolean booking = i < 30;
            sent.add(new RatingSubmitted(UUID.randomUUID(), "northmoor", SERVICE, Channel.WEB, booking ? BOOKING : EVENTS, Scale.LIKERT_5,
                    !booking || i < 20 ? 5 : 2, List.of(), null, Map.of(), i % 3 == 0 ? Map.of("age_band", "65_plus") : Map.of(),
                    march, march, 1));
        }
        try (KafkaProducer<String, byte[]> producer = TestKafka.producer()) {
            sent.forEach(r -> producer.send(new ProducerRecord<>(Topics.RATINGS_V1.name(), r.council(), EventCodec.encode(r))));
            producer.flush();
        }
        officer = login("officer@westshire");
        String platformAdmin = login("admin@civic-pulse");
        await().atMost(90, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(300)).until(() ->
                stored("westshire", platformAdmin) == 240 && stored("northmoor", platformAdmin) == 40);
        client.toBlocking().exchange(HttpRequest.PUT("/api/v1/councils/westshire/targets/parks/all", Map.of("target", 0.6))
                .bearerAuth(platformAdmin));
    }

    private String login(String username) {
        Map<?, ?> login = client.toBlocking().retrieve(HttpRequest.POST("/login",
                Map.of("username", username, "password", "test-password")), Map.class);
        return (String) login.get("access_token");
    }

    private long stored(String council, String token) {
        List<Map<String, Object>> rows = list(get("/api/v1/councils/" + council + "/satisfaction?service=parks&" + RANGE, token).get("rows"));
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("n")).longValue();
    }

    private Map<String, Object> get(String path, String token) {
        return client.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token), Argument.mapOf(String.class, Object.class));
    }

    private Map<String, Object> westshire(String route, String query) {
        return get("/api/v1/councils/westshire/" + route + "?service=parks&" + RANGE + query, officer);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static long whole(Object o) {
        return ((Number) o).longValue();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Predicate<RatingSubmitted> touchpoint(String touchpoint) {
        return r -> r.touchpoint().equals(touchpoint);
    }

    private static Predicate<RatingSubmitted> answer(String ageBand) {
        return r -> ageBand.equals(r.customerGroup().get("age_band"));
    }

    private static Predicate<RatingSubmitted> month(int month) {
        return r -> r.receivedAt().atZone(ZoneOffset.UTC).getMonthValue() == month;
    }

    /** {satisfied, n} of the ratings sent to the council that pass the filter. */
    private long[] expected(String council, Predicate<RatingSubmitted> filter) {
        long[] c = new long[2];
        sent.stream().filter(r -> r.council().equals(council)).filter(filter).forEach(r -> {
            c[0] += r.score() == 5 ? 1 : 0;
            c[1]++;
        });
        return c;
    }

    private long[][] expectedByMonth(Predicate<RatingSubmitted> filter) {
        long[][] byMonth = new long[2][6];
        for (int m = 1; m <= 6; m++) {
            long[] c = expected("westshire", filter.and(month(m)));
            byMonth[0][m - 1] = c[0];
            byMonth[1][m - 1] = c[1];
        }
        return byMonth;
    }

    private void assertSeries(Map<String, Object> report, long[][] expected) {
        List<Map<String, Object>> series = list(report.get("series"));
        assertEquals(6, series.size());
        for (int m = 0; m < 6; m++) {
            assertEquals(expected[0][m], whole(series.get(m).get("satisfied")), "satisfied in month " + (m + 1));
            assertEquals(expected[1][m], whole(series.get(m).get("n")), "n in month " + (m + 1));
        }
        TrendResult trend = TrendTest.cochranArmitage(expected[0], expected[1], TrendService.ALPHA);
        Map<String, Object> given = map(report.get("trend"));
        assertEquals(trend.chiSquared(), ((Number) given.get("chiSquared")).doubleValue(), 1e-9);
        assertEquals(trend.direction(), given.get("direction"));
    }

    @Test
    void aTrendByTouchpointCountsOnlyThatTouchpointsRatings() {
        long[][] booking = expectedByMonth(touchpoint(BOOKING));
        long[][] events = expectedByMonth(touchpoint(EVENTS));
        Map<String, Object> bookingReport = westshire("trend", "&touchpoint=" + encode(BOOKING));
        assertSeries(bookingReport, booking);
        assertSeries(westshire("trend", "&touchpoint=" + encode(EVENTS)), events);
        // the data make booking decline and events improve: the slice changes the verdict, not only the counts
        assertEquals("declining", map(bookingReport.get("trend")).get("direction"));
        assertEquals("improving", map(westshire("trend", "&touchpoint=" + encode(EVENTS)).get("trend")).get("direction"));
        assertEquals(Map.of("service", SERVICE, "touchpoint", BOOKING), bookingReport.get("filters"));
        // and the whole service is the sum of the two
        long[][] all = expectedByMonth(r -> true);
        assertSeries(westshire("trend", ""), all);
        for (int m = 0; m < 6; m++) {
            assertEquals(all[1][m], booking[1][m] + events[1][m]);
        }
    }

    @Test
    void aTrendByCustomerGroupCountsOnlyThoseWhoGaveThatAnswer() {
        long[][] older = expectedByMonth(answer("65_plus"));
        Map<String, Object> report = westshire("trend", "&question=age_band&answer=65_plus&period=month");
        assertSeries(report, older);
        assertEquals(10, older[1][0], "a quarter of each month's 40");
        // a touchpoint and an answer together
        long[][] both = expectedByMonth(touchpoint(EVENTS).and(answer("65_plus")));
        assertSeries(westshire("trend", "&question=age_band&answer=65_plus&touchpoint=" + encode(EVENTS)), both);
        assertEquals(5, both[1][0], "half of them at events");
    }

    @Test
    void targetStatusJudgesTheSliceAgainstTheServicesTarget() {
        for (String query : List.of("&touchpoint=" + encode(BOOKING), "&question=age_band&answer=16_34")) {
            Predicate<RatingSubmitted> filter = query.contains("touchpoint") ? touchpoint(BOOKING) : answer("16_34");
            Map<String, Object> report = westshire("targets/status", query);
            List<Map<String, Object>> rows = list(report.get("rows"));
            for (Channel channel : List.of(Channel.PHONE, Channel.WEB)) {
                long[] c = expected("westshire", filter.and(r -> r.channel() == channel));
                Map<String, Object> row = rows.stream().filter(r -> r.get("channel").equals(channel.code())).findFirst()
                        .orElseThrow(() -> new AssertionError(query + ": no " + channel + " row in " + rows));
                assertEquals(c[1], whole(row.get("n")), query + " " + channel);
                assertEquals(c[0], whole(row.get("satisfied")), query + " " + channel);
                assertEquals(0.6, ((Number) row.get("target")).doubleValue(), 0);
                assertEquals("all", row.get("targetChannel"));
            }
        }
        // the slice changes the figure: web's n for the booking touchpoint is not web's n for the service
        long all = expected("westshire", r -> r.channel() == Channel.WEB)[1];
        long booking = expected("westshire", touchpoint(BOOKING).and(r -> r.channel() == Channel.WEB))[1];
        assertNotEquals(all, booking);
    }

    @Test
    void aControlChartByCustomerGroupTakesItsBaselineFromTheSameGroup() {
        Predicate<RatingSubmitted> younger = answer("16_34");
        Map<String, Object> chart = westshire("control-chart", "&question=age_band&answer=16_34&baselineFrom=2023-01-01&baselineTo=2023-03-31");
        long[] baseline = new long[2];
        for (int m = 1; m <= 3; m++) {
            long[] c = expected("westshire", younger.and(month(m)));
            baseline[0] += c[0];
            baseline[1] += c[1];
        }
        assertEquals(baseline[1], whole(chart.get("baselineN")));
        assertEquals(baseline[0], whole(chart.get("baselineSatisfied")));
        assertEquals((double) baseline[0] / baseline[1], ((Number) chart.get("centre")).doubleValue(), 1e-15);
        long[][] byMonth = expectedByMonth(younger);
        var expectedChart = PChart.of(baseline[0], baseline[1], byMonth[0], byMonth[1]);
        List<Map<String, Object>> points = list(chart.get("points"));
        for (int m = 0; m < 6; m++) {
            assertEquals(byMonth[1][m], whole(points.get(m).get("n")));
            assertEquals(byMonth[0][m], whole(points.get(m).get("satisfied")));
            assertEquals(expectedChart.points().get(m).lower(), ((Number) points.get(m).get("lower")).doubleValue(), 1e-12);
        }
        assertEquals(expectedChart.breaches().size(), list(chart.get("alerts")).size());
    }

    @Test
    void aFunnelByTouchpointPlacesEachPeerOnThatTouchpointsCounts() {
        Map<String, Object> report = westshire("funnel", "&touchpoint=" + encode(BOOKING));
        Map<String, Object> group = list(report.get("peerGroups")).get(0);
        Map<String, Map<String, Object>> byCouncil = new HashMap<>();
        list(group.get("councils")).forEach(c -> byCouncil.put((String) c.get("council"), c));
        long peerN = 0;
        long peerSatisfied = 0;
        for (String council : List.of("westshire", "northmoor", "eastbrook")) {
            long[] c = expected(council, touchpoint(BOOKING));
            assertEquals(c[1], whole(byCouncil.get(council).get("n")), council);
            assertEquals(c[0], whole(byCouncil.get(council).get("satisfied")), council);
            peerN += c[1];
            peerSatisfied += c[0];
        }
        assertEquals(30, expected("northmoor", touchpoint(BOOKING))[1]);
        assertEquals((double) peerSatisfied / peerN, ((Number) group.get("peerValue")).doubleValue(), 1e-15);

        Map<String, Object> older = list(westshire("funnel", "&question=age_band&answer=65_plus").get("peerGroups")).get(0);
        Map<String, Object> northmoor = list(older.get("councils")).stream().filter(c -> c.get("council").equals("northmoor")).findFirst().orElseThrow();
        assertEquals(expected("northmoor", answer("65_plus"))[1], whole(northmoor.get("n")));
        assertEquals(expected("northmoor", answer("65_plus"))[0], whole(northmoor.get("satisfied")));
    }

    @Test
    void aSliceTheRoutesCannotApplyIsA400ProblemNotASilentIgnore() {
        String chart = "control-chart?baselineFrom=2023-01-01&baselineTo=2023-03-31&";
        Map<String, String> bad = Map.of(
                "answer=65_plus", "question",
                "question=age_band", "answer",
                "question=Age%20Band&answer=65_plus", "question",
                "by=touchpoint", "by",
                "customer_group=65_plus", "customer_group",
                "age_band=65_plus", "age_band",
                "touchpoint=" + "x".repeat(201), "touchpoint");
        for (String route : List.of("targets/status?", "trend?", chart, "funnel?")) {
            bad.forEach((query, parameter) -> {
                String path = "/api/v1/councils/westshire/" + route + RANGE + "&" + query;
                HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> get(path, officer), path);
                assertEquals(HttpStatus.BAD_REQUEST, e.getStatus(), path);
                assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString(), path);
                assertTrue(e.getResponse().getBody(String.class).orElse("").contains("'" + parameter + "'"), path + " names " + parameter);
            });
        }
        HttpClientResponseException noRange = assertThrows(HttpClientResponseException.class,
                () -> get("/api/v1/councils/westshire/trend?service=parks", officer));
        assertEquals(HttpStatus.BAD_REQUEST, noRange.getStatus());
        assertTrue(noRange.getResponse().getBody(String.class).orElse("").contains("'from'"));
    }
}
