package uk.civicpulse.survey.form;

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
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.chrome.ChromeDriver;
import uk.civicpulse.events.KeyArea;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.survey.browser.ThirdPartySite;
import uk.civicpulse.survey.widget.WidgetAssets;
import uk.civicpulse.testkit.Chromium;
import uk.civicpulse.testkit.RatingsTopic;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestProperties;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.civicpulse.testkit.Chromium.assertNoAccessibilityViolations;

/**
 * When JavaScript is unavailable: the council's page keeps a link to the server-rendered form, which validates, shows
 * an error summary, publishes and thanks the resident, in English and in Welsh. One Chromium has JavaScript turned off
 * and follows the council page's link; the form's pages carry no script at all, so the journey through them continues
 * in a second Chromium where axe-core (which needs JavaScript) can scan each page.
 */
@MicronautTest(transactional = false)
@Property(name = "flyway.datasources.default.locations", value = "classpath:db/migration,classpath:db/demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormBrowserIT implements TestPropertyProvider {

    private final TestDatabase database = TestDatabase.create("survey_form_browser");

    @Inject
    EmbeddedServer server;
    @Inject
    WidgetAssets assets;

    private ChromeDriver noJavaScript;
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
        site = new ThirdPartySite(surveyOrigin, () -> assets.demoPage(surveyOrigin).replace("missed-collection", touchpoint));
        noJavaScript = Chromium.start(false);
        driver = Chromium.start(true);
    }

    /** After a click that loads a new page: wait for it (the old page's elements go stale), then check the text. */
    private static void awaitText(WebDriver browser, By by, String expected) {
        String[] seen = {null};
        try {
            new WebDriverWait(browser, Duration.ofSeconds(10))
                    .ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
                    .until(d -> expected.equals(seen[0] = d.findElement(by).getText()));
        } catch (TimeoutException e) {
            assertEquals(expected, seen[0]);
        }
    }

    @AfterAll
    void closeBrowser() {
        driver.quit();
        noJavaScript.quit();
        site.close();
        database.close();
    }

    @Test
    void withoutJavaScriptTheLinkLeadsToAFormThatListsErrorsThenThanksTheResident() {
        touchpoint = "missed-collection-" + UUID.randomUUID();
        noJavaScript.get(site.url());
        assertEquals(Boolean.FALSE, Chromium.script(noJavaScript, "return !!document.getElementById('rate-waste').shadowRoot"),
                "the page's scripts did not run");
        noJavaScript.findElement(By.linkText("Rate this service")).click();
        awaitText(noJavaScript, By.tagName("h1"), "How was your experience of Bins and recycling?");
        assertEquals(0L, Chromium.script(noJavaScript, "return document.scripts.length"), "the form needs no script");
        driver.get(noJavaScript.getCurrentUrl());

        assertEquals("How was your experience of Bins and recycling?", driver.findElement(By.tagName("h1")).getText());
        assertNoAccessibilityViolations(driver, "on the form, in English");

        driver.findElement(By.cssSelector("button[type=submit]")).click();
        awaitText(driver, By.cssSelector(".es h2"), "There is a problem");
        assertTrue(driver.getTitle().startsWith("Error:"), driver.getTitle());
        assertEquals("Choose how your experience was", driver.findElement(By.cssSelector(".es a")).getText());
        assertNoAccessibilityViolations(driver, "on the form with errors, in English");
        driver.findElement(By.cssSelector(".es a")).click();
        assertEquals("score-3", driver.switchTo().activeElement().getAttribute("id"), "the summary's link leads to the question");

        driver.findElement(By.cssSelector("label[for=score-3]")).click();
        driver.findElement(By.cssSelector("label[for=reasons]")).click();
        driver.findElement(By.id("comment")).sendKeys("Collected the next day.");
        driver.findElement(By.cssSelector("label[for=k-staff-5]")).click();
        driver.findElement(By.cssSelector("input[name=g-age_band][value=prefer_not_to_say]")).click();
        driver.findElement(By.cssSelector("button[type=submit]")).click();

        awaitText(driver, By.tagName("h1"), "Thank you for your feedback");
        assertNoAccessibilityViolations(driver, "on the thank-you page, in English");

        RatingSubmitted rating = rating("/bins/" + touchpoint);
        assertEquals(3, rating.score());
        assertEquals("web", rating.channel().code());
        assertEquals(List.of("quick"), rating.reasons());
        assertEquals("Collected the next day.", rating.comment());
        assertEquals(Map.of(KeyArea.STAFF, 5), rating.keyAreas());
        assertEquals(Map.of("age_band", "prefer_not_to_say"), rating.customerGroup());
        assertTrue(driver.manage().getCookies().isEmpty(), "no cookies");
    }

    @Test
    void theWelshFormHasEveryWordInWelsh() {
        touchpoint = "missed-collection-" + UUID.randomUUID();
        noJavaScript.get(site.url());
        noJavaScript.findElement(By.linkText("Sgoriwch y gwasanaeth hwn")).click();
        driver.get(noJavaScript.getCurrentUrl());

        assertEquals("cy", driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("Sut oedd eich profiad o Biniau ac ailgylchu?", driver.findElement(By.tagName("h1")).getText());
        assertNoAccessibilityViolations(driver, "on the form, in Welsh");
        String page = driver.findElement(By.tagName("main")).getText();
        for (String english : List.of("How was", "Good", "Quick", "Send", "Prefer not to say", "Age")) {
            assertFalse(page.contains(english), "English left on the Welsh form: " + english);
        }

        driver.findElement(By.cssSelector("button[type=submit]")).click();
        awaitText(driver, By.cssSelector(".es h2"), "Mae problem wedi codi");
        assertEquals("Dewiswch sut oedd eich profiad", driver.findElement(By.cssSelector(".es a")).getText());
        assertNoAccessibilityViolations(driver, "on the form with errors, in Welsh");

        driver.findElement(By.cssSelector("label[for=score-2]")).click();
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        awaitText(driver, By.tagName("h1"), "Diolch am eich adborth");
        assertNoAccessibilityViolations(driver, "on the thank-you page, in Welsh");

        assertEquals(2, rating("/bins/" + touchpoint).score());
    }

    private static RatingSubmitted rating(String touchpoint) {
        RatingsTopic.Read read = RatingsTopic.readUntil(r -> r.ratings().stream().anyMatch(x -> x.touchpoint().equals(touchpoint)));
        List<RatingSubmitted> found = read.ratings().stream().filter(x -> x.touchpoint().equals(touchpoint)).toList();
        assertEquals(1, found.size(), "one rating for " + touchpoint);
        return found.get(0);
    }
}
