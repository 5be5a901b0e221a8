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
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestProperties;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Officers create, change and delete "you said, we did" actions for their own council only; the public page shows them. */
@MicronautTest(transactional = false)
@Property(name = "flyway.datasources.default.locations", value = "classpath:db/migration,classpath:db/demo")
@Property(name = "civic-pulse.demo.officers", value = "true")
@Property(name = "civic-pulse.demo.password", value = "test-password")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionsIT implements TestPropertyProvider {

    private final TestDatabase database = TestDatabase.create("analytics_actions");
    private final HttpClient http = HttpClient.newHttpClient();
    private String westshire;
    private String northmoor;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.of(database).newConsumerGroup("actions").asMap();
    }

    @BeforeAll
    void signIn() throws Exception {
        westshire = PublicFixtures.signIn(url(""), "officer@westshire", "test-password");
        northmoor = PublicFixtures.signIn(url(""), "officer@northmoor", "test-password");
    }

    @AfterAll
    void drop() {
        database.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(java.time.Duration.ofSeconds(60)).header("Accept", "text/html");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The form token a signed-in officer's pages carry (the sign-out form in the layout has it in its action). */
    private String csrfTokenOf(String cookie) throws Exception {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("csrfToken=([^\"&]+)\"")
                .matcher(get("/dashboard", cookie).body());
        if (!m.find()) {
            throw new AssertionError("no csrfToken on the signed-in home page");
        }
        return m.group(1);
    }

    /** Posts the form as the officer's browser would: with the page's token when signed in. */
    private HttpResponse<String> post(String path, String cookie, Map<String, String> fields) throws Exception {
        Map<String, String> form = new LinkedHashMap<>(fields);
        String address = path;
        if (cookie != null) { // the token goes in the form's action address, as the pages write it
            address += (path.contains("?") ? "&" : "?") + "csrfToken="
                    + java.net.URLEncoder.encode(csrfTokenOf(cookie), java.nio.charset.StandardCharsets.UTF_8);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(address))).timeout(java.time.Duration.ofSeconds(60)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(PublicFixtures.form(form)));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> action(String youSaid, String weDid, String youSaidCy, String weDidCy) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrfToken", "");
        form.put("service", "libraries");
        form.put("youSaidEn", youSaid);
        form.put("weDidEn", weDid);
        form.put("youSaidCy", youSaidCy);
        form.put("weDidCy", weDidCy);
        form.put("doneOn", "2026-03-15");
        form.put("published", "true");
        return form;
    }

    /** The id of the action whose English "you said" text is given, from the officer's list. */
    private long idOf(String youSaid) throws Exception {
        String list = get("/dashboard/councils/westshire/actions", westshire).body();
        int at = list.indexOf(youSaid);
        assertTrue(at >= 0, list);
        Matcher m = Pattern.compile("/dashboard/councils/westshire/actions/(\\d+)").matcher(list.substring(at));
        assertTrue(m.find());
        return Long.parseLong(m.group(1));
    }

    @Test
    void anOfficerAddsAnActionThatThePublicPageShowsInEnglishAndWelsh() throws Exception {
        HttpResponse<String> created = post("/dashboard/councils/westshire/actions", westshire,
                action("Library opening hours are too short", "We now open until 7pm on Thursdays",
                        "Mae oriau agor y llyfrgell yn rhy fyr", "Rydym bellach ar agor tan 7pm ar ddydd Iau"));
        assertEquals(303, created.statusCode(), created.body());
        assertEquals("/dashboard/councils/westshire/actions?saved=created", created.headers().firstValue("Location").orElseThrow());
        assertTrue(get("/dashboard/councils/westshire/actions?saved=created", westshire).body().contains("Action added."));

        String english = get("/public/councils/westshire", null).body();
        assertTrue(english.contains("We now open until 7pm on Thursdays"), english);
        String welsh = get("/public/councils/westshire?lang=cy", null).body();
        assertTrue(welsh.contains("Rydym bellach ar agor tan 7pm ar ddydd Iau"));
        assertFalse(welsh.contains("We now open until 7pm on Thursdays"));
    }

    @Test
    void anActionWithoutWelshIsShownInEnglishOnTheWelshPageMarkedAsEnglish() throws Exception {
        HttpResponse<String> created = post("/dashboard/councils/westshire/actions", westshire,
                action("Forms are hard to find", "We put them on the home page", "", ""));
        assertEquals(303, created.statusCode(), created.body());
        String welsh = get("/public/councils/westshire?lang=cy", null).body();
        assertTrue(welsh.contains("<dd lang=\"en\">We put them on the home page</dd>"), welsh);
        assertTrue(welsh.contains("(yn Saesneg yn unig)"));
    }

    @Test
    void mistakesAreShownOnTheFormWithAnErrorSummaryLinkedToEachField() throws Exception {
        HttpResponse<String> refused = post("/dashboard/councils/westshire/actions", westshire,
                action("", "Something", "Rhywbeth", ""));
        assertEquals(422, refused.statusCode());
        String page = refused.body();
        assertTrue(page.contains("class=\"error-summary\""), page);
        assertTrue(page.contains("<a href=\"#youSaidEn\">Enter what residents said, in English</a>"), page);
        assertTrue(page.contains("<a href=\"#weDidCy\">Enter both Welsh texts, or neither</a>"), page);
        assertTrue(page.matches("(?s).*id=\"youSaidEn\"[^>]*aria-invalid=\"true\".*"), "the field is marked invalid");
        assertTrue(page.contains("<title>Error: You said, we did"), "the title says there is an error");
        assertTrue(page.contains(">Rhywbeth</textarea>"), "what the officer typed is kept");
        assertTrue(post("/dashboard/councils/westshire/actions", westshire, action("x", "y", "", "")).statusCode() == 303);
        HttpResponse<String> badDate = post("/dashboard/councils/westshire/actions", westshire,
                new LinkedHashMap<>(Map.of("youSaidEn", "a", "weDidEn", "b", "doneOn", "31/02/2026")));
        assertEquals(422, badDate.statusCode());
        assertTrue(badDate.body().contains("<a href=\"#doneOn\">"));
    }

    @Test
    void anOfficerChangesAndDeletesTheirCouncilsAction() throws Exception {
        post("/dashboard/councils/westshire/actions", westshire, action("Queues at the register office", "We added a second desk", "", ""));
        long id = idOf("Queues at the register office");
        Map<String, String> changed = action("Queues at the register office", "We added a second desk on Mondays", "", "");
        changed.remove("published");
        HttpResponse<String> updated = post("/dashboard/councils/westshire/actions/" + id, westshire, changed);
        assertEquals(303, updated.statusCode(), updated.body());
        String edit = get("/dashboard/councils/westshire/actions/" + id, westshire).body();
        assertTrue(edit.contains("We added a second desk on Mondays"));
        assertFalse(get("/public/councils/westshire", null).body().contains("second desk"), "an unpublished action is not public");

        assertEquals(303, post("/dashboard/councils/westshire/actions/" + id + "/delete", westshire, Map.of("csrfToken", "")).statusCode());
        assertEquals(404, get("/dashboard/councils/westshire/actions/" + id, westshire).statusCode());
    }

    @Test
    void anOfficerOfAnotherCouncilCannotSeeChangeOrDeleteTheAction() throws Exception {
        post("/dashboard/councils/westshire/actions", westshire, action("Potholes on the B4520", "We resurfaced it", "", ""));
        long id = idOf("Potholes on the B4520");
        assertEquals(403, get("/dashboard/councils/westshire/actions", northmoor).statusCode());
        assertEquals(403, post("/dashboard/councils/westshire/actions/" + id, northmoor,
                action("Potholes on the B4520", "Hacked", "", "")).statusCode());
        assertEquals(403, post("/dashboard/councils/westshire/actions/" + id + "/delete", northmoor, Map.of()).statusCode());
        assertEquals(403, post("/dashboard/councils/westshire/actions", northmoor, action("a", "b", "", "")).statusCode());
        // through their own council's address, the other council's action does not exist
        assertEquals(404, post("/dashboard/councils/northmoor/actions/" + id, northmoor, action("Potholes", "Hacked", "", "")).statusCode());
        assertEquals(404, post("/dashboard/councils/northmoor/actions/" + id + "/delete", northmoor, Map.of()).statusCode());
        assertEquals(404, get("/dashboard/councils/northmoor/actions/" + id, northmoor).statusCode());
        String list = get("/dashboard/councils/westshire/actions", westshire).body();
        assertTrue(list.contains("We resurfaced it") && !list.contains("Hacked"), list);
        assertFalse(get("/public/councils/northmoor", null).body().contains("Potholes"));
    }

    @Test
    void withoutSigningInTheFormIsNotReachable() throws Exception {
        HttpResponse<String> page = get("/dashboard/councils/westshire/actions", null);
        assertEquals(303, page.statusCode());
        assertTrue(page.headers().firstValue("Location").orElse("").startsWith("/dashboard/sign-in"));
        HttpResponse<String> posted = post("/dashboard/councils/westshire/actions", null, action("a", "b", "", ""));
        assertTrue(posted.statusCode() == 401 || posted.statusCode() == 303, "status " + posted.statusCode());
        assertFalse(get("/dashboard/councils/westshire/actions", westshire).body().contains(">a</td>"));
    }
}
