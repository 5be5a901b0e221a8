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
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.civicpulse.testkit.Chromium;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestProperties;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.civicpulse.testkit.Chromium.assertNoAccessibilityViolations;

/**
 * The public results page, the "you said, we did" form and the evidence pack in Debian's Chromium: axe-core finds no
 * WCAG 2.2 AA violation in English or Welsh, the trend chart is drawn from its table, the page keeps every table with
 * JavaScript off, the form works from the keyboard alone, and the evidence pack prints without the page furniture.
 * Screenshots go to target/screenshots (copied to docs/screenshots by hand).
 */
@MicronautTest(transactional = false)
@Property(name = "flyway.datasources.default.locations", value = "classpath:db/migration,classpath:db/demo")
@Property(name = "civic-pulse.demo.officers", value = "true")
@Property(name = "civic-pulse.demo.password", value = "test-password")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicPagesBrowserIT implements TestPropertyProvider {

    static final String RANGE = "from=2025-04-01&to=2026-03-31";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final TestDatabase database = TestDatabase.create("analytics_public_browser");
    private ChromeDriver browser;
    private ChromeDriver noJavaScript;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.of(database).newConsumerGroup("public-browser").asMap();
    }

    @BeforeAll
    void start() throws Exception {
        try (PublicFixtures f = new PublicFixtures(database.jdbcUrl())) {
            LocalDate month = LocalDate.parse("2025-04-01");
            for (int m = 0; m < 12; m++) {
                LocalDate day = month.plusMonths(m).plusDays(9);
                f.manyRatings("northmoor", "waste", "web", day, 60 + m, 52 + m, 0);
                f.manyRatings("northmoor", "waste", "phone", day, 25, 21 - (m % 3), 25);
                f.manyRatings("northmoor", "council_tax", "web", day, 40, 33 + (m % 4), 0);
                f.manyRatings("northmoor", "council_tax", "face_to_face", day, 15, 14, 8);
                f.manyRatings("northmoor", "libraries", "face_to_face", day, 30, 29, 0);
                f.manyRatings("northmoor", "housing", "phone", day, 20, 15, 20);
                f.manyRatings("eastbrook", "waste", "web", day, 70, 60, 0);
                f.calls("northmoor", day, 30, 22 + (m % 5));
                f.emails("northmoor", day, 12);
            }
            f.manyRatings("northmoor", "parking", "web", LocalDate.parse("2026-02-10"), 7, 5, 0);   // suppressed
            f.action("northmoor", "waste", "Bins were missed in the new estates", "We added the new streets to the Tuesday round",
                    "Roedd biniau’n cael eu methu yn yr ystadau newydd", "Rydym wedi ychwanegu’r strydoedd newydd at rownd dydd Mawrth",
                    LocalDate.parse("2026-02-20"));
            f.action("northmoor", "council_tax", "The phone line was engaged at lunchtime", "We moved two officers’ breaks to cover 12-2pm",
                    null, null, LocalDate.parse("2026-03-05"));
        }
        Files.createDirectories(SCREENSHOTS);
        browser = Chromium.start(true);
        noJavaScript = Chromium.start(false);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (noJavaScript != null) {
            noJavaScript.quit();
        }
        database.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    private void screenshot(String name) throws Exception {
        long height = (Long) Chromium.script(browser, "return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 40, 12000)));
        Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new Dimension(1280, 1024));
    }

    private void waitForChart() {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("figure[data-module=chart][data-chart-ready=true] canvas")));
    }

    @Test
    void thePublicPageInEnglishDrawsTheTrendFromItsTableWithNoAccessibilityViolations() throws Exception {
        browser.get(url("/public/councils/northmoor?" + RANGE));
        waitForChart();
        assertEquals("Results: Northmoor City Council", browser.findElement(By.tagName("h1")).getText());
        WebElement canvas = browser.findElement(By.cssSelector("figure[data-module=chart] canvas"));
        assertTrue(canvas.getSize().getHeight() > 100 && canvas.getSize().getWidth() > 300, "the chart has a size: " + canvas.getSize());
        assertTrue(canvas.getAttribute("aria-label").contains("The figures are in the table below."));
        assertTrue(browser.findElement(By.id("trend-table")).isDisplayed(), "the table stays beside the chart");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> b.findElements(By.cssSelector(
                "figure[data-module=chart][data-chart-ready=true] canvas")).size() == 1 + 5);
        assertTrue(browser.findElement(By.id("trend-table-waste")).isDisplayed(), "each service's table stays beside its chart");
        String parking = browser.findElement(By.cssSelector("tr[data-service=parking]")).getText();
        assertTrue(parking.contains("fewer than 10 responses – not shown"), parking);
        assertTrue(browser.findElement(By.id("main")).getText().contains("We added the new streets to the Tuesday round"));
        assertNoAccessibilityViolations(browser, "on the English public results page");
        screenshot("public-results-en.png");

        browser.get(url("/public/councils/northmoor/methodology?" + RANGE));
        assertNoAccessibilityViolations(browser, "on the English methodology page");
    }

    @Test
    void thePublicPageInWelshHasNoAccessibilityViolations() throws Exception {
        browser.get(url("/public/councils/northmoor?lang=cy&" + RANGE));
        waitForChart();
        assertEquals("cy", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("Canlyniadau: Northmoor City Council", browser.findElement(By.tagName("h1")).getText());
        String main = browser.findElement(By.id("main")).getText();
        assertTrue(main.contains("Rydym wedi ychwanegu’r strydoedd newydd at rownd dydd Mawrth"), "the Welsh text of an action");
        assertTrue(main.contains("We moved two officers’ breaks"), "an action without Welsh is shown in English");
        assertTrue(browser.findElement(By.cssSelector("figure[data-module=chart] canvas")).getAttribute("aria-label")
                .contains("Mae’r ffigurau yn y tabl isod."));
        assertNoAccessibilityViolations(browser, "on the Welsh public results page");
        screenshot("public-results-cy.png");
        browser.get(url("/public/councils/northmoor/methodology?lang=cy&" + RANGE));
        assertNoAccessibilityViolations(browser, "on the Welsh methodology page");
    }

    @Test
    void withJavaScriptOffThePageStillHasEveryTable() {
        noJavaScript.get(url("/public/councils/northmoor?" + RANGE));
        assertTrue(noJavaScript.findElements(By.cssSelector("canvas")).isEmpty(), "no chart is drawn without JavaScript");
        for (String table : List.of("satisfaction-table", "channels-table", "trend-table", "timeliness-table", "peers-table", "samples-table")) {
            WebElement t = noJavaScript.findElement(By.id(table));
            assertTrue(t.isDisplayed() && !t.findElements(By.cssSelector("tbody tr")).isEmpty(), table + " is shown with rows");
        }
        assertEquals(12, noJavaScript.findElements(By.cssSelector("#trend-table tbody tr")).size(), "a row per month");
        String firstMonth = noJavaScript.findElement(By.cssSelector("#trend-table tbody tr")).getText();
        assertTrue(firstMonth.startsWith("April 2025") && firstMonth.contains("%"), firstMonth);
        for (String service : List.of("council_tax", "housing", "libraries", "parking", "waste")) {
            WebElement t = noJavaScript.findElement(By.id("trend-table-" + service));
            assertTrue(t.isDisplayed(), service + "'s trend table is shown");
            assertEquals(12, t.findElements(By.cssSelector("tbody tr")).size(), service + ": a row per month");
        }
        String wasteApril = noJavaScript.findElement(By.cssSelector("#trend-table-waste tbody tr")).getText();
        // waste in April 2025: 52 of 60 on the web and 21 of 25 by phone, 73 of 85 = 85.9%
        assertTrue(wasteApril.startsWith("April 2025") && wasteApril.contains("85.9%") && wasteApril.contains("85"), wasteApril);
        String parkingFebruary = noJavaScript.findElements(By.cssSelector("#trend-table-parking tbody tr")).get(10).getText();
        assertTrue(parkingFebruary.startsWith("February 2026") && parkingFebruary.contains("fewer than 10 responses – not shown"),
                "7 responses: suppressed: " + parkingFebruary);
    }

    @Test
    void anOfficerAddsAnActionWithTheKeyboardAloneAndTheEvidencePackPrints() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(url("/dashboard/sign-in?next=%2Fdashboard%2Fcouncils%2Fnorthmoor%2Factions"));
        browser.findElement(By.id("username")).sendKeys("officer@northmoor");
        browser.findElement(By.id("password")).sendKeys("test-password", Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), "You said, we did"));
        assertNoAccessibilityViolations(browser, "on the actions page");

        Actions keys = new Actions(browser);
        tabTo(keys, "service");
        keys.sendKeys("waste").perform();
        tabTo(keys, "weDidEn");    // "you said" left empty: a mistake
        keys.sendKeys("We now collect garden waste every week in summer").perform();
        tabToSubmit(keys);
        keys.sendKeys(Keys.ENTER).perform();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertEquals("Enter what residents said, in English", browser.findElement(By.cssSelector("#error-summary a[href='#youSaidEn']")).getText());
        assertEquals("true", browser.findElement(By.id("youSaidEn")).getAttribute("aria-invalid"));
        assertTrue(browser.getTitle().startsWith("Error:"));
        assertNoAccessibilityViolations(browser, "on the actions form with a mistake");

        tabTo(keys, "youSaidEn");
        keys.sendKeys("Garden waste bins overflow in summer").perform();
        tabToSubmit(keys);
        keys.sendKeys(Keys.ENTER).perform();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
        assertEquals("Action added.", browser.findElement(By.cssSelector(".notice")).getText());
        assertTrue(browser.findElement(By.id("actions-table")).getText().contains("Garden waste bins overflow in summer"));
        assertNoAccessibilityViolations(browser, "on the actions page after adding one");

        browser.get(url("/dashboard/councils/northmoor/evidence?" + RANGE));
        assertTrue(browser.findElement(By.id("gaps")).isDisplayed());
        assertTrue(browser.findElement(By.id("main")).getText().contains("5.3.2"));
        assertNoAccessibilityViolations(browser, "on the evidence pack");
        screenshot("evidence-pack.png");
        browser.get(url("/dashboard/councils/northmoor/evidence?lang=cy&" + RANGE));
        assertNoAccessibilityViolations(browser, "on the Welsh evidence pack");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            for (String hidden : List.of(".site-header", ".site-nav", ".period-form")) {
                assertEquals("none", Chromium.script(browser, "return getComputedStyle(document.querySelector(arguments[0])).display;", hidden),
                        hidden + " is not printed");
            }
            assertFalse("none".equals(Chromium.script(browser, "return getComputedStyle(document.querySelector('.gap-list')).display;")));
        } finally {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    private void tabTo(Actions keys, String id) {
        for (int i = 0; i < 120 && !id.equals(browser.switchTo().activeElement().getAttribute("id")); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertEquals(id, browser.switchTo().activeElement().getAttribute("id"), "reached by Tab");
    }

    private void tabToSubmit(Actions keys) {
        for (int i = 0; i < 40 && !"submit".equals(browser.switchTo().activeElement().getAttribute("type")); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertEquals("Save action", browser.switchTo().activeElement().getText());
    }
}
