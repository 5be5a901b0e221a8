package uk.civicpulse.analytics.publishing;

import io.micronaut.context.annotation.Property;
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
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CSE evidence pack maps each element to the period's figures and names the gaps plainly. */
@MicronautTest(transactional = false)
@Property(name = "flyway.datasources.default.locations", value = "classpath:db/migration,classpath:db/demo")
@Property(name = "civic-pulse.demo.officers", value = "true")
@Property(name = "civic-pulse.demo.password", value = "test-password")
@Property(name = "micronaut.http.client.read-timeout", value = "60s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidencePackIT implements TestPropertyProvider {

    static final String PACK = "/dashboard/councils/northmoor/evidence?from=2026-01-01&to=2026-03-31";

    private final TestDatabase database = TestDatabase.create("analytics_evidence_pack");
    private final HttpClient http = HttpClient.newHttpClient();
    private String northmoor;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.of(database).newConsumerGroup("evidence").asMap();
    }

    @BeforeAll
    void data() throws Exception {
        try (PublicFixtures f = new PublicFixtures(database.jdbcUrl())) {
            LocalDate day = LocalDate.parse("2026-02-10");
            f.ratings("northmoor", "waste", "web", day, 500, 450, 0, null);
            // 16-24s are 13.5% of Northmoor's population but 2% of these respondents: ratio 0.15
            Map<String, Integer> ages = Map.of("16_24", 10, "25_34", 90, "35_44", 90, "45_54", 90, "55_64", 80, "65_74", 80, "75_plus", 60);
            for (Map.Entry<String, Integer> a : ages.entrySet()) {
                f.groupRatings("northmoor", "waste", "web", day, "age_band", a.getKey(), a.getValue());
            }
            f.calls("northmoor", day, 20, 10);  // 50% within the standard against 80%: not met
            f.emails("northmoor", day, 15);     // 15 of 15 in time against 90%: too close to call at this n
        }
        northmoor = PublicFixtures.signIn(url(""), "officer@northmoor", "test-password");
    }

    @AfterAll
    void drop() {
        database.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60)).header("Accept", "text/html")
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aStandardNotMetAndAnUnderRepresentedGroupAreListedAsGaps() throws Exception {
        HttpResponse<String> pack = get(PACK, northmoor);
        assertEquals(200, pack.statusCode(), pack.body());
        String page = pack.body();
        assertTrue(page.contains("5.3.2: 1 of 2 standards not met in the period"), page);
        assertTrue(page.contains("5.3.2: 1 of 2 standards too close to call in the period"), page);
        assertTrue(page.contains("1.2.3: customer groups under-represented (age_band): 16-24 (ratio 0.15)"), page);
        assertTrue(page.contains("1.2.2: No “you said, we did” action was published for the period."), page);
        assertTrue(page.contains("phone-answered: 50.0% of 20 contacts in time, against a target of 80.0%: Standard not met."), page);
    }

    @Test
    void everyElementOfTheBriefIsMappedInOrder() throws Exception {
        String page = get(PACK, northmoor).body();
        int last = -1;
        for (String code : List.of("1.1.1", "1.1.2", "1.1.3", "1.2.1", "1.2.2", "1.2.3", "1.3.1", "1.3.2", "1.3.3", "1.3.4", "1.3.5",
                "4.2.3", "4.3.1", "5.1.1", "5.1.2", "5.2.1", "5.2.2", "5.2.3", "5.2.4", "5.2.5", "5.3.1", "5.3.2", "5.3.3")) {
            int at = page.indexOf("id=\"element-" + code + "\"");
            assertTrue(at > last, code + " missing or out of order");
            last = at;
        }
        assertTrue(page.contains("500 ratings in the period"), "1.3.1 carries the live sample size");
        assertTrue(page.contains("@media print") || page.contains("/assets/css/civic-pulse.css"), "printable with the shared print rules");
    }

    @Test
    void aCouncilWithNoDataGetsAPackOfGaps() throws Exception {
        String admin = PublicFixtures.signIn(url(""), "admin@civic-pulse", "test-password");
        HttpResponse<String> pack = get("/dashboard/councils/cwm-tawel/evidence?from=2026-01-01&to=2026-03-31", admin);
        assertEquals(200, pack.statusCode(), pack.body());
        assertTrue(pack.body().contains("1.1.2: No ratings in the period."), pack.body());
        assertTrue(pack.body().contains("5.3.3: No peer council reports the same standards"), pack.body());
    }

    @Test
    void theWelshPackAndAnotherCouncilsOfficer() throws Exception {
        String welsh = get(PACK + "&lang=cy", northmoor).body();
        assertTrue(welsh.contains("5.3.2: Ni chyrhaeddwyd 1 o 2 safon yn y cyfnod"), welsh);
        String westshire = PublicFixtures.signIn(url(""), "officer@westshire", "test-password");
        assertEquals(403, get(PACK, westshire).statusCode());
        assertEquals(400, get("/dashboard/councils/northmoor/evidence?from=2026-13-01&to=2026-03-31", northmoor).statusCode());
    }
}
