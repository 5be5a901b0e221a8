package uk.civicpulse.survey.widget;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import uk.civicpulse.survey.settings.CaptureSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.civicpulse.events.KeyArea;
import uk.civicpulse.events.RatingEnriched;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.survey.browser.ThirdPartySite;
import uk.civicpulse.testkit.Chromium;
import uk.civicpulse.testkit.RatingsTopic;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestProperties;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.civicpulse.testkit.Chromium.assertNoAccessibilityViolations;
import static uk.civicpulse.testkit.Chromium.script;

/**
 * The widget on a council's page served from another origin with a strict Content-Security-Policy, in Debian's
 * Chromium: a rating and each later answer reach Kafka under one id; keyboard only; Welsh; axe at every step.
 */
@MicronautTest(transactional = false)
@Property(name = "flyway.datasources.default.locations", value = "classpath:db/migration,classpath:db/demo")
// The host page is on another origin. Until the per-council CORS allowlist lands, the test opens CORS to all origins.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WidgetBrowserIT implements TestPropertyProvider {

    private final TestDatabase database = TestDatabase.create("survey_widget_browser");

    @Inject
    EmbeddedServer server;
    @Inject
    WidgetAssets assets;
    @Inject
    CaptureSettings settings;

    private ChromeDriver driver;
    private ThirdPartySite site;
    private volatile String touchpoint;

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.of(database).asMap();
    }

    @BeforeAll
    void openBrowser() {
        String surveyOrigin = "http://127.0.0.1:" + server.getPort();
        // The shared demo page, each test with its own touchpoint so its ratings can be told apart on the topic.
        site = new ThirdPartySite(surveyOrigin, () -> assets.demoPage(surveyOrigin)
                .replace("data-touchpoint=\"/bins/missed-collection\"", "data-touchpoint=\"" + touchpoint + "\""));
        allowOrigin("northmoor", site.url().replaceAll("/$", ""));
        driver = Chromium.start(true);
    }

    /** The council's web team adds its site to the allowlist, as it would through the admin API. */
    private void allowOrigin(String council, String origin) {
        try (Connection c = TestDatabase.server().connect(database.name());
             PreparedStatement st = c.prepareStatement("INSERT INTO council_allowed_origin (council, origin) VALUES (?, ?)")) {
            st.setString(1, council);
            st.setString(2, origin);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        settings.reload();
    }

    @AfterAll
    void closeBrowser() {
        driver.quit();
        site.close();
        database.close();
    }

    @Test
    void aRatingGivenOnAThirdPartyPageWithAStrictPolicyReachesKafkaAndEachLaterAnswerEnrichesTheSameId() {
        touchpoint = "/bins/missed-collection/" + UUID.randomUUID();
        driver.get(site.url());
        SearchContext widget = widget();
        assertEquals("How was your experience of Bins and recycling?", heading(widget));
        check("at the scale, in English");
        // The second container names a council that does not exist: it keeps its link, the first still works.
        assertNull(script(driver, "return document.getElementById('rate-broken').shadowRoot"));
        assertTrue(driver.findElement(By.cssSelector("#rate-broken a")).isDisplayed());

        widget.findElement(By.cssSelector("button[name=score][value='3']")).click();
        waitForHeading(widget, "What made it so? (optional)");
        // the widget announces 100 ms after the change, so screen readers notice the new text
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> !liveRegion().isEmpty());
        assertEquals("Thank you. Your rating has been sent. The next questions are optional.", liveRegion());
        check("at the reasons, in English");
        widget.findElement(By.cssSelector("label[for=reasons0]")).click();
        widget.findElement(By.cssSelector(".n .p")).click();

        waitForHeading(widget, "Is there anything else you want to tell us? (optional)");
        widget.findElement(By.id("cm")).sendKeys("Collected the next day.");
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> widget.findElement(By.id("cc")).getText().equals("You have 977 characters remaining"));
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> liveRegion().equals("You have 977 characters remaining"));
        check("at the comment, in English");
        widget.findElement(By.cssSelector(".n .p")).click();

        waitForHeading(widget, "How would you rate us on each of these? (optional)");
        check("at the key areas, in English");
        widget.findElement(By.cssSelector("label[for=k-timeliness4]")).click();
        widget.findElement(By.cssSelector(".n .p")).click();

        waitForHeading(widget, "About you (optional)");
        check("at the customer group, in English");
        widget.findElement(By.cssSelector("input[name=g-age_band][value='35_44']")).click();
        widget.findElement(By.cssSelector("input[name=g-disability][value='prefer_not_to_say']")).click();
        widget.findElement(By.cssSelector(".n .p")).click();

        waitForHeading(widget, "Thank you for your feedback");
        check("at the thank-you, in English");

        String tp = touchpoint;
        RatingsTopic.Read read = RatingsTopic.readUntil(r -> r.ratings().stream().anyMatch(x -> x.touchpoint().equals(tp))
                && r.enrichments().stream().anyMatch(e -> !e.customerGroup().isEmpty() && ratingIds(r, tp).contains(e.ratingId())));
        List<RatingSubmitted> ratings = read.ratings().stream().filter(x -> x.touchpoint().equals(tp)).toList();
        assertEquals(1, ratings.size(), "one rating counted from the first tap");
        RatingSubmitted rating = ratings.get(0);
        assertEquals(3, rating.score());
        assertEquals("web", rating.channel().code());
        assertEquals("waste", rating.service());
        List<RatingEnriched> answers = read.enrichments().stream().filter(e -> e.ratingId().equals(rating.id())).toList();
        assertEquals(4, answers.size(), "one enrichment per answered step");
        RatingEnriched last = answers.get(answers.size() - 1);
        assertEquals(List.of("quick"), last.reasons());
        assertEquals("Collected the next day.", last.comment());
        assertEquals(Map.of(KeyArea.TIMELINESS, 4), last.keyAreas());
        assertEquals(Map.of("age_band", "35_44", "disability", "prefer_not_to_say"), last.customerGroup());

        List<String> blocked = Chromium.consoleMessages(driver).stream().filter(m -> m.contains("Content Security Policy")).toList();
        assertEquals(List.of(), blocked, "the host page's policy blocked something");
        assertTrue(driver.manage().getCookies().isEmpty(), "no cookies");
        assertEquals(0L, script(driver, "return localStorage.length + sessionStorage.length"), "no web storage");
        assertEquals(0L, script(driver, "return performance.getEntriesByType('resource')"
                + ".filter(e => !e.name.startsWith('" + "http://127.0.0.1:" + server.getPort() + "/')).length"), "no request to a third party");
    }

    @Test
    void aResidentCanSwitchToWelshAndFinishUsingOnlyTheKeyboard() {
        touchpoint = "/bins/missed-collection/" + UUID.randomUUID();
        driver.get(site.url());
        SearchContext widget = widget();
        Actions keys = new Actions(driver);

        tabTo("BUTTON:Cymraeg");
        keys.sendKeys(Keys.ENTER).perform();
        waitForHeading(widget, "Sut oedd eich profiad o Biniau ac ailgylchu?");
        assertEquals("BUTTON:Cymraeg", focused(), "focus stays on the language switch");
        assertTrue(focusIsVisible(), "the focused control shows a focus indicator");
        check("at the scale, in Welsh");

        tabTo("BUTTON:Cyfartalog");
        assertTrue(focusIsVisible(), "the focused scale button shows a focus indicator");
        keys.sendKeys(Keys.ENTER).perform();
        waitForHeading(widget, "Beth oedd y rheswm? (dewisol)");
        assertEquals("H2:Beth oedd y rheswm? (dewisol)", focused(), "focus moves to the new step's heading");
        check("at the reasons, in Welsh");
        tabTo("INPUT:Cyflym");
        keys.sendKeys(Keys.SPACE).perform();
        tabTo("BUTTON:Parhau");
        keys.sendKeys(Keys.ENTER).perform();

        waitForHeading(widget, "A oes unrhyw beth arall yr hoffech ei ddweud wrthym? (dewisol)");
        check("at the comment, in Welsh");
        keys.sendKeys(Keys.TAB).sendKeys("Gwasanaeth da").perform();
        tabTo("BUTTON:Parhau");
        keys.sendKeys(Keys.ENTER).perform();

        waitForHeading(widget, "Sut fyddech chi'n ein sgorio ar bob un o'r rhain? (dewisol)");
        check("at the key areas, in Welsh");
        tabTo("BUTTON:Hepgor");
        keys.sendKeys(Keys.ENTER).perform();

        waitForHeading(widget, "Amdanoch chi (dewisol)");
        check("at the customer group, in Welsh");
        tabTo("BUTTON:Hepgor");
        keys.sendKeys(Keys.ENTER).perform();

        waitForHeading(widget, "Diolch am eich adborth");
        check("at the thank-you, in Welsh");

        String tp = touchpoint;
        RatingsTopic.Read read = RatingsTopic.readUntil(r -> r.enrichments().stream()
                .anyMatch(e -> "Gwasanaeth da".equals(e.comment()) && ratingIds(r, tp).contains(e.ratingId())));
        RatingSubmitted rating = read.ratings().stream().filter(x -> x.touchpoint().equals(tp)).findFirst().orElseThrow();
        assertEquals(2, rating.score());
        List<RatingEnriched> answers = read.enrichments().stream().filter(e -> e.ratingId().equals(rating.id())).toList();
        assertEquals(2, answers.size(), "skipped steps send nothing");
        assertEquals(List.of("quick"), answers.get(1).reasons());
        assertEquals("Gwasanaeth da", answers.get(1).comment());
    }

    /**
     * Nothing the widget did so far was blocked by the host's policy; then axe-core's WCAG 2.2 AA scan. axe itself
     * applies inline styles while it measures contrast, which the policy reports; those reports are read and dropped
     * after each scan so that only the widget's own behaviour is judged.
     */
    private void check(String when) {
        List<String> blocked = Chromium.consoleMessages(driver).stream().filter(m -> m.contains("Content Security Policy")).toList();
        assertEquals(List.of(), blocked, "the host page's policy blocked something " + when);
        assertNoAccessibilityViolations(driver, when);
        Chromium.consoleMessages(driver);
    }

    private static List<UUID> ratingIds(RatingsTopic.Read read, String touchpoint) {
        return read.ratings().stream().filter(x -> x.touchpoint().equals(touchpoint)).map(RatingSubmitted::id).toList();
    }

    private SearchContext widget() {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> script(driver,
                    "const r = document.getElementById('rate-waste').shadowRoot; return !!(r && r.querySelector('h2'))").equals(Boolean.TRUE));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the widget did not start; browser console: " + Chromium.consoleMessages(driver), e);
        }
        return driver.findElement(By.id("rate-waste")).getShadowRoot();
    }

    private String heading(SearchContext widget) {
        return (String) script(driver, "return document.getElementById('rate-waste').shadowRoot.querySelector('h2').textContent");
    }

    private void waitForHeading(SearchContext widget, String text) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> text.equals(script(driver,
                    "const h = document.getElementById('rate-waste').shadowRoot.querySelector('h2'); return h && h.textContent")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("expected the step '" + text + "' but the widget shows '" + heading(widget) + "'; console: "
                    + Chromium.consoleMessages(driver), e);
        }
    }

    private String liveRegion() {
        return (String) script(driver, "return document.getElementById('rate-waste').shadowRoot.querySelector('[aria-live]').textContent");
    }

    /** The element with focus, through shadow roots, as TAG:its label or text. */
    private String focused() {
        return (String) script(driver, "let e = document.activeElement;"
                + "while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;"
                + "const text = e.labels && e.labels.length ? e.labels[0].textContent : e.textContent;"
                + "return e.tagName + ':' + text.trim();");
    }

    private boolean focusIsVisible() {
        return (Boolean) script(driver, "let e = document.activeElement;"
                + "while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;"
                + "const s = getComputedStyle(e); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;");
    }

    private void tabTo(String target) {
        for (int i = 0; i < 60; i++) {
            String now = focused();
            // A face button's text starts with its (hidden) emoji: match on the element and the end of its text.
            if (now.startsWith(target.substring(0, target.indexOf(':') + 1)) && now.endsWith(target.substring(target.indexOf(':') + 1))) {
                return;
            }
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("the keyboard never reached " + target + "; focus is on " + focused());
    }
}
