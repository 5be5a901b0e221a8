package uk.civicpulse.survey.kiosk;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.civicpulse.events.RatingEnriched;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.survey.settings.CaptureSettings;
import uk.civicpulse.testkit.Chromium;
import uk.civicpulse.testkit.RatingsTopic;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestKafka;
import uk.civicpulse.testkit.TestProperties;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.civicpulse.testkit.Chromium.assertNoAccessibilityViolations;
import static uk.civicpulse.testkit.Chromium.script;

/**
 * A reception kiosk in Debian's Chromium: presses inside the minimum interval count once; after a counted press the
 * service's reasons (several, or skipped); with the broker stopped (survey-service answers 503) ratings and their
 * reasons queue on the device, survive a reload, and once the broker is back every rating reaches Kafka with its id
 * and the time it was given, each one's reasons once and after it, and the queue empties. axe at each screen, English
 * and Welsh.
 */
@MicronautTest(transactional = false)
@Property(name = "flyway.datasources.default.locations", value = "classpath:db/migration,classpath:db/demo")
@Property(name = "civic-pulse.kafka.ack-timeout", value = "1s")
@Property(name = "civic-pulse.kiosk.thanks", value = "1s")
@Property(name = "civic-pulse.kiosk.minimum-interval", value = "8s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KioskBrowserIT implements TestPropertyProvider {

    private final TestDatabase database = TestDatabase.create("survey_kiosk_browser");

    @Inject
    EmbeddedServer server;

    private ChromeDriver driver;

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.of(database).asMap();
    }

    @Inject
    CaptureSettings settings;

    @BeforeAll
    void openBrowser() throws Exception {
        // The council's own kiosk interval wins over the page's default in the browser: make it the test's 8 s too.
        try (Connection c = DriverManager.getConnection(database.jdbcUrl()); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE council SET kiosk_minimum_interval_seconds = 8 WHERE code = 'northmoor'");
        }
        settings.reload();
        driver = Chromium.start(true);
    }

    @AfterAll
    void closeBrowser() {
        driver.quit();
        database.close();
        if (!TestKafka.broker().isRunning()) {
            TestKafka.broker().start();
        }
    }

    @Test
    void aKioskThatLosesTheServerQueuesRatingsAndReasonsThroughAReloadAndDeliversEachOnceItIsBack() throws Exception {
        String touchpoint = "reception-" + UUID.randomUUID();
        String page = "http://127.0.0.1:" + server.getPort() + "/kiosk/northmoor/" + touchpoint + "?service=waste";
        driver.get(page);
        waitFor("the start screen", () -> driver.findElement(By.cssSelector(".start")).isDisplayed());
        assertNoAccessibilityViolations(driver, "at the kiosk's start, English first");

        // Quickly, with no scans in between, so the second press falls inside the minimum interval even on a busy machine.
        long firstPress = System.currentTimeMillis();
        press(3);
        awaitReasons();
        assertEquals("What made it so? (optional)", driver.findElement(By.cssSelector(".reasons h1 span[lang=en]")).getText());
        choose("quick");
        choose("helpful_staff");
        choose("quick"); // pressed again: no longer chosen
        choose("quick");
        assertEquals("true", driver.findElement(By.cssSelector("[data-reason=quick]")).getAttribute("aria-pressed"));
        step("next");
        waitFor("back at the start after the thank-you", () -> driver.findElement(By.cssSelector(".start")).isDisplayed());
        press(1); // inside the 8 s minimum interval: thanked, not counted, asked nothing more
        assertTrue(!driver.findElement(By.cssSelector(".reasons")).isDisplayed(), "no reasons for a press that did not count");
        assertTrue(System.currentTimeMillis() - firstPress < 8000, "the second press came inside the minimum interval");
        assertNoAccessibilityViolations(driver, "at the kiosk's thank-you, English first");
        waitFor("the first rating and its reasons sent", () -> queue().isEmpty());

        TestKafka.broker().stop();
        try {
            Thread.sleep(8100);
            waitFor("the start screen", () -> driver.findElement(By.cssSelector(".start")).isDisplayed());
            press(2);
            awaitReasons();
            assertNoAccessibilityViolations(driver, "at the kiosk's reasons, English first");
            choose("too_slow");
            assertNoAccessibilityViolations(driver, "at the kiosk's reasons with one chosen, English first");
            step("next");
            Thread.sleep(8100);
            waitFor("the start screen", () -> driver.findElement(By.cssSelector(".start")).isDisplayed());
            press(1);
            awaitReasons();
            choose("not_resolved");
            step("skip"); // skipped: the choice is not sent
            waitFor("two ratings shown to staff as waiting (a rating with its reasons counts once)",
                    () -> driver.findElement(By.cssSelector(".waiting")).isDisplayed()
                            && driver.findElement(By.cssSelector(".waiting b")).getText().equals("2"));

            // Reloaded (in Welsh first) while the server still cannot store anything: the queue is still there.
            driver.get(page + "&lang=cy");
            waitFor("the waiting count after the reload", () -> driver.findElement(By.cssSelector(".waiting b")).getText().equals("2"));
            assertEquals("Sut oedd eich profiad o Biniau ac ailgylchu?",
                    driver.findElement(By.cssSelector(".start h1 span[lang=cy]")).getText());
            assertNoAccessibilityViolations(driver, "at the kiosk's start, Welsh first, with ratings waiting");
            Thread.sleep(8100);
            press(3);
            awaitReasons();
            assertEquals("Beth oedd y rheswm? (dewisol)", driver.findElement(By.cssSelector(".reasons h1 span[lang=cy]")).getText());
            assertEquals("Cyflym", driver.findElement(By.cssSelector("[data-reason=quick] span[lang=cy]")).getText());
            assertNoAccessibilityViolations(driver, "at the kiosk's reasons, Welsh first");
            choose("easy_to_find");
            choose("unhelpful_staff");
            step("next");
            assertNoAccessibilityViolations(driver, "at the kiosk's thank-you, Welsh first");
            waitFor("three ratings waiting", () -> driver.findElement(By.cssSelector(".waiting b")).getText().equals("3"));
        } finally {
            TestKafka.broker().start();
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> queued = (List<Map<String, Object>>) script(driver,
                "return JSON.parse(localStorage.getItem('civic-pulse-kiosk:northmoor:" + touchpoint + "'))");
        assertEquals(3, queued.size());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> queuedAnswers = (List<Map<String, Object>>) script(driver,
                "return JSON.parse(localStorage.getItem('civic-pulse-kiosk:northmoor:" + touchpoint + ":answers'))");
        assertEquals(2, queuedAnswers.size(), "the reasons of two ratings queued; the skipped one queued nothing");
        Map<UUID, Instant> pressedAt = new HashMap<>();
        queued.forEach(q -> pressedAt.put(UUID.fromString((String) q.get("id")), Instant.parse((String) q.get("submittedAt"))));

        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> queue().isEmpty());
        assertTrue(!driver.findElement(By.cssSelector(".waiting")).isDisplayed(), "nothing shown as waiting once sent");

        // Give the kiosk time for more flushes (every 3 s): anything sent twice would be on the topic before the marker.
        Thread.sleep(7000);
        UUID marker = postMarkerRating();
        RatingsTopic.Read read = RatingsTopic.readUntil(r -> r.ratings().stream().anyMatch(x -> x.id().equals(marker)));
        List<RatingSubmitted> ratings = read.ratings().stream().filter(x -> x.touchpoint().equals(touchpoint)).toList();
        Set<UUID> delivered = ratings.stream().map(RatingSubmitted::id).collect(Collectors.toSet());
        assertEquals(4, delivered.size(), "the first rating and the three queued ones; the press inside the interval never counted");
        assertTrue(delivered.containsAll(pressedAt.keySet()), "every queued rating delivered");
        for (RatingSubmitted r : ratings) {
            assertEquals("face_to_face", r.channel().code());
            if (pressedAt.containsKey(r.id())) {
                assertEquals(pressedAt.get(r.id()), r.submittedAt(), "the time it was given, not the time it was sent");
            }
        }
        List<UUID> inOrder = ratings.stream().map(RatingSubmitted::id).distinct().toList();
        Map<UUID, Integer> scores = ratings.stream().collect(Collectors.toMap(RatingSubmitted::id, RatingSubmitted::score, (x, y) -> x));
        assertEquals(List.of(3, 2, 1, 3), inOrder.stream().map(scores::get).toList(), "in the order given");

        // What analytics receives: each rating's reasons once, after the rating, on the same id.
        List<RatingEnriched> answers = read.enrichments().stream().filter(e -> delivered.contains(e.ratingId())).toList();
        Map<UUID, List<String>> reasonsById = new HashMap<>();
        for (RatingEnriched e : answers) {
            assertTrue(reasonsById.put(e.ratingId(), e.reasons()) == null, "reasons of rating " + e.ratingId() + " delivered more than once");
            int rating = read.sequence().indexOf("rating:" + e.ratingId());
            assertTrue(rating >= 0 && rating < read.sequence().indexOf("answers:" + e.ratingId()), "the reasons come after their rating");
        }
        assertEquals(Map.of(inOrder.get(0), List.of("helpful_staff", "quick"), inOrder.get(1), List.of("too_slow"),
                        inOrder.get(3), List.of("easy_to_find", "unhelpful_staff")),
                sorted(reasonsById), "the chosen reasons of the first, second and fourth ratings; the third skipped");
    }

    private static Map<UUID, List<String>> sorted(Map<UUID, List<String>> reasons) {
        Map<UUID, List<String>> out = new HashMap<>();
        reasons.forEach((id, r) -> out.put(id, r.stream().sorted().toList()));
        return out;
    }

    /** A rating sent straight to the API, keyed like the kiosk's: once it is read, everything before it has been. */
    private UUID postMarkerRating() throws Exception {
        UUID id = UUID.randomUUID();
        String json = "{\"id\":\"" + id + "\",\"council\":\"northmoor\",\"service\":\"waste\",\"channel\":\"web\","
                + "\"touchpoint\":\"/marker-" + id + "\",\"scale\":\"faces-3\",\"score\":2}";
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.getPort() + "/api/v1/ratings"))
                        .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(202, response.statusCode(), response.body());
        return id;
    }

    private void press(int score) {
        driver.findElement(By.cssSelector("button[data-score='" + score + "']")).click();
        waitFor("the reasons or the thank-you", () -> driver.findElement(By.cssSelector(".thanks")).isDisplayed()
                || driver.findElement(By.cssSelector(".reasons")).isDisplayed());
    }

    private void awaitReasons() {
        waitFor("the reasons", () -> driver.findElement(By.cssSelector(".reasons")).isDisplayed());
        assertEquals("reasons-title", driver.switchTo().activeElement().getAttribute("id"), "focus moved to the question");
    }

    private void choose(String reason) {
        driver.findElement(By.cssSelector("[data-reason='" + reason + "']")).click();
    }

    private void step(String which) {
        driver.findElement(By.cssSelector("[data-step='" + which + "']")).click();
        waitFor("the thank-you", () -> driver.findElement(By.cssSelector(".thanks")).isDisplayed());
    }

    private List<?> queue() {
        Object q = script(driver, "return Object.keys(localStorage).flatMap(k => JSON.parse(localStorage.getItem(k)))");
        return (List<?>) q;
    }

    private void waitFor(String what, java.util.function.BooleanSupplier condition) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> condition.getAsBoolean());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("waited in vain for " + what + "; console: " + Chromium.consoleMessages(driver), e);
        }
    }
}
