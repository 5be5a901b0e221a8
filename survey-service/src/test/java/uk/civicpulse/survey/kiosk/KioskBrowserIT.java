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
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.survey.browser.Chromium;
import uk.civicpulse.survey.browser.Topic;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestKafka;

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
import static uk.civicpulse.survey.browser.Chromium.assertNoAccessibilityViolations;
import static uk.civicpulse.survey.browser.Chromium.script;

/**
 * A reception kiosk in Debian's Chromium: presses inside the minimum interval count once; with the broker stopped
 * (survey-service answers 503) ratings queue on the device, survive a reload, and once the broker is back every one
 * reaches Kafka with its id and the time it was given, and the queue empties. axe at each screen, English and Welsh.
 */
@MicronautTest(transactional = false)
@Property(name = "flyway.datasources.default.locations", value = "classpath:db/migration,classpath:db/demo")
@Property(name = "civic-pulse.kafka.ack-timeout", value = "1s")
@Property(name = "civic-pulse.kiosk.thanks", value = "1s")
@Property(name = "civic-pulse.kiosk.minimum-interval", value = "5s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KioskBrowserIT implements TestPropertyProvider {

    private final TestDatabase database = TestDatabase.create("survey_kiosk_browser");

    @Inject
    EmbeddedServer server;

    private ChromeDriver driver;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "micronaut.server.port", "-1",
                "datasources.default.url", database.jdbcUrl(),
                "civic-pulse.kafka.bootstrap-servers", TestKafka.bootstrapServers());
    }

    @BeforeAll
    void openBrowser() {
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
    void aKioskThatLosesTheServerQueuesRatingsThroughAReloadAndDeliversEachOnceItIsBack() throws InterruptedException {
        String touchpoint = "reception-" + UUID.randomUUID();
        String page = "http://127.0.0.1:" + server.getPort() + "/kiosk/northmoor/" + touchpoint + "?service=waste";
        driver.get(page);
        waitFor("the start screen", () -> driver.findElement(By.cssSelector(".start")).isDisplayed());
        assertNoAccessibilityViolations(driver, "at the kiosk's start, English first");

        press(3);
        long firstPress = System.currentTimeMillis();
        waitFor("back at the start after the thank-you", () -> driver.findElement(By.cssSelector(".start")).isDisplayed());
        press(1); // inside the 5 s minimum interval: thanked, not counted
        assertTrue(System.currentTimeMillis() - firstPress < 5000, "the second press came inside the minimum interval");
        assertNoAccessibilityViolations(driver, "at the kiosk's thank-you, English first");
        waitFor("the first rating sent", () -> queue().isEmpty());

        TestKafka.broker().stop();
        try {
            Thread.sleep(5100);
            waitFor("the start screen", () -> driver.findElement(By.cssSelector(".start")).isDisplayed());
            press(2);
            Thread.sleep(5100);
            waitFor("the start screen", () -> driver.findElement(By.cssSelector(".start")).isDisplayed());
            press(1);
            waitFor("two ratings shown to staff as waiting", () -> driver.findElement(By.cssSelector(".waiting")).isDisplayed()
                    && driver.findElement(By.cssSelector(".waiting b")).getText().equals("2"));

            // Reloaded (in Welsh first) while the server still cannot store anything: the queue is still there.
            driver.get(page + "&lang=cy");
            waitFor("the waiting count after the reload", () -> driver.findElement(By.cssSelector(".waiting b")).getText().equals("2"));
            assertEquals("Sut oedd eich profiad o Biniau ac ailgylchu?",
                    driver.findElement(By.cssSelector(".start h1 span[lang=cy]")).getText());
            assertNoAccessibilityViolations(driver, "at the kiosk's start, Welsh first, with ratings waiting");
            Thread.sleep(5100);
            press(3);
            assertNoAccessibilityViolations(driver, "at the kiosk's thank-you, Welsh first");
            waitFor("three ratings waiting", () -> driver.findElement(By.cssSelector(".waiting b")).getText().equals("3"));
        } finally {
            TestKafka.broker().start();
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> queued = (List<Map<String, Object>>) script(driver,
                "return JSON.parse(localStorage.getItem('civic-pulse-kiosk:northmoor:" + touchpoint + "'))");
        assertEquals(3, queued.size());
        Map<UUID, Instant> pressedAt = new HashMap<>();
        queued.forEach(q -> pressedAt.put(UUID.fromString((String) q.get("id")), Instant.parse((String) q.get("submittedAt"))));

        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> queue().isEmpty());
        assertTrue(!driver.findElement(By.cssSelector(".waiting")).isDisplayed(), "nothing shown as waiting once sent");

        Topic.Read read = Topic.readUntil(r -> r.ratings().stream().filter(x -> x.touchpoint().equals(touchpoint))
                .map(RatingSubmitted::id).collect(Collectors.toSet()).size() >= 4);
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
        assertEquals(List.of(3, 2, 1, 3), ratings.stream().collect(Collectors.toMap(RatingSubmitted::id, RatingSubmitted::score, (a, b) -> a,
                java.util.LinkedHashMap::new)).values().stream().toList(), "in the order given");
    }

    private void press(int score) {
        driver.findElement(By.cssSelector("button[data-score='" + score + "']")).click();
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
