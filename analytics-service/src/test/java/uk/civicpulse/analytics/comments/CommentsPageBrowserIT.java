package uk.civicpulse.analytics.comments;

import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.civicpulse.testkit.Chromium;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestProperties;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.civicpulse.testkit.Chromium.assertNoAccessibilityViolations;

/**
 * The officers' comments page in Debian's Chromium: redacted comments with their reasons, filters used with the keyboard
 * alone, hostile comments shown as text and never run, originals for council admins only (audited), the CSV download,
 * and no way into another council's comments.
 */
@MicronautTest(transactional = false)
@Property(name = "flyway.datasources.default.locations", value = "classpath:db/migration,classpath:db/demo")
@Property(name = "civic-pulse.demo.officers", value = "true")
@Property(name = "civic-pulse.demo.password", value = "test-password")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommentsPageBrowserIT implements TestPropertyProvider {

    private static final String SCRIPT = "<script>window.__xss = 'script';</script>";
    private static final String ATTRIBUTE = "\"><img src=x onerror=\"window.__xss = 'img'\">";
    private static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"click\")";
    private static final String PAGE = "/dashboard/councils/northmoor/comments?from=2026-03-01&to=2026-03-31";

    private final TestDatabase database = TestDatabase.create("analytics_comments_page");
    private ChromeDriver browser;

    @Inject
    EmbeddedServer server;

    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.of(database).newConsumerGroup("comments-page").asMap();
    }

    @BeforeAll
    void storeCommentsAndStartBrowser() throws Exception {
        DataSource ds = DelegatingDataSource.unwrapDataSource(dataSource);
        for (int i = 0; i < 27; i++) {
            CommentFixtures.comment(ds, "northmoor", "waste", 4, new String[]{"friendly"}, "Crew were quick, number " + i);
        }
        CommentFixtures.comment(ds, "northmoor", "council-tax", 1, new String[]{"slow", "unclear"},
                "I spoke to Sarah Jones, call me on 07700 900123");
        CommentFixtures.comment(ds, "northmoor", "council-tax", 2, new String[]{"slow"}, SCRIPT + " and " + ATTRIBUTE);
        CommentFixtures.comment(ds, "northmoor", "council-tax", 2, new String[]{"slow"}, FORMULA);
        CommentFixtures.comment(ds, "eastbrook", "waste", 1, new String[]{"slow"}, "Eastbrook only");
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

    private void signInAs(String username, String next) {
        browser.manage().deleteAllCookies();
        browser.get(url("/dashboard/sign-in?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8)));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("test-password");
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        // the sign-in page has a main h1 too: wait for the page it redirects to, or an element of the old page is read
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/dashboard/sign-in")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1")));
    }

    private String mainText() {
        return browser.findElement(By.id("main")).getText();
    }

    @Test
    void anOfficerSeesRedactedCommentsWithReasonsAndHostileCommentsAsPlainText() {
        signInAs("officer@northmoor", PAGE + "&service=council-tax");
        String text = mainText();
        assertTrue(text.contains("I spoke to [name], call me on [phone]"), text);
        assertFalse(text.contains("Sarah") || text.contains("07700"), text);
        assertTrue(text.contains("slow, unclear"), text);
        assertTrue(text.contains(SCRIPT) && text.contains(ATTRIBUTE), "hostile comments show literally: " + text);
        assertEquals(Boolean.TRUE, Chromium.script(browser, "return window.__xss === undefined"), "no injected script ran");
        assertTrue(browser.findElements(By.cssSelector("main script, main img")).isEmpty(), "no element was injected");
        assertEquals("page", browser.findElement(By.cssSelector("nav.site-nav a[aria-current]")).getAttribute("aria-current"));
        assertTrue(browser.findElements(By.id("originals")).isEmpty(), "an officer is not offered the originals");
        assertNoAccessibilityViolations(browser, "on the comments page");
    }

    @Test
    void theFiltersWorkWithTheKeyboardAloneAndLiveInTheAddress() {
        signInAs("officer@northmoor", PAGE);
        assertTrue(mainText().contains("1 to 25 of 30"), mainText());
        Actions keys = new Actions(browser);
        for (int i = 0; i < 40 && !"service".equals(browser.switchTo().activeElement().getAttribute("id")); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertEquals("service", browser.switchTo().activeElement().getAttribute("id"));
        // "cou", not "c": other test classes' ratings for this council share the JVM's topic (e.g. a service "case_it_bins")
        keys.sendKeys("cou").sendKeys(Keys.TAB).sendKeys("2").sendKeys(Keys.TAB).sendKeys("s").perform();
        for (int i = 0; i < 6 && !"submit".equals(browser.switchTo().activeElement().getAttribute("type")); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        keys.sendKeys(Keys.ENTER).perform();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("score=2"));
        String address = browser.getCurrentUrl();
        assertTrue(address.contains("service=council-tax") && address.contains("reason=slow"), address);
        assertTrue(mainText().contains("1 to 2 of 2"), mainText());

        browser.get(url(PAGE + "&page=1"));
        assertTrue(mainText().contains("26 to 30 of 30"), mainText());
        browser.findElement(By.cssSelector("a[rel=prev]")).click();
        assertTrue(mainText().contains("1 to 25 of 30"), mainText());
    }

    @Test
    void theWelshPageHasNoAccessibilityViolations() {
        signInAs("officer@northmoor", PAGE + "&lang=cy");
        assertEquals("cy", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(mainText().contains("Sylwadau 1 i 25 o 30"), mainText());
        assertNoAccessibilityViolations(browser, "on the Welsh comments page");
    }

    @Test
    void aCouncilAdminAsksForOriginalsAndTheViewingIsAudited() throws Exception {
        signInAs("council-admin@northmoor", PAGE + "&service=council-tax");
        assertTrue(mainText().contains("[name]"), "redacted until asked");
        browser.findElement(By.cssSelector("label[for=originals]")).click();
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("originals=true"));
        assertTrue(mainText().contains("I spoke to Sarah Jones, call me on 07700 900123"), mainText());
        assertEquals(Boolean.TRUE, Chromium.script(browser, "return window.__xss === undefined"), "originals are escaped too");
        assertNoAccessibilityViolations(browser, "on the comments page showing originals");
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT count(*) FROM comment_original_view WHERE officer = 'council-admin@northmoor' AND route = 'page'")) {
            rs.next();
            assertEquals(3, rs.getInt(1), "one audit row per comment shown");
        }
    }

    @Test
    void theCsvDownloadIsRedactedDefusedAndLimitedToTheOfficersCouncil() throws Exception {
        String cookie = signInCookie("officer@northmoor");
        HttpResponse<String> csv = get("/dashboard/councils/northmoor/comments.csv?from=2026-03-01&to=2026-03-31&service=council-tax", cookie);
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body().contains("I spoke to [name]") && !csv.body().contains("Sarah"), csv.body());
        assertTrue(csv.body().contains(",\"'=HYPERLINK("), "a formula is defused: " + csv.body());
        assertEquals(403, get("/dashboard/councils/northmoor/comments.csv?originals=true", cookie).statusCode());
        for (String path : List.of("/dashboard/councils/eastbrook/comments", "/dashboard/councils/eastbrook/comments.csv",
                "/dashboard/councils/eastbrook/comments?originals=true")) {
            assertEquals(403, get(path, cookie).statusCode(), path);
        }
        assertEquals(403, get("/dashboard/councils/eastbrook/comments?originals=true", signInCookie("council-admin@northmoor")).statusCode());
    }

    private String signInCookie(String username) throws Exception {
        HttpResponse<String> signedIn = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/dashboard/sign-in")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username.replace("@", "%40") + "&password=test-password&next=%2Fdashboard"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path))).header("Cookie", cookie)
                .header("Accept", "text/html,text/csv,*/*").build(), HttpResponse.BodyHandlers.ofString());
    }
}
