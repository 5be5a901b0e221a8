package uk.civicpulse.analytics.pages;

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
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.civicpulse.testkit.Chromium;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestProperties;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.civicpulse.testkit.Chromium.assertNoAccessibilityViolations;

/** An officer signs in to the dashboard with the keyboard alone, in English and in Welsh, in Debian's Chromium. */
@MicronautTest(transactional = false)
@Property(name = "flyway.datasources.default.locations", value = "classpath:db/migration,classpath:db/demo")
@Property(name = "civic-pulse.demo.officers", value = "true")
@Property(name = "civic-pulse.demo.password", value = "test-password")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInBrowserIT implements TestPropertyProvider {

    private final TestDatabase database = TestDatabase.create("analytics_sign_in");
    private ChromeDriver browser;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.of(database).newConsumerGroup("sign-in").asMap();
    }

    @BeforeAll
    void startBrowser() {
        browser = Chromium.start(true);
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

    @Test
    void aPageAskedForWithoutSigningInLeadsToTheSignInFormAndTheKeyboardAloneSignsIn() {
        browser.manage().deleteAllCookies();
        browser.get(url("/dashboard"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/dashboard/sign-in"));
        assertEquals("Sign in", browser.findElement(By.tagName("h1")).getText());
        assertNoAccessibilityViolations(browser, "on the sign-in page");

        // Tab from the top of the page: skip link, brand, language switch, then the username field.
        Actions keys = new Actions(browser);
        for (int i = 0; i < 8; i++) {
            keys.sendKeys(Keys.TAB).perform();
            if ("username".equals(browser.switchTo().activeElement().getAttribute("id"))) {
                break;
            }
        }
        assertEquals("username", browser.switchTo().activeElement().getAttribute("id"));
        keys.sendKeys("officer@northmoor").sendKeys(Keys.TAB).sendKeys("test-password").sendKeys(Keys.ENTER).perform();

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), "Dashboard"));
        String page = browser.findElement(By.id("main")).getText();
        assertTrue(page.contains("Northmoor City Council"), page);
        assertFalse(page.contains("Eastbrook"), "an officer sees only their own council: " + page);
        assertNoAccessibilityViolations(browser, "on the dashboard home");
        assertTrue(browser.manage().getCookieNamed("JWT").isHttpOnly(), "the sign-in cookie is HttpOnly");
    }

    @Test
    void aWrongPasswordShowsAnErrorSummaryInWelshWithoutSigningIn() {
        browser.manage().deleteAllCookies();
        browser.get(url("/dashboard/sign-in?lang=cy"));
        assertEquals("cy", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertNoAccessibilityViolations(browser, "on the Welsh sign-in page");
        browser.findElement(By.id("username")).sendKeys("officer@northmoor");
        browser.findElement(By.id("password")).sendKeys("wrong");
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.className("error-summary")));
        assertEquals("Mae problem wedi codi", browser.findElement(By.id("error-summary-title")).getText());
        assertEquals(null, browser.manage().getCookieNamed("JWT"));
        assertNoAccessibilityViolations(browser, "on the Welsh sign-in page with an error");
    }

    @Test
    void theSignInCookieOpensTheDashboardAndIsHttpOnlyAndStrict() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(url("/dashboard/sign-in")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=officer%40northmoor&password=test-password&next=%2Fdashboard"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("httponly") && cookie.contains("SameSite=Strict"), cookie);
        HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(url("/dashboard")))
                .header("Accept", "text/html").header("Cookie", cookie.split(";", 2)[0]).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, home.statusCode(), home.body());
        assertTrue(home.body().contains("Northmoor City Council"), home.body());
    }

    @Test
    void theApiStillAnswersWithoutSigningIn401AndChartJsComesFromItsWebjar() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/councils/northmoor/satisfaction")))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, api.statusCode());
        HttpResponse<String> chart = http.send(HttpRequest.newBuilder(URI.create(url("/assets/chart.js/chart.umd.js"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, chart.statusCode());
        assertTrue(chart.body().contains("Chart"), "Chart.js is served");
    }
}
