package uk.civicpulse.survey.capture;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.civicpulse.testkit.Chromium;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestProperties;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.civicpulse.survey.capture.Http.body;
import static uk.civicpulse.survey.capture.Http.send;
import static uk.civicpulse.testkit.Chromium.assertNoAccessibilityViolations;

/**
 * A council's own wording and languages, set through the admin API, reach survey-service's own pages: the no-JavaScript
 * form (read as HTML over HTTP) and the kiosk (in Chromium), in English and Welsh, with axe-core finding nothing. A
 * council offering Welsh only gets no English and no language switch.
 */
@MicronautTest(transactional = false)
@Property(name = "flyway.datasources.default.locations", value = "classpath:db/migration,classpath:db/demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CouncilWordingIT implements TestPropertyProvider {

    static final String ADMIN = "/api/v1/admin/councils/northmoor/capture-settings";

    static final Map<String, String> ENGLISH = Map.of(
            "q", "Tell us about {s}",
            "faces-3.3", "Great",
            "why", "Why was that?",
            "cgHint", "Only if you wish <and> it helps & thanks",
            "send", "Send it",
            "done", "Ta very much",
            "next", "That's all",
            "kioskThanks", "Cheers from Northmoor");
    static final Map<String, String> WELSH = Map.of(
            "q", "Dywedwch wrthym am {s}",
            "faces-3.3", "Gwych",
            "why", "Pam felly?",
            "send", "Anfonwch",
            "done", "Diolch yn fawr iawn",
            "next", "Dyna'r cyfan",
            "kioskThanks", "Diolch o Northmoor");

    private final TestDatabase database = TestDatabase.create("survey_council_wording");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TokenGenerator tokens;

    @Inject
    EmbeddedServer server;

    private ChromeDriver driver;

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.of(database).asMap();
    }

    @BeforeAll
    void openBrowser() {
        driver = Chromium.start(true);
    }

    @AfterAll
    void close() {
        driver.quit();
        database.close();
    }

    @Test
    void theFormShowsTheCouncilsWordingInEachOfItsLanguagesAndOnlyThose() {
        setWording(List.of("cy", "en"), Map.of("en", ENGLISH, "cy", WELSH));

        String english = page("/form/northmoor/waste?touchpoint=/bins&lang=en");
        assertTrue(english.contains("<h1>Tell us about Bins and recycling</h1>"), english);
        assertTrue(english.contains("Great</label>"), "the scale point's own label");
        assertTrue(english.contains("Why was that? (optional)"));
        assertTrue(english.contains("Only if you wish &lt;and&gt; it helps &amp; thanks"), "escaped like everything else");
        assertTrue(english.contains(">Send it</button>"));
        assertFalse(english.contains("How was your experience"), "the default question replaced");
        assertTrue(english.contains("Average</label>"), "words without an override keep ours");
        assertTrue(english.indexOf("lang=\"cy\"") < english.indexOf("lang=\"en\" hreflang"), "the council's order: Welsh first");

        String welsh = page("/form/northmoor/waste?touchpoint=/bins");
        assertTrue(welsh.startsWith("<!DOCTYPE html>\n<html lang=\"cy\">"), "without ?lang the council's first language");
        assertTrue(welsh.contains("<h1>Dywedwch wrthym am Biniau ac ailgylchu</h1>"), welsh);
        assertTrue(welsh.contains("Gwych</label>"));
        assertTrue(welsh.contains("Pam felly? (dewisol)"));
        assertFalse(welsh.contains("Only if you wish"), "an English override never shows in Welsh");

        String thanks = submit("en");
        assertTrue(thanks.contains("<h1>Ta very much</h1>"), thanks);
        assertTrue(submit("cy").contains("<h1>Diolch yn fawr iawn</h1>"));

        // Welsh only: no English anywhere, whatever the link asked for, and nothing to switch to.
        setWording(List.of("cy"), Map.of("cy", WELSH));
        String only = page("/form/northmoor/waste?touchpoint=/bins&lang=en");
        assertTrue(only.startsWith("<!DOCTYPE html>\n<html lang=\"cy\">"));
        assertTrue(only.contains("<h1>Dywedwch wrthym am Biniau ac ailgylchu</h1>"));
        assertFalse(only.contains("English"), "no language switch");
        assertFalse(only.contains("hreflang"), "no language switch");
        String kiosk = page("/kiosk/northmoor/reception-" + UUID.randomUUID() + "?service=waste&lang=en");
        assertTrue(kiosk.contains("<span lang=\"cy\">Dywedwch wrthym am Biniau ac ailgylchu</span></h1>"), kiosk);
        assertFalse(kiosk.contains("lang=\"en\""), "the kiosk shows the council's one language");
    }

    @Test
    void theKioskShowsTheCouncilsWordingInEnglishAndWelshWithNoAccessibilityFaults() {
        setWording(List.of("cy", "en"), Map.of("en", ENGLISH, "cy", WELSH));
        String base = "http://127.0.0.1:" + server.getPort();

        driver.get(base + "/kiosk/northmoor/reception-" + UUID.randomUUID() + "?service=waste&lang=en");
        waitFor("the kiosk's start", () -> driver.findElement(By.cssSelector(".start")).isDisplayed());
        assertEquals("Tell us about Bins and recycling", text(".start h1 span[lang=en]"));
        assertEquals("Dywedwch wrthym am Biniau ac ailgylchu", text(".start h1 span[lang=cy]"));
        assertEquals(List.of("en", "cy"), driver.findElements(By.cssSelector(".start h1 span")).stream()
                .map(e -> e.getAttribute("lang")).toList(), "the language asked for first, then the council's other");
        assertEquals("Great", text("button[data-score='3'] span[lang=en]"));
        assertEquals("Gwych", text("button[data-score='3'] span[lang=cy]"));
        assertNoAccessibilityViolations(driver, "at the kiosk's start with the council's wording, English first");
        driver.findElement(By.cssSelector("button[data-score='3']")).click();
        waitFor("the reasons", () -> driver.findElement(By.cssSelector(".reasons")).isDisplayed());
        assertEquals("Why was that? (optional)", text(".reasons h1 span[lang=en]"));
        assertEquals("That's all", text("[data-step=next] span[lang=en]"));
        assertNoAccessibilityViolations(driver, "at the kiosk's reasons with the council's wording, English first");
        driver.findElement(By.cssSelector("[data-step=next]")).click();
        waitFor("the thank-you", () -> driver.findElement(By.cssSelector(".thanks")).isDisplayed());
        assertEquals("Cheers from Northmoor", text(".thanks h1 span[lang=en]"));
        assertEquals("Diolch o Northmoor", text(".thanks h1 span[lang=cy]"));
        assertNoAccessibilityViolations(driver, "at the kiosk's thank-you with the council's wording, English first");

        driver.get(base + "/kiosk/northmoor/reception-" + UUID.randomUUID() + "?service=waste&lang=cy");
        waitFor("the kiosk's start", () -> driver.findElement(By.cssSelector(".start")).isDisplayed());
        assertEquals("cy", driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals(List.of("cy", "en"), driver.findElements(By.cssSelector(".start h1 span")).stream()
                .map(e -> e.getAttribute("lang")).toList());
        assertNoAccessibilityViolations(driver, "at the kiosk's start with the council's wording, Welsh first");
        driver.findElement(By.cssSelector("button[data-score='3']")).click();
        waitFor("the reasons", () -> driver.findElement(By.cssSelector(".reasons")).isDisplayed());
        assertEquals("Pam felly? (dewisol)", text(".reasons h1 span[lang=cy]"));
        assertNoAccessibilityViolations(driver, "at the kiosk's reasons with the council's wording, Welsh first");
        driver.findElement(By.cssSelector("[data-step=skip]")).click();
        waitFor("the thank-you", () -> driver.findElement(By.cssSelector(".thanks")).isDisplayed());
        assertNoAccessibilityViolations(driver, "at the kiosk's thank-you with the council's wording, Welsh first");

        // The form with the same wording, checked by axe in both languages.
        for (String lang : List.of("en", "cy")) {
            driver.get(base + "/form/northmoor/waste?touchpoint=/bins&lang=" + lang);
            waitFor("the form", () -> driver.findElement(By.tagName("h1")).isDisplayed());
            assertEquals(lang.equals("en") ? "Tell us about Bins and recycling" : "Dywedwch wrthym am Biniau ac ailgylchu",
                    driver.findElement(By.tagName("h1")).getText());
            assertNoAccessibilityViolations(driver, "on the form with the council's wording in " + lang);
        }
    }

    private void setWording(List<String> languages, Map<String, Map<String, String>> strings) {
        String token = tokens.generateToken(Authentication.build("test-admin", List.of("council_admin"),
                Map.of("council", "northmoor")), 600).orElseThrow();
        HttpResponse<Map<String, Object>> current = send(client, HttpRequest.GET(ADMIN).bearerAuth(token));
        assertEquals(HttpStatus.OK, current.status());
        Map<String, Object> doc = new LinkedHashMap<>(body(current));
        doc.put("languages", languages);
        doc.put("strings", strings);
        HttpResponse<Map<String, Object>> changed = send(client, HttpRequest.PUT(ADMIN, doc).bearerAuth(token));
        assertEquals(HttpStatus.OK, changed.status(), () -> String.valueOf(body(changed)));
    }

    private String page(String path) {
        return client.toBlocking().retrieve(HttpRequest.GET(path).accept(MediaType.TEXT_HTML_TYPE), String.class);
    }

    private String submit(String lang) {
        String form = "id=" + UUID.randomUUID() + "&touchpoint=%2Fbins&lang=" + lang + "&score=3";
        try {
            return client.toBlocking().retrieve(HttpRequest.POST("/form/northmoor/waste", form)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE), String.class);
        } catch (HttpClientResponseException e) {
            throw new AssertionError("the form was not accepted: " + e.getStatus() + " " + e.getResponse().getBody(String.class).orElse(""), e);
        }
    }

    private String text(String css) {
        WebElement element = driver.findElement(By.cssSelector(css));
        return element.getText();
    }

    private void waitFor(String what, java.util.function.BooleanSupplier condition) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> condition.getAsBoolean());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("waited in vain for " + what + "; console: " + Chromium.consoleMessages(driver), e);
        }
    }
}
