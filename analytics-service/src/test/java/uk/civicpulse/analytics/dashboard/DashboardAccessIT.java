package uk.civicpulse.analytics.dashboard;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.civicpulse.analytics.ingest.RatingStore;
import uk.civicpulse.analytics.timeliness.ContactStore;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestProperties;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard's pages and CSV downloads over HTTP: an officer of one council gets nothing of another's by any
 * route (whatever the filters), a wrong filter is a 400 page rather than an error, and each CSV gives the same
 * figures as the JSON API for the same slice.
 */
@MicronautTest(transactional = false)
@Property(name = "flyway.datasources.default.locations", value = "classpath:db/migration,classpath:db/demo")
@Property(name = "civic-pulse.demo.officers", value = "true")
@Property(name = "civic-pulse.demo.password", value = "test-password")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardAccessIT implements TestPropertyProvider {

    /** Every statistics page of the dashboard, by its address after /dashboard/councils/{council}. */
    static final List<String> PAGES = List.of("", "/trend", "/channels", "/groups", "/peers", "/dips", "/drivers", "/timeliness");
    static final List<String> CSVS = List.of("/overview.csv", "/trend.csv", "/channels.csv", "/groups.csv", "/peers.csv",
            "/dips.csv", "/drivers.csv", "/timeliness.csv");

    private final TestDatabase database = TestDatabase.create("analytics_dashboard_access");
    private final HttpClient http = HttpClient.newHttpClient();
    private String northmoorCookie;
    private String bearer;

    @Inject
    EmbeddedServer server;

    @Inject
    RatingStore ratings;

    @Inject
    ContactStore contacts;

    @Inject
    @Client("/")
    io.micronaut.http.client.HttpClient api;

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.of(database)
                .newConsumerGroup("dashboard-access")
                // the figures are written straight into the store; other classes\' ratings on the JVM\'s shared topic stay out
                .with("civic-pulse.kafka.consumer-enabled", "false")
                .asMap();
    }

    @BeforeAll
    void seedAndSignIn() throws Exception {
        DashboardRatings.store(ratings);
        DashboardRatings.storeContacts(contacts);
        northmoorCookie = signIn("officer@northmoor");
        Map<?, ?> body = api.toBlocking().retrieve(io.micronaut.http.HttpRequest.POST("/login",
                Map.of("username", "officer@northmoor", "password", "test-password")), Map.class);
        bearer = (String) body.get("access_token");
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    private String signIn(String username) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/dashboard/sign-in")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username.replace("@", "%40") + "&password=test-password"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, response.statusCode(), response.body());
        return response.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    private HttpResponse<String> get(String path, String accept, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).header("Accept", accept).timeout(java.time.Duration.ofSeconds(30));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anOfficerOfOneCouncilGetsNoPageAndNoCsvOfAnotherWhateverTheFilters() throws Exception {
        for (String council : List.of("westshire", "eastbrook", "no-such-council")) {
            for (String page : PAGES) {
                for (String query : List.of("?" + DashboardRatings.RANGE, "?from=not-a-date", "?lang=cy")) {
                    String path = "/dashboard/councils/" + council + page + query;
                    int status = get(path, "text/html", northmoorCookie).statusCode();
                    assertTrue(status == 403 || status == 404, path + " answered " + status);
                }
            }
            for (String csv : CSVS) {
                String path = "/dashboard/councils/" + council + csv + "?" + DashboardRatings.RANGE;
                int status = get(path, "text/csv", northmoorCookie).statusCode();
                assertTrue(status == 403 || status == 404, path + " answered " + status);
                HttpResponse<String> withBearer = http.send(HttpRequest.newBuilder(URI.create(url(path)))
                        .header("Authorization", "Bearer " + bearer).build(), HttpResponse.BodyHandlers.ofString());
                assertTrue(withBearer.statusCode() == 403 || withBearer.statusCode() == 404, path + " with a bearer token answered " + withBearer.statusCode());
            }
        }
    }

    @Test
    void anOfficerReadsEveryPageAndCsvOfTheirOwnCouncil() throws Exception {
        for (String page : PAGES) {
            for (String lang : List.of("", "&lang=cy")) {
                HttpResponse<String> response = get("/dashboard/councils/northmoor" + page + "?" + DashboardRatings.RANGE + lang, "text/html", northmoorCookie);
                assertEquals(200, response.statusCode(), page + ": " + response.body());
                assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page);
            }
        }
        for (String csv : CSVS) {
            HttpResponse<String> response = get("/dashboard/councils/northmoor" + csv + "?" + DashboardRatings.RANGE, "text/csv", northmoorCookie);
            assertEquals(200, response.statusCode(), csv + ": " + response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), csv);
            assertTrue(response.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"), csv);
        }
    }

    @Test
    void everyDashboardCsvAndTheCommentsCsvAnswerOnTheirOneRouteWithTheSameHeaders() throws Exception {
        List<String> all = new ArrayList<>(CSVS);
        all.add("/comments.csv");
        for (String csv : all) {
            HttpResponse<String> response = get("/dashboard/councils/northmoor" + csv + "?" + DashboardRatings.RANGE, "text/csv", northmoorCookie);
            assertEquals(200, response.statusCode(), csv + ": " + response.body());
            assertEquals("text/csv; charset=utf-8", response.headers().firstValue("Content-Type").orElse("").toLowerCase(java.util.Locale.ROOT), csv);
            assertTrue(response.headers().firstValue("Content-Disposition").orElse("")
                    .matches("attachment; filename=\"northmoor-[a-z0-9_-]+-2\\d{3}-\\d\\d-\\d\\d(-to)?-2\\d{3}-\\d\\d-\\d\\d\\.csv\""),
                    csv + ": " + response.headers().firstValue("Content-Disposition"));
            assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null), csv);
            String heading = parse(response.body()).get(0).get(0);
            // the comments CSV is still served by the comments page's own route, not read as a dashboard page
            assertEquals(csv.equals("/comments.csv"), heading.equals("id"), csv + " begins " + heading);
        }
        assertTrue(get("/dashboard/councils/northmoor/overview.csv?" + DashboardRatings.RANGE, "text/csv", northmoorCookie)
                .headers().firstValue("Content-Disposition").orElse("").contains("northmoor-overview-"));
    }

    @Test
    void aCsvOfAPageThatDoesNotExistIsANotFoundProblemAfterTheCouncilCheck() throws Exception {
        for (String page : List.of("/nosuch.csv", "/sign-in.csv", "/overview.csv.csv")) {
            HttpResponse<String> own = get("/dashboard/councils/northmoor" + page + "?" + DashboardRatings.RANGE, "text/csv", northmoorCookie);
            assertEquals(404, own.statusCode(), page + ": " + own.body());
            HttpResponse<String> wrongFilter = get("/dashboard/councils/northmoor" + page + "?from=not-a-date", "text/csv", northmoorCookie);
            assertEquals(404, wrongFilter.statusCode(), page + " with a wrong filter: " + wrongFilter.body());
            int other = get("/dashboard/councils/westshire" + page + "?" + DashboardRatings.RANGE, "text/csv", northmoorCookie).statusCode();
            assertTrue(other == 403 || other == 404, page + " of another council answered " + other);
        }
        HttpResponse<String> unknown = get("/dashboard/councils/northmoor/nosuch.csv?" + DashboardRatings.RANGE, "*/*", northmoorCookie);
        assertTrue(unknown.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), unknown.headers().toString());
        HttpResponse<String> otherCouncil = get("/dashboard/councils/westshire/nosuch.csv", "text/csv", northmoorCookie);
        assertEquals(403, otherCouncil.statusCode(), "the council is checked before the page");
        assertEquals(400, get("/dashboard/councils/northmoor/peers.csv?table=nosuch&" + DashboardRatings.RANGE, "text/csv", northmoorCookie).statusCode());
    }

    @Test
    void aPlatformAdminReadsAnyCouncilsPagesAndAnUnknownCouncilIsNotFound() throws Exception {
        String admin = signIn("admin@civic-pulse");
        for (String page : PAGES) {
            assertEquals(200, get("/dashboard/councils/westshire" + page + "?" + DashboardRatings.RANGE, "text/html", admin).statusCode(), page);
            assertEquals(404, get("/dashboard/councils/no-such-council" + page, "text/html", admin).statusCode(), page);
        }
        assertEquals(200, get("/dashboard/councils/westshire/peers.csv?" + DashboardRatings.RANGE, "text/csv", admin).statusCode());
    }

    @Test
    void withoutSigningInPagesLeadToTheSignInFormAndCsvsAreRefused() throws Exception {
        for (String page : PAGES) {
            HttpResponse<String> response = get("/dashboard/councils/northmoor" + page, "text/html", null);
            assertTrue(response.statusCode() == 303 || response.statusCode() == 302 || response.statusCode() == 307, page + " " + response.statusCode());
            assertTrue(response.headers().firstValue("Location").orElse("").contains("/dashboard/sign-in"), page);
        }
        for (String csv : CSVS) {
            assertEquals(401, get("/dashboard/councils/northmoor" + csv, "text/csv", null).statusCode(), csv);
        }
    }

    @Test
    void aWrongFilterIsA400PageNamingItInEnglishAndWelsh() throws Exception {
        Map<String, String> wrong = Map.of(
                "?from=2025-13-01", "From",
                "?from=2025-06-01&to=2025-01-01", "From",
                "?channel=carrier-pigeon", "Channel",
                "?service=%3Cscript%3E", "Service",
                "/trend?period=fortnight", "Period",
                "/dips?baselineFrom=2025-06-01&baselineTo=2025-01-01", "Baseline from");
        for (Map.Entry<String, String> e : wrong.entrySet()) {
            String address = e.getKey().startsWith("/") ? e.getKey() : e.getKey();
            HttpResponse<String> response = get("/dashboard/councils/northmoor" + address, "text/html", northmoorCookie);
            assertEquals(400, response.statusCode(), address);
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), address);
            assertTrue(response.body().contains("There is a problem with the filters"), address + ": " + response.body());
            assertTrue(response.body().contains(e.getValue() + ": "), address + " names " + e.getValue());
            assertTrue(!response.body().contains("<script>"), "the wrong value is escaped");
        }
        HttpResponse<String> welsh = get("/dashboard/councils/northmoor?from=2025-13-01&lang=cy", "text/html", northmoorCookie);
        assertEquals(400, welsh.statusCode());
        assertTrue(welsh.body().contains("Mae problem gyda’r hidlwyr"), welsh.body());
        assertEquals(400, get("/dashboard/councils/northmoor/overview.csv?from=2025-13-01", "text/csv", northmoorCookie).statusCode());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOverviewCsvGivesTheSameFiguresAsTheTargetsApi() throws Exception {
        List<List<String>> csv = parse(get("/dashboard/councils/northmoor/overview.csv?" + DashboardRatings.RANGE, "text/csv", northmoorCookie).body());
        Map<String, Object> status = api.toBlocking().retrieve(io.micronaut.http.HttpRequest.GET(
                "/api/v1/councils/northmoor/targets/status?" + DashboardRatings.RANGE).bearerAuth(bearer), Map.class);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) status.get("rows");
        assertEquals(List.of("Service", "Channel", "Target", "Status", "% satisfied", "95% interval: lower", "95% interval: upper",
                "Responses (n)", "Chance the target is met", "More responses to settle it", "Note"), csv.get(0));
        assertEquals(rows.size(), csv.size() - 1);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            List<String> line = csv.get(i + 1);
            assertEquals(Words.humanise((String) row.get("service")), line.get(0));
            assertEquals(((Number) row.get("n")).longValue(), Long.parseLong(line.get(7)));
            for (String[] figure : new String[][] {{"proportion", "4"}, {"lower", "5"}, {"upper", "6"}, {"target", "2"}}) {
                Object expected = row.get(figure[0]);
                String actual = line.get(Integer.parseInt(figure[1]));
                if (expected == null) {
                    assertEquals("", actual, figure[0] + " of a row without responses or target");
                } else {
                    assertEquals(((Number) expected).doubleValue() * 100, Double.parseDouble(actual), 1e-9, figure[0]);
                }
            }
            assertEquals(Words.humanise(((String) row.get("status")).replace('_', ' ')), line.get(3));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTrendCsvGivesTheSameSeriesAsTheTrendApi() throws Exception {
        String slice = DashboardRatings.RANGE + "&service=waste&channel=web";
        List<List<String>> csv = parse(get("/dashboard/councils/northmoor/trend.csv?" + slice + "&period=quarter", "text/csv", northmoorCookie).body());
        Map<String, Object> trend = api.toBlocking().retrieve(io.micronaut.http.HttpRequest.GET(
                "/api/v1/councils/northmoor/trend?" + slice + "&period=quarter").bearerAuth(bearer), Map.class);
        List<Map<String, Object>> series = (List<Map<String, Object>>) trend.get("series");
        assertEquals(4, series.size());
        assertEquals(series.size(), csv.size() - 1);
        assertEquals("Target", csv.get(0).get(4), "waste has a target, drawn as a line");
        for (int i = 0; i < series.size(); i++) {
            assertEquals("2025 Q" + (i + 1), csv.get(i + 1).get(0));
            assertEquals(((Number) series.get(i).get("proportion")).doubleValue() * 100, Double.parseDouble(csv.get(i + 1).get(1)), 1e-9);
            assertEquals(((Number) series.get(i).get("lower")).doubleValue() * 100, Double.parseDouble(csv.get(i + 1).get(2)), 1e-9);
            assertEquals(((Number) series.get(i).get("upper")).doubleValue() * 100, Double.parseDouble(csv.get(i + 1).get(3)), 1e-9);
            assertEquals(95.0, Double.parseDouble(csv.get(i + 1).get(4)), 1e-9);
            assertEquals(((Number) series.get(i).get("n")).longValue(), Long.parseLong(csv.get(i + 1).get(5)));
        }
    }

    /** RFC 4180, enough for these files: quoted fields with doubled quotes, CRLF line ends. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        return rows;
    }
}
