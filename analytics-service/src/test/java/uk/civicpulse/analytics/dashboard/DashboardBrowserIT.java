package uk.civicpulse.analytics.dashboard;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
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
import uk.civicpulse.analytics.ingest.RatingStore;
import uk.civicpulse.analytics.timeliness.ContactStore;
import uk.civicpulse.testkit.Chromium;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestProperties;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.civicpulse.testkit.Chromium.assertNoAccessibilityViolations;

/**
 * An officer uses every statistics page of the dashboard in Debian's Chromium, in English and in Welsh: each chart is
 * drawn with data, each table's figures are the JSON API's for the same slice, axe-core finds nothing on any page,
 * and a filter can be used with the keyboard alone. Screenshots of the main pages go to docs/screenshots/.
 */
@MicronautTest(transactional = false)
@Property(name = "flyway.datasources.default.locations", value = "classpath:db/migration,classpath:db/demo")
@Property(name = "civic-pulse.demo.officers", value = "true")
@Property(name = "civic-pulse.demo.password", value = "test-password")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT implements TestPropertyProvider {

    static final String RANGE = DashboardRatings.RANGE;

    private final TestDatabase database = TestDatabase.create("analytics_dashboard_browser");
    private ChromeDriver browser;
    private String bearer;

    @Inject
    EmbeddedServer server;

    @Inject
    RatingStore ratings;

    @Inject
    ContactStore contacts;

    @Inject
    @Client("/")
    HttpClient api;

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.of(database)
                .newConsumerGroup("dashboard-browser")
                // the figures are written straight into the store; other classes\' ratings on the JVM\'s shared topic stay out
                .with("civic-pulse.kafka.consumer-enabled", "false")
                .asMap();
    }

    @BeforeAll
    void seedAndSignIn() throws Exception {
        DashboardRatings.store(ratings);
        DashboardRatings.storeContacts(contacts);
        Map<?, ?> body = api.toBlocking().retrieve(HttpRequest.POST("/login",
                Map.of("username", "officer@northmoor", "password", "test-password")), Map.class);
        bearer = (String) body.get("access_token");
        browser = Chromium.start(true);
        browser.get(url("/dashboard/sign-in"));
        browser.findElement(By.id("username")).sendKeys("officer@northmoor");
        browser.findElement(By.id("password")).sendKeys("test-password");
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), "Dashboard"));
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

    private void open(String page, String query) {
        browser.get(url("/dashboard/councils/northmoor" + page + "?" + query));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> ((Long) Chromium.script(browser,
                "return document.querySelectorAll('[data-module=chart]').length - document.querySelectorAll('[data-chart-ready=true]').length"
                        + " - Array.from(document.querySelectorAll('[data-module=chart]')).filter(f => !f.querySelector('tbody tr')).length")) == 0L);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> json(String path) {
        return api.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(bearer), Map.class);
    }

    /** The data-value of one column in each row of a table, by the column's position (the row header is 0). */
    private List<String> column(String tableId, int index) {
        return browser.findElements(By.cssSelector("#" + tableId + " tbody tr")).stream()
                .map(tr -> tr.findElements(By.cssSelector("th, td")).get(index).getAttribute("data-value")).toList();
    }

    private List<String> headers(String tableId) {
        return browser.findElements(By.cssSelector("#" + tableId + " tbody tr")).stream()
                .map(tr -> tr.findElement(By.cssSelector("th")).getText()).toList();
    }

    private static double number(String value) {
        return Double.parseDouble(value);
    }

    @Test
    void everyPageInEnglishAndWelshDrawsItsChartsWithDataHasRowsAndPassesAxe() {
        for (String page : DashboardAccessIT.PAGES) {
            for (String lang : List.of("", "&lang=cy")) {
                String where = (page.isEmpty() ? "overview" : page) + (lang.isEmpty() ? " in English" : " in Welsh");
                open(page, RANGE + "&service=waste" + lang);
                assertEquals(lang.isEmpty() ? "en" : "cy", browser.findElement(By.tagName("html")).getAttribute("lang"), where);
                List<WebElement> tables = browser.findElements(By.cssSelector("main table"));
                assertFalse(tables.isEmpty(), where + " has tables");
                assertTrue(tables.get(0).findElements(By.cssSelector("tbody tr")).size() > 0, where + ": its first table has rows");
                for (WebElement figure : browser.findElements(By.cssSelector("[data-module=chart]"))) {
                    String id = figure.getAttribute("id");
                    assertEquals("true", figure.getAttribute("data-chart-ready"), where + ": chart " + id + " drawn");
                    Object points = Chromium.script(browser, "const c = Chart.getChart(arguments[0].querySelector('canvas'));"
                            + " return c.data.datasets.reduce((s, d) => s + d.data.filter(v => v !== null).length, 0);", figure);
                    assertTrue(((Number) points).longValue() > 0, where + ": chart " + id + " has data");
                    WebElement canvas = figure.findElement(By.tagName("canvas"));
                    assertTrue(canvas.getSize().getWidth() > 100 && canvas.getSize().getHeight() > 100, where + ": chart " + id + " has a size");
                }
                assertFalse(browser.findElements(By.cssSelector(".download a")).isEmpty(), where + " offers CSV");
                assertTrue(browser.findElements(By.cssSelector(".notice p")).size() > 0, where + " names its method");
                assertNoAccessibilityViolations(browser, "on " + where);
                assertTrue(Chromium.consoleMessages(browser).stream().noneMatch(m -> m.contains("chart not drawn") || m.contains("Content Security Policy")),
                        where + ": " + Chromium.consoleMessages(browser));
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOverviewShowsTheTargetsApisFiguresWithStatusInWords() {
        open("", RANGE);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) json("/api/v1/councils/northmoor/targets/status?" + RANGE).get("rows");
        assertEquals(9, rows.stream().filter(r -> ((Number) r.get("n")).longValue() > 0).count(), "three services on three channels");
        List<WebElement> trs = browser.findElements(By.cssSelector("#overview-table tbody tr"));
        assertEquals(rows.size(), trs.size());
        for (int i = 0; i < rows.size(); i++) {
            List<WebElement> cells = trs.get(i).findElements(By.cssSelector("th, td"));
            Map<String, Object> row = rows.get(i);
            assertEquals(((Number) row.get("n")).longValue(), (long) number(cells.get(7).getAttribute("data-value")));
            if (row.get("proportion") == null) {
                assertEquals("No responses", cells.get(3).getText(), "a target with no responses in the range");
                continue;
            }
            assertEquals(((Number) row.get("proportion")).doubleValue() * 100, number(cells.get(4).getAttribute("data-value")), 1e-9);
            assertEquals(((Number) row.get("lower")).doubleValue() * 100, number(cells.get(5).getAttribute("data-value")), 1e-9);
            assertEquals(((Number) row.get("upper")).doubleValue() * 100, number(cells.get(6).getAttribute("data-value")), 1e-9);
            assertEquals(((Number) row.get("n")).longValue(), (long) number(cells.get(7).getAttribute("data-value")));
            String status = (String) row.get("status");
            assertEquals(Map.of("met", "Met", "not_met", "Not met", "too_close_to_call", "Too close to call").get(status), cells.get(3).getText());
            assertEquals(String.format(java.util.Locale.UK, "%.1f%%", ((Number) row.get("proportion")).doubleValue() * 100), cells.get(4).getText());
        }
        String statuses = browser.findElement(By.id("overview-table")).getText();
        assertTrue(statuses.contains("Met") && statuses.contains("Not met"), "the demo year has targets met and missed: " + statuses);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTrendChartAndTableAreTheTrendApisSeriesWithTheTargetLineAndVerdict() {
        String slice = RANGE + "&service=waste&channel=web";
        open("/trend", slice + "&period=month");
        Map<String, Object> trend = json("/api/v1/councils/northmoor/trend?" + slice + "&period=month");
        List<Map<String, Object>> series = (List<Map<String, Object>>) trend.get("series");
        assertEquals(12, series.size());
        List<String> values = column("trend-table", 1);
        List<String> lower = column("trend-table", 2);
        List<String> upper = column("trend-table", 3);
        List<String> target = column("trend-table", 4);
        List<String> n = column("trend-table", 5);
        for (int i = 0; i < series.size(); i++) {
            assertEquals(((Number) series.get(i).get("proportion")).doubleValue() * 100, number(values.get(i)), 1e-9);
            assertEquals(((Number) series.get(i).get("lower")).doubleValue() * 100, number(lower.get(i)), 1e-9);
            assertEquals(((Number) series.get(i).get("upper")).doubleValue() * 100, number(upper.get(i)), 1e-9);
            assertEquals(95.0, number(target.get(i)), 1e-9);
            assertEquals(((Number) series.get(i).get("n")).longValue(), (long) number(n.get(i)));
        }
        Object datasets = Chromium.script(browser, "return Chart.getChart(document.querySelector('#trend-chart canvas')).data.datasets.length");
        assertEquals(4L, datasets, "lower and upper of the band, % satisfied, target");
        Map<String, Object> test = (Map<String, Object>) trend.get("trend");
        String verdict = Map.of("improving", "Improving", "declining", "Declining", "no_clear_change", "No clear change").get(test.get("direction"));
        String notes = browser.findElement(By.className("notice")).getText();
        assertTrue(notes.contains("Trend over the series: " + verdict), notes);
        assertTrue(notes.contains("Cochran-Armitage"), notes);
        assertEquals("declining", test.get("direction"), "waste dips in December");
    }

    @Test
    @SuppressWarnings("unchecked")
    void channelsGroupsPeersDipsDriversAndTimelinessShowTheApisFigures() {
        open("/channels", RANGE);
        List<Map<String, Object>> channels = (List<Map<String, Object>>) json("/api/v1/councils/northmoor/satisfaction?" + RANGE + "&by=channel").get("rows");
        List<String> channelValues = column("channels-table", 1);
        assertEquals(3, channels.size());
        for (int i = 0; i < channels.size(); i++) {
            assertEquals(((Number) channels.get(i).get("value")).doubleValue() * 100, number(channelValues.get(i)), 1e-9);
            assertEquals(((Number) channels.get(i).get("n")).longValue(), (long) number(column("channels-table", 4).get(i)));
        }

        open("/groups", RANGE);
        Map<String, Object> groups = json("/api/v1/councils/northmoor/group-differences?question=age_band&" + RANGE);
        List<Map<String, Object>> byAnswer = (List<Map<String, Object>>) groups.get("groups");
        assertEquals(byAnswer.size(), headers("groups-age_band-table").size());
        for (int i = 0; i < byAnswer.size(); i++) {
            assertEquals(((Number) byAnswer.get(i).get("proportion")).doubleValue() * 100, number(column("groups-age_band-table", 1).get(i)), 1e-9);
            assertEquals(((Number) byAnswer.get(i).get("adjustedPValue")).doubleValue(), number(column("groups-age_band-table", 7).get(i)), 1e-12);
            String flag = browser.findElements(By.cssSelector("#groups-age_band-table tbody tr")).get(i).findElements(By.tagName("td")).get(7).getText();
            assertEquals(Boolean.TRUE.equals(byAnswer.get(i).get("significant")) ? "Significant difference" : "No clear difference", flag);
        }
        assertTrue(byAnswer.stream().anyMatch(g -> Boolean.TRUE.equals(g.get("significant"))), "65 and over differ in the demo year");

        open("/peers", RANGE);
        Map<String, Object> funnel = json("/api/v1/councils/northmoor/funnel?" + RANGE);
        Map<String, Object> group = ((List<Map<String, Object>>) funnel.get("peerGroups")).get(0);
        List<Map<String, Object>> members = (List<Map<String, Object>>) group.get("councils");
        List<String> names = headers("positions-demo-all-table");
        assertEquals(members.size(), names.size());
        for (int i = 0; i < members.size(); i++) {
            Map<String, Object> m = members.get(i);
            assertTrue(names.get(i).startsWith((String) m.get("council")), names.get(i));
            assertEquals(((Number) m.get("n")).longValue(), (long) number(column("positions-demo-all-table", 2).get(i)));
            if (m.get("proportion") != null) {
                assertEquals(((Number) m.get("proportion")).doubleValue() * 100, number(column("positions-demo-all-table", 1).get(i)), 1e-9);
            }
        }
        assertTrue(names.contains("northmoor (this council)"), names.toString());
        assertFalse(browser.findElement(By.id("main")).getText().contains("@"), "no comment or contact detail of any council");

        open("/dips", RANGE + "&service=waste&baselineFrom=2025-01-01&baselineTo=2025-06-30");
        Map<String, Object> chart = json("/api/v1/councils/northmoor/control-chart?" + RANGE + "&service=waste&baselineFrom=2025-01-01&baselineTo=2025-06-30");
        List<Map<String, Object>> points = (List<Map<String, Object>>) chart.get("points");
        for (int i = 0; i < points.size(); i++) {
            assertEquals(((Number) points.get(i).get("proportion")).doubleValue() * 100, number(column("dips-table", 1).get(i)), 1e-9);
            assertEquals(((Number) points.get(i).get("lower")).doubleValue() * 100, number(column("dips-table", 3).get(i)), 1e-9);
            assertEquals(((Number) points.get(i).get("upper")).doubleValue() * 100, number(column("dips-table", 4).get(i)), 1e-9);
        }
        List<Map<String, Object>> alerts = (List<Map<String, Object>>) chart.get("alerts");
        assertFalse(alerts.isEmpty(), "the winter dip breaks a rule");
        assertEquals(alerts.size(), browser.findElements(By.cssSelector("#breaches-table tbody tr")).size());
        assertTrue(browser.findElement(By.id("breaches-table")).getText().contains("A point beyond the control limits"),
                browser.findElement(By.id("breaches-table")).getText());

        open("/drivers", RANGE);
        Map<String, Object> drivers = (Map<String, Object>) json("/api/v1/councils/northmoor/key-drivers?" + RANGE).get("analysis");
        List<Map<String, Object>> correlations = (List<Map<String, Object>>) drivers.get("correlations");
        assertEquals(5, correlations.size());
        for (int i = 0; i < correlations.size(); i++) {
            assertEquals(((Number) correlations.get(i).get("r")).doubleValue(), number(column("correlations-table", 1).get(i)), 1e-12);
        }
        assertEquals(6, browser.findElements(By.cssSelector("#regression-table tbody tr")).size(), "intercept and five areas");

        open("/timeliness", RANGE);
        List<Map<String, Object>> standards = (List<Map<String, Object>>) json("/api/v1/councils/northmoor/timeliness?" + RANGE).get("rows");
        assertEquals(standards.size(), browser.findElements(By.cssSelector("#timeliness-table tbody tr")).size());
        assertTrue(standards.size() >= 3, "calls, emails and complaints were judged");
        List<String> within = column("timeliness-table", 2);
        for (int i = 0; i < standards.size(); i++) {
            Map<String, Object> share = (Map<String, Object>) standards.get(i).get("withinStandard");
            if (share.get("proportion") != null) {
                assertEquals(((Number) share.get("proportion")).doubleValue() * 100, number(within.get(i)), 1e-9);
            }
            assertEquals(((Number) share.get("n")).longValue(), (long) number(column("timeliness-table", 5).get(i)));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTimelinessPageDrawsTheStandardsControlChartAndPeerFunnelFromTheApisFiguresWithItsFiltersInTheAddress() {
        String filters = "&standard=email-reply&period=week&baselineFrom=2025-01-01&baselineTo=2025-03-31";
        for (String lang : List.of("", "&lang=cy")) {
            open("/timeliness", RANGE + filters + lang);
            String where = lang.isEmpty() ? "in English" : "in Welsh";
            assertEquals("email-reply", browser.findElement(By.id("filter-standard")).getAttribute("value"), where);
            assertEquals("week", browser.findElement(By.id("filter-period")).getAttribute("value"), where);
            assertEquals(List.of("week", "month"), browser.findElements(By.cssSelector("#filter-period option")).stream()
                    .map(o -> o.getAttribute("value")).toList(), "the control chart is weekly or monthly");
            assertTrue(browser.findElement(By.id("standard-chart-heading")).getText()
                    .startsWith(lang.isEmpty() ? "p-chart of the share within the standard" : "Siart-p o’r gyfran o fewn y safon"), where);

            Map<String, Object> chart = json("/api/v1/councils/northmoor/timeliness/control-chart?" + RANGE + filters);
            List<Map<String, Object>> points = (List<Map<String, Object>>) chart.get("points");
            assertTrue(points.size() >= 52, "a year of weeks: " + points.size());
            assertEquals(points.size(), browser.findElements(By.cssSelector("#standard-chart-table tbody tr")).size(), where);
            List<String> shares = column("standard-chart-table", 1);
            List<String> centres = column("standard-chart-table", 2);
            List<String> lowers = column("standard-chart-table", 3);
            List<String> uppers = column("standard-chart-table", 4);
            List<String> judged = column("standard-chart-table", 5);
            for (int i = 0; i < points.size(); i++) {
                Map<String, Object> point = points.get(i);
                if (point.get("proportion") != null) {
                    assertEquals(((Number) point.get("proportion")).doubleValue() * 100, number(shares.get(i)), 1e-9);
                    assertEquals(((Number) point.get("lower")).doubleValue() * 100, number(lowers.get(i)), 1e-9);
                    assertEquals(((Number) point.get("upper")).doubleValue() * 100, number(uppers.get(i)), 1e-9);
                }
                assertEquals(((Number) chart.get("centre")).doubleValue() * 100, number(centres.get(i)), 1e-9);
                assertEquals(((Number) point.get("n")).longValue(), (long) number(judged.get(i)));
            }
            assertEquals(((List<?>) chart.get("alerts")).size(), browser.findElements(By.cssSelector("#standard-breaches-table tbody tr")).size());
            WebElement drawn = browser.findElement(By.id("standard-chart-chart"));
            assertEquals("true", drawn.getAttribute("data-chart-ready"), where);
            Object plotted = Chromium.script(browser, "const c = Chart.getChart(arguments[0].querySelector('canvas'));"
                    + " return c.data.datasets[0].data.filter(v => v !== null).length;", drawn);
            assertEquals(points.stream().filter(p -> p.get("proportion") != null).count(), ((Number) plotted).longValue(),
                    "every week with contacts is a point on the chart " + where);

            Map<String, Object> funnel = json("/api/v1/councils/northmoor/timeliness/funnel?standard=email-reply&" + RANGE);
            List<Map<String, Object>> groups = (List<Map<String, Object>>) funnel.get("peerGroups");
            assertFalse(groups.isEmpty(), "Northmoor has a peer group");
            for (Map<String, Object> group : groups) {
                String code = (String) group.get("code");
                List<Map<String, Object>> members = (List<Map<String, Object>>) group.get("councils");
                assertEquals(members.size(), browser.findElements(By.cssSelector("#standard-positions-" + code + "-table tbody tr")).size());
                List<String> within = column("standard-positions-" + code + "-table", 2);
                for (int i = 0; i < members.size(); i++) {
                    Object proportion = members.get(i).get("proportion");
                    String shown = within.get(i);
                    if (proportion == null) {
                        assertTrue(shown == null || shown.isEmpty(), "a council without contacts has no share: " + shown);
                    } else {
                        assertEquals(((Number) proportion).doubleValue() * 100, number(shown), 1e-9);
                    }
                }
                assertEquals("true", browser.findElement(By.id("standard-funnel-" + code + "-chart")).getAttribute("data-chart-ready"), where);
                assertFalse(browser.findElements(By.cssSelector("#standard-funnel-" + code + "-table tbody tr")).isEmpty(), where);
            }
            assertTrue(browser.findElement(By.cssSelector(".download a[href*='table=standard-chart']")).getAttribute("href")
                    .contains("standard=email-reply"), "the CSV link keeps the filters");
            assertNoAccessibilityViolations(browser, "on the timeliness page with a control chart " + where);
        }
        browser.get(url("/dashboard/councils/northmoor/timeliness?" + RANGE + "&standard=no-such-standard"));
        assertTrue(browser.findElement(By.cssSelector(".error-summary")).getText().contains("Standard"), "a wrong standard is named");
        assertFalse(browser.findElements(By.cssSelector("#filter-standard option")).isEmpty(), "and can be chosen again");
        assertNoAccessibilityViolations(browser, "on the timeliness page with a wrong standard");
    }

    @Test
    void aFilterCanBeUsedWithTheKeyboardAloneAndLandsInTheAddress() {
        open("", RANGE);
        Actions keys = new Actions(browser);
        for (int i = 0; i < 40 && !"filter-channel".equals(browser.switchTo().activeElement().getAttribute("id")); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertEquals("filter-channel", browser.switchTo().activeElement().getAttribute("id"), "the channel filter is reachable by Tab");
        // All, Web, Face to face, Phone: three steps down
        keys.sendKeys(Keys.ARROW_DOWN).sendKeys(Keys.ARROW_DOWN).sendKeys(Keys.ARROW_DOWN).perform();
        keys.sendKeys(Keys.TAB).perform();
        assertEquals("submit", browser.switchTo().activeElement().getAttribute("type"), "Tab moves on to the button");
        keys.sendKeys(Keys.ENTER).perform();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("channel=phone"));
        assertTrue(browser.getCurrentUrl().contains("from=2025-01-01"), browser.getCurrentUrl());
        List<WebElement> rows = browser.findElements(By.cssSelector("#overview-table tbody tr"));
        long phone = rows.stream().filter(r -> r.findElements(By.tagName("td")).get(0).getText().equals("Phone")).count();
        assertEquals(3, phone, "waste, council tax and planning on the phone");
        for (WebElement row : rows) {
            assertTrue(List.of("Phone", "All channels").contains(row.findElements(By.tagName("td")).get(0).getText()),
                    "only the phone (and services' all-channel targets without responses): " + row.getText());
        }
        assertNoAccessibilityViolations(browser, "on the overview filtered to phone");
    }

    @Test
    void screenshotsOfTheMainPagesAreKeptForTheReadme() throws Exception {
        Path folder = Path.of(System.getProperty("user.dir")).getParent().resolve("docs").resolve("screenshots");
        Files.createDirectories(folder);
        Map<String, String> shots = Map.of(
                "dashboard-overview.png", "?" + RANGE,
                "dashboard-trend.png", "/trend?" + RANGE + "&service=waste",
                "dashboard-peers.png", "/peers?" + RANGE,
                "dashboard-dips.png", "/dips?" + RANGE + "&service=waste");
        for (Map.Entry<String, String> shot : shots.entrySet()) {
            String address = shot.getValue();
            int q = address.indexOf('?');
            open(address.substring(0, q), address.substring(q + 1));
            long height = (Long) Chromium.script(browser, "return document.documentElement.scrollHeight");
            browser.manage().window().setSize(new Dimension(1280, (int) Math.min(4000, height + 40)));
            Chromium.script(browser, "Chart && Object.values(Chart.instances).forEach(c => { c.resize(); c.update('none'); })");
            Files.write(folder.resolve(shot.getKey()), browser.getScreenshotAs(OutputType.BYTES));
            browser.manage().window().setSize(new Dimension(1280, 1024));
            assertTrue(Files.size(folder.resolve(shot.getKey())) > 10_000, shot.getKey());
        }
    }
}
