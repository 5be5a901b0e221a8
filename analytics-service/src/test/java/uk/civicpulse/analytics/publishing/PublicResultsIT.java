package uk.civicpulse.analytics.publishing;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestProperties;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public results page and its open data over HTTP, without signing in: small groups suppressed everywhere,
 * the same figures as the officers' JSON API, timeliness promises and results, no comments.
 */
@MicronautTest(transactional = false)
@Property(name = "flyway.datasources.default.locations", value = "classpath:db/migration,classpath:db/demo")
@Property(name = "civic-pulse.demo.officers", value = "true")
@Property(name = "civic-pulse.demo.password", value = "test-password")
// builds on this machine share two cores: the client's default 10 s read timeout was seen to expire under load
@Property(name = "micronaut.http.client.read-timeout", value = "60s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicResultsIT implements TestPropertyProvider {

    static final String RANGE = "from=2026-01-01&to=2026-03-31";
    static final String COMMENT = "The officer, Jane Example of 12 Acacia Road, was rude";

    private final TestDatabase database = TestDatabase.create("analytics_public_results");
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    io.micronaut.http.client.HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.of(database).newConsumerGroup("public").asMap();
    }

    @BeforeAll
    void data() throws Exception {
        try (PublicFixtures f = new PublicFixtures(database.jdbcUrl())) {
            LocalDate day = LocalDate.parse("2026-02-10");
            f.ratings("westshire", "libraries", "web", day, 10, 8, 0, null);          // exactly the minimum: shown
            f.ratings("westshire", "highways", "phone", day, 9, 7, 9, COMMENT);        // one short: suppressed
            f.ratings("westshire", "registrars", "face_to_face", day, 60, 57, 20, null);
            f.ratings("westshire", "registrars", "face_to_face", LocalDate.parse("2026-03-03"), 40, 30, 0, null);
            f.calls("westshire", day, 20, 10);   // 50% within 60 s against a target of 80%: not met
            f.emails("westshire", day, 5);       // too few contacts to publish
        }
    }

    @AfterAll
    void drop() {
        database.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    /** As a browser asks: HTML first, anything else accepted (a link to the CSV or JSON is followed the same way). */
    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(java.time.Duration.ofSeconds(60))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Object> json(String path, String cookie) {
        io.micronaut.http.MutableHttpRequest<?> request = io.micronaut.http.HttpRequest.GET(path);
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.toBlocking().retrieve(request, Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(Map<String, Object> data, String service, String channel) {
        return ((List<Map<String, Object>>) data.get("rows")).stream()
                .filter(r -> service.equals(r.get("service")) && channel.equals(r.get("channel"))).findFirst().orElseThrow();
    }

    @Test
    void aGroupOfNineIsSuppressedOnThePageAndInTheOpenDataAndAGroupOfTenIsShown() throws Exception {
        Map<String, Object> data = json("/public/councils/westshire/satisfaction.json?" + RANGE, null);
        Map<String, Object> highways = row(data, "highways", "phone");
        assertEquals(true, highways.get("suppressed"));
        assertNull(highways.get("n"), "no n for a suppressed group: " + highways);
        assertNull(highways.get("proportion"));
        assertNull(highways.get("lower"));
        Map<String, Object> libraries = row(data, "libraries", "web");
        assertEquals(false, libraries.get("suppressed"));
        assertEquals(10, ((Number) libraries.get("n")).intValue());
        assertEquals(0.8, ((Number) libraries.get("proportion")).doubleValue(), 1e-12);

        String csv = get("/public/councils/westshire/satisfaction.csv?" + RANGE).body();
        String highwaysLine = csv.lines().filter(l -> l.startsWith("highways,phone,")).findFirst().orElseThrow();
        assertEquals("highways,phone,true,,,,,,,0.9,,false", highwaysLine, "only the names and the target are left: " + csv);
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("libraries,web,false,10,8,0.8,")), csv);

        String page = get("/public/councils/westshire?" + RANGE).body();
        String highwaysRow = between(page, "data-service=\"highways\"", "</tr>");
        assertTrue(highwaysRow.contains("fewer than 10 responses – not shown"), highwaysRow);
        assertFalse(highwaysRow.contains("77.8") || highwaysRow.contains(">9<"), highwaysRow);
        String librariesRow = between(page, "data-service=\"libraries\"", "</tr>");
        assertTrue(librariesRow.contains("80.0%") && librariesRow.contains(">10<"), librariesRow);
        assertTrue(librariesRow.contains("we are 95% confident the true figure lies in this range"), librariesRow);
    }

    @Test
    void theOpenDataCarriesTheSameFiguresAsTheOfficersApiForTheSameSlice() throws Exception {
        String cookie = PublicFixtures.signIn(url(""), "officer@westshire", "test-password");
        Map<String, Object> api = json("/api/v1/councils/westshire/satisfaction?" + RANGE + "&by=service,channel&fpc=off", cookie);
        Map<String, Object> open = json("/public/councils/westshire/satisfaction.json?" + RANGE, null);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) api.get("rows");
        int compared = 0;
        for (Map<String, Object> a : rows) {
            @SuppressWarnings("unchecked")
            Map<String, String> group = (Map<String, String>) a.get("group");
            Map<String, Object> o = row(open, group.get("service"), group.get("channel"));
            if (((Number) a.get("n")).intValue() < 10) {
                continue;
            }
            assertEquals(a.get("n"), o.get("n"));
            assertEquals(a.get("satisfied"), o.get("satisfied"));
            for (String[] pair : new String[][]{{"value", "proportion"}, {"lower", "lower"}, {"upper", "upper"}, {"marginOfError", "marginOfError"}}) {
                assertEquals(((Number) a.get(pair[0])).doubleValue(), ((Number) o.get(pair[1])).doubleValue(), 0.0, group + " " + pair[0]);
            }
            compared++;
        }
        assertEquals(2, compared, "libraries on the web and registrars face to face");
        assertEquals("Open Government Licence v3.0", ((Map<?, ?>) open.get("licence")).get("name"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> trendRow(Map<String, Object> data, String service, String month) {
        return ((List<Map<String, Object>>) data.get("rows")).stream()
                .filter(r -> service.equals(r.get("service")) && month.equals(r.get("month"))).findFirst().orElseThrow();
    }

    @Test
    void eachServiceHasAMonthlyTrendWhoseMonthsOfNineAreSuppressedAndMonthsOfTenShownOnThePageAndInTheOpenData() throws Exception {
        Map<String, Object> data = json("/public/councils/westshire/trend.json?" + RANGE, null);
        // February: highways had 9 responses (suppressed), libraries 10 (shown), all services together 79 (shown)
        Map<String, Object> highwaysFeb = trendRow(data, "highways", "2026-02");
        assertEquals(true, highwaysFeb.get("suppressed"));
        assertNull(highwaysFeb.get("n"), highwaysFeb.toString());
        assertNull(highwaysFeb.get("proportion"));
        assertNull(highwaysFeb.get("lower"));
        Map<String, Object> librariesFeb = trendRow(data, "libraries", "2026-02");
        assertEquals(false, librariesFeb.get("suppressed"));
        assertEquals(10, ((Number) librariesFeb.get("n")).intValue());
        assertEquals(0.8, ((Number) librariesFeb.get("proportion")).doubleValue(), 1e-12);
        // R: prop.test(8, 10, correct = FALSE)$conf.int = 0.4901624715 0.9433178485 (Wilson)
        assertEquals(0.4901624715, ((Number) librariesFeb.get("lower")).doubleValue(), 1e-9);
        assertEquals(0.9433178485, ((Number) librariesFeb.get("upper")).doubleValue(), 1e-9);
        Map<String, Object> allFeb = trendRow(data, "all", "2026-02");
        assertEquals(79, ((Number) allFeb.get("n")).intValue(), "the overall trend is unchanged: 10 + 9 + 60");
        // 8 + 7 + 57 = 72 of 79 satisfied. R: prop.test(72, 79, correct = FALSE)$conf.int = 0.8282165775 0.9564147040
        assertEquals(0.8282165775, ((Number) allFeb.get("lower")).doubleValue(), 1e-9);
        assertEquals(true, trendRow(data, "libraries", "2026-03").get("suppressed"), "no responses in March");
        assertEquals(40, ((Number) trendRow(data, "registrars", "2026-03").get("n")).intValue());
        assertEquals(3 * 4, ((List<?>) data.get("rows")).size(), "three months for all services and for each of three services");

        String cookie = PublicFixtures.signIn(url(""), "officer@westshire", "test-password");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> api = (List<Map<String, Object>>) json("/api/v1/councils/westshire/trend?" + RANGE
                + "&service=registrars&period=month", cookie).get("series");
        int compared = 0;
        for (Map<String, Object> month : api) {
            Map<String, Object> open = trendRow(data, "registrars", month.get("from").toString().substring(0, 7));
            if (((Number) month.get("n")).intValue() < 10) {
                assertEquals(true, open.get("suppressed"), month.toString());
                continue;
            }
            compared++;
            assertEquals(month.get("n"), open.get("n"));
            for (String key : List.of("proportion", "lower", "upper")) {
                assertEquals(((Number) month.get(key)).doubleValue(), ((Number) open.get(key)).doubleValue(), 0.0, month + " " + key);
            }
        }

        assertEquals(2, compared, "registrars in February and March");

        String csv = get("/public/councils/westshire/trend.csv?" + RANGE).body();
        assertTrue(csv.lines().skip(1).findFirst().orElseThrow().equals("service,month,suppressed,n,proportion,lower,upper"), csv);
        assertTrue(csv.lines().anyMatch(l -> l.equals("highways,2026-02,true,,,,")), "only the names are left: " + csv);
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("libraries,2026-02,false,10,0.8,0.49016247")), csv);
        assertEquals("*", get("/public/councils/westshire/trend.json?" + RANGE).headers().firstValue("Access-Control-Allow-Origin").orElse(null));

        String page = get("/public/councils/westshire?" + RANGE).body();
        String highways = between(page, "id=\"trend-table-highways\"", "</table>");
        String highwaysFebRow = between(highways, "February 2026", "</tr>");
        assertTrue(highwaysFebRow.contains("fewer than 10 responses – not shown"), highwaysFebRow);
        assertFalse(highwaysFebRow.contains("77.8") || highwaysFebRow.contains(">9<"), highwaysFebRow);
        String librariesFebRow = between(between(page, "id=\"trend-table-libraries\"", "</table>"), "February 2026", "</tr>");
        assertTrue(librariesFebRow.contains("80.0%") && librariesFebRow.contains(">10<"), librariesFebRow);
        assertTrue(page.contains("href=\"/public/councils/westshire/trend.csv?" + RANGE.replace("&", "&amp;") + "\""), "a download link");
    }

    @Test
    void theJsonIsOpenToAnyOriginAndTheCsvNamesItsLicence() throws Exception {
        HttpResponse<String> json = get("/public/councils/westshire/satisfaction.json");
        assertEquals(200, json.statusCode());
        assertEquals("*", json.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        HttpResponse<String> timeliness = get("/public/councils/westshire/timeliness.json?" + RANGE);
        assertEquals("*", timeliness.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        String csv = get("/public/councils/westshire/timeliness.csv?" + RANGE).body();
        String first = csv.lines().findFirst().orElseThrow();
        assertTrue(first.startsWith("# Westshire County Council") && first.contains("Open Government Licence v3.0"), first);
        assertTrue(csv.lines().skip(1).findFirst().orElseThrow().startsWith("standard,effective_from,promise_en"), csv);
    }

    @Test
    void timelinessStandardsAreStatedWithPerformanceAndSmallCountsSuppressed() throws Exception {
        Map<String, Object> data = json("/public/councils/westshire/timeliness.json?" + RANGE, null);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) data.get("rows");
        Map<String, Object> phone = rows.stream().filter(r -> r.get("standard").equals("phone-answered")).findFirst().orElseThrow();
        assertEquals(20, ((Number) phone.get("contacts")).intValue());
        assertEquals(0.5, ((Number) phone.get("share")).doubleValue(), 1e-12);
        assertEquals("not_met", phone.get("status"));
        Map<String, Object> email = rows.stream().filter(r -> r.get("standard").equals("email-reply")).findFirst().orElseThrow();
        assertEquals(true, email.get("suppressed"));
        assertNull(email.get("contacts"));
        assertEquals(7, rows.size(), "every standard is stated, with contacts or not: " + rows);

        String page = get("/public/councils/westshire?" + RANGE).body();
        assertTrue(page.contains("We answer phone calls within 60 seconds."), "the promise is stated (CSE 5.2.1)");
        assertTrue(between(page, "data-standard=\"phone-answered\"", "</tr>").contains("Standard not met"));
        assertTrue(between(page, "data-standard=\"email-reply\"", "</tr>").contains("fewer than 10 contacts – not shown"));
        String welsh = get("/public/councils/westshire?lang=cy&" + RANGE).body();
        assertTrue(welsh.contains("Byddwn yn ateb galwadau ffôn o fewn 60 eiliad."), "the Welsh promise on the Welsh page");
        assertTrue(welsh.contains("rydym 95% yn hyderus bod y gwir ffigur yn yr ystod hon"));
        assertTrue(welsh.contains("lang=\"cy\""));
    }

    @Test
    void thePageNeedsNoSignInShowsNoCommentsAndExplainsItsMethod() throws Exception {
        HttpResponse<String> page = get("/public/councils/westshire?" + RANGE);
        assertEquals(200, page.statusCode());
        assertFalse(page.body().contains("Acacia") || page.body().contains("Jane Example"), "comments are never shown");
        assertTrue(page.body().contains("<table id=\"trend-table\">"), "the trend chart's table is in the HTML itself");
        assertTrue(page.body().contains("Wilson"));
        // 29 of 119 ratings were entered by staff
        assertTrue(page.body().contains("24.4% of the ratings (29) were entered by a member of staff"), page.body());
        HttpResponse<String> methodology = get("/public/councils/westshire/methodology?" + RANGE);
        assertEquals(200, methodology.statusCode());
        assertTrue(methodology.body().contains("we do not show any figure based on fewer than 10 responses"));
    }

    @Test
    void anUnknownCouncilIs404AndABadDateIsAProblem() throws Exception {
        assertEquals(404, get("/public/councils/nowhere").statusCode());
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(url("/public/councils/westshire/satisfaction.json?from=yesterday&to=2026-01-01")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, bad.statusCode());
        assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), bad.headers().toString());
        assertNotNull(bad.body());
    }

    @Test
    void aCouncilWithNoRatingsOrContactsStillHasAPageAndEmptyOpenData() throws Exception {
        HttpResponse<String> page = get("/public/councils/cwm-tawel?" + RANGE);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("There are no results for this period."));
        assertTrue(page.body().contains("There are too few months with responses to say whether satisfaction is changing."));
        Map<String, Object> data = json("/public/councils/cwm-tawel/satisfaction.json?" + RANGE, null);
        assertEquals(List.of(), data.get("rows"));
    }

    static String between(String text, String start, String end) {
        int i = text.indexOf(start);
        assertTrue(i >= 0, "missing " + start);
        int j = text.indexOf(end, i);
        return text.substring(i, j);
    }
}
