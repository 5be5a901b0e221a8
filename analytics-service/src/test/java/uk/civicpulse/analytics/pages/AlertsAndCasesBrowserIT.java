package uk.civicpulse.analytics.pages;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.civicpulse.analytics.alerts.Alert;
import uk.civicpulse.analytics.alerts.AlertRepository;
import uk.civicpulse.analytics.cases.CaseRepository;
import uk.civicpulse.analytics.stats.PChart;
import uk.civicpulse.events.Channel;
import uk.civicpulse.events.EventCodec;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.events.Scale;
import uk.civicpulse.events.Topics;
import uk.civicpulse.testkit.Chromium;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestKafka;
import uk.civicpulse.testkit.TestProperties;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.civicpulse.testkit.Chromium.assertNoAccessibilityViolations;

/**
 * The alerts and cases pages in Debian's Chromium, in English and Welsh, with axe-core finding nothing; an officer
 * acknowledges an alert and closes a case with the keyboard alone; another council's officer sees neither.
 */
@MicronautTest(transactional = false)
@Property(name = "flyway.datasources.default.locations", value = "classpath:db/migration,classpath:db/demo")
@Property(name = "civic-pulse.demo.officers", value = "true")
@Property(name = "civic-pulse.demo.password", value = "test-password")
@Property(name = "civic-pulse.alerts.schedule-enabled", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertsAndCasesBrowserIT implements TestPropertyProvider {

    static final String SERVICE = "browser_it_parks";
    static final String COMMENT = "The play area gate has been broken <b>for weeks</b>";

    private final TestDatabase database = TestDatabase.create("analytics_alerts_pages");
    private final UUID ratingId = UUID.randomUUID();
    private ChromeDriver browser;
    private long caseId;

    @Inject
    EmbeddedServer server;

    @Inject
    AlertRepository alerts;

    @Inject
    CaseRepository cases;

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.of(database).newConsumerGroup("alerts-pages").asMap();
    }

    @BeforeAll
    void start() {
        Instant when = Instant.parse("2024-06-03T10:00:00Z");
        try (KafkaProducer<String, byte[]> producer = TestKafka.producer()) {
            RatingSubmitted r = new RatingSubmitted(ratingId, "northmoor", SERVICE, Channel.FACE_TO_FACE, "/parks", Scale.FACES_3, 1,
                    List.of(), COMMENT, Map.of(), Map.of(), when, when, 1);
            producer.send(new ProducerRecord<>(Topics.RATINGS_V1.name(), r.council(), EventCodec.encode(r)));
            producer.flush();
        }
        await().atMost(60, TimeUnit.SECONDS).until(() -> cases.list("northmoor", null, SERVICE, 10, 0).size() == 1);
        caseId = cases.list("northmoor", null, SERVICE, 10, 0).get(0).id();
        alerts.raise(new Alert.Candidate("browser-it|dip", "northmoor", Alert.DIP, SERVICE, "face_to_face", PChart.BEYOND_LIMITS,
                LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30), 0.25, 0.1419, 0.4019, 40, 0.7577,
                "Satisfaction fell below the lower control limit"));
        browser = Chromium.start(true);
        signIn();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        database.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    private void signIn() {
        browser.get(url("/dashboard/sign-in"));
        browser.findElement(By.id("username")).sendKeys("officer@northmoor");
        browser.findElement(By.id("password")).sendKeys("test-password");
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), "Dashboard"));
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @Test
    @Order(1)
    void theAlertsPageListsTheAlertInBothLanguagesAndAnOfficerAcknowledgesIt() {
        browser.get(url("/dashboard/councils/northmoor/alerts?lang=cy"));
        assertEquals("cy", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("Rhybuddion", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.id("main")).getText().contains("Gostyngiad"));
        assertNoAccessibilityViolations(browser, "on the Welsh alerts page");

        browser.get(url("/dashboard/councils/northmoor/alerts"));
        assertEquals("Alerts", browser.findElement(By.tagName("h1")).getText());
        assertEquals("page", browser.findElement(By.cssSelector(".site-nav a[aria-current]")).getAttribute("aria-current"));
        assertEquals("Alerts", browser.findElement(By.cssSelector(".site-nav a[aria-current]")).getText());
        String table = browser.findElement(By.tagName("table")).getText();
        assertTrue(table.contains(SERVICE) && table.contains("25.0%") && table.contains("14.2% – 40.2%")
                && table.contains("A point below the lower control limit (75.8%)"), table);
        assertNoAccessibilityViolations(browser, "on the alerts page");

        browser.findElement(By.cssSelector("form[action*='/acknowledge'] button")).click();
        waiting().until(ExpectedConditions.urlContains("acknowledged="));
        assertTrue(browser.findElement(By.cssSelector(".notice")).getText().contains("acknowledged"));
        assertTrue(browser.findElement(By.tagName("table")).getText().contains("By officer@northmoor"));
        assertTrue(browser.findElements(By.cssSelector("form[action*='/acknowledge']")).isEmpty());
        assertNoAccessibilityViolations(browser, "on the alerts page after acknowledging");
    }

    @Test
    @Order(2)
    void theCasesListFiltersFromTheAddressInBothLanguages() {
        browser.get(url("/dashboard/councils/northmoor/cases?status=open&service=" + SERVICE));
        assertEquals("Cases", browser.findElement(By.tagName("h1")).getText());
        String list = browser.findElement(By.tagName("table")).getText();
        assertTrue(list.contains("Case " + caseId) && list.contains("Poor") && list.contains("Not assigned"), list);
        assertEquals(SERVICE, browser.findElement(By.cssSelector("#service option[selected]")).getAttribute("value"));
        assertNoAccessibilityViolations(browser, "on the cases page");

        browser.get(url("/dashboard/councils/northmoor/cases?status=closed&service=" + SERVICE));
        assertTrue(browser.findElement(By.id("main")).getText().contains("No cases."));

        browser.get(url("/dashboard/councils/northmoor/cases?status=open&service=" + SERVICE + "&lang=cy"));
        assertEquals("Achosion", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.tagName("table")).getText().contains("Gwael"), "the answer on its scale in Welsh");
        assertNoAccessibilityViolations(browser, "on the Welsh cases page");
    }

    @Test
    @Order(3)
    void anOfficerReadsTheCommentEscapedAddsANoteAndClosesTheCaseWithTheKeyboardAlone() {
        browser.get(url("/dashboard/councils/northmoor/cases/" + caseId + "?lang=cy"));
        assertEquals("Achos " + caseId, browser.findElement(By.tagName("h1")).getText());
        assertNoAccessibilityViolations(browser, "on the Welsh case page");

        browser.get(url("/dashboard/councils/northmoor/cases/" + caseId));
        assertEquals(COMMENT, browser.findElement(By.cssSelector("blockquote.comment")).getText(), "shown as text, not markup");
        assertTrue(browser.findElements(By.cssSelector("blockquote.comment b")).isEmpty());
        assertNoAccessibilityViolations(browser, "on the case page");

        // an empty note is a problem named on the page, not a server error
        browser.findElement(By.cssSelector("form[action*='/notes'] button")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.className("error-summary")));
        assertTrue(browser.findElement(By.className("error-summary")).getText().contains("Write the note"));
        assertNoAccessibilityViolations(browser, "on the case page with an error");

        browser.findElement(By.id("note")).sendKeys("Gate reported to parks team");
        browser.findElement(By.cssSelector("form[action*='/notes'] button")).click();
        waiting().until(ExpectedConditions.urlContains("done=noted"));

        // keyboard only: Tab from the top of the page to the close button, then Enter
        browser.findElement(By.tagName("body")).click();
        browser.get(url("/dashboard/councils/northmoor/cases/" + caseId));
        Actions keys = new Actions(browser);
        for (int i = 0; i < 80 && !"close-case".equals(browser.switchTo().activeElement().getAttribute("id")); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertEquals("close-case", browser.switchTo().activeElement().getAttribute("id"), "the close button is reachable by Tab");
        keys.sendKeys(Keys.ENTER).perform();
        waiting().until(ExpectedConditions.urlContains("done=closed"));
        assertEquals("The case has been closed.", browser.findElement(By.cssSelector(".notice[role=status]")).getText());
        String history = browser.findElement(By.tagName("table")).getText();
        assertTrue(history.contains("Gate reported to parks team") && history.contains("Closed"), history);
        assertTrue(browser.findElements(By.id("close-case")).isEmpty(), "a closed case offers no more steps");
        assertNoAccessibilityViolations(browser, "on a closed case");
    }

    @Test
    @Order(4)
    void anOfficerOfAnotherCouncilGetsNeitherPageNorComment() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(url("/dashboard/sign-in")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=officer%40westshire&password=test-password&next=%2Fdashboard"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        for (String path : List.of("/dashboard/councils/northmoor/alerts", "/dashboard/councils/northmoor/cases",
                "/dashboard/councils/northmoor/cases/" + caseId, "/dashboard/councils/westshire/cases/" + caseId)) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "text/html")
                    .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
            assertNotEquals(200, page.statusCode(), path);
            assertFalse(page.body().contains("play area gate"), path);
        }
        for (String path : List.of("/dashboard/councils/northmoor/cases/" + caseId + "/notes",
                "/dashboard/councils/northmoor/alerts/1/acknowledge")) {
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                    .POST(HttpRequest.BodyPublishers.ofString("note=spy")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, post.statusCode(), path);
        }
        assertFalse(cases.events(caseId).stream().anyMatch(e -> "spy".equals(e.detail())));
    }
}
