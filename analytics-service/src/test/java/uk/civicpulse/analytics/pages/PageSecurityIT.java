package uk.civicpulse.analytics.pages;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestProperties;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Forms posted by a signed-in officer need the page's token and must come from this site (forged posts get 403), and
 * every response carries the security headers.
 */
@MicronautTest(transactional = false)
@Property(name = "flyway.datasources.default.locations", value = "classpath:db/migration,classpath:db/demo")
@Property(name = "civic-pulse.demo.officers", value = "true")
@Property(name = "civic-pulse.demo.password", value = "test-password")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageSecurityIT implements TestPropertyProvider {

    private static final Pattern HIDDEN_TOKEN = Pattern.compile("/dashboard/sign-out\\?csrfToken=([^\"&]+)\"");

    private final TestDatabase database = TestDatabase.create("analytics_csrf");
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.of(database).newConsumerGroup("csrf").asMap();
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    private HttpResponse<String> signIn(String origin) throws Exception {
        return signIn(origin, "officer@northmoor");
    }

    private HttpResponse<String> signIn(String origin, String username) throws Exception {
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(url("/dashboard/sign-in")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username.replace("@", "%40") + "&password=test-password&next=%2Fdashboard"));
        if (origin != null) {
            post.header("Origin", origin);
        }
        return http.send(post.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String cookie() throws Exception {
        return signIn(url("")).headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    }

    private String tokenFromPage(String cookie) throws Exception {
        String page = http.send(HttpRequest.newBuilder(URI.create(url("/dashboard"))).header("Accept", "text/html").header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = HIDDEN_TOKEN.matcher(page);
        assertTrue(m.find(), "the sign-out form carries the token: " + page);
        return m.group(1);
    }

    /** Posts the sign-out form with the given query on its action address, as the page writes it ("csrfToken=..."). */
    private HttpResponse<String> signOut(String cookie, String query, Map<String, String> headers) throws Exception {
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(url("/dashboard/sign-out" + (query.isEmpty() ? "" : "?" + query))))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(""));
        headers.forEach(post::header);
        return http.send(post.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFormPostedWithoutTheTokenIsRefusedWithAProblem() throws Exception {
        HttpResponse<String> refused = signOut(cookie(), "", Map.of());
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), refused.headers().toString());
        assertTrue(refused.body().contains("security token is missing"), refused.body());
    }

    @Test
    void aFormPostedWithAWrongTokenIsRefused() throws Exception {
        String cookie = cookie();
        assertEquals(403, signOut(cookie, "csrfToken=forged", Map.of()).statusCode());
        assertEquals(403, signOut(cookie, "", Map.of("X-CSRF-Token", "forged")).statusCode());
        // Another officer's token does not fit this officer's cookie.
        String other = tokenFromPage(signIn(url(""), "council-admin@northmoor").headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0]);
        assertNotEquals(other, tokenFromPage(cookie));
        assertEquals(403, signOut(cookie, "csrfToken=" + other, Map.of()).statusCode());
    }

    @Test
    void theTokenFromThePageInTheFormsAddressOrInTheHeaderLetsThePostThrough() throws Exception {
        String cookie = cookie();
        String token = tokenFromPage(cookie);
        HttpResponse<String> field = signOut(cookie, "csrfToken=" + token, Map.of("Origin", url(""), "Sec-Fetch-Site", "same-origin"));
        assertEquals(303, field.statusCode(), field.body());
        HttpResponse<String> header = signOut(cookie, "", Map.of("X-CSRF-Token", token));
        assertEquals(303, header.statusCode(), header.body());
    }

    @Test
    void aPostFromAnotherSiteIsRefusedEvenWithTheRightToken() throws Exception {
        String cookie = cookie();
        String token = tokenFromPage(cookie);
        assertEquals(403, signOut(cookie, "csrfToken=" + token, Map.of("Origin", "https://evil.example")).statusCode());
        assertEquals(403, signOut(cookie, "csrfToken=" + token, Map.of("Sec-Fetch-Site", "cross-site")).statusCode());
        assertEquals(403, signOut(cookie, "csrfToken=" + token, Map.of("Origin", "null")).statusCode());
    }

    private static void assertSecurityHeaders(HttpResponse<String> r, String what) {
        String policy = r.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("default-src 'self'") && policy.contains("frame-ancestors 'none'") && !policy.contains("unsafe-inline"),
                what + ": " + policy);
        Map<String, String> expected = Map.of("X-Content-Type-Options", "nosniff", "Referrer-Policy", "same-origin",
                "Cross-Origin-Opener-Policy", "same-origin", "Cross-Origin-Resource-Policy", "same-origin", "X-Frame-Options", "DENY");
        expected.forEach((name, value) -> assertEquals(value, r.headers().firstValue(name).orElse(null), what + " " + name));
        assertTrue(r.headers().firstValue("Permissions-Policy").orElse("").contains("geolocation=()"), what);
        assertTrue(r.headers().firstValue("Strict-Transport-Security").isEmpty(), what + ": no HSTS unless ANALYTICS_HSTS says so");
    }

    @Test
    void pagesTheApiAndErrorsCarryTheSecurityHeadersAndSignedInAnswersAreNeverCached() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url("/dashboard/sign-in"))).build(), HttpResponse.BodyHandlers.ofString());
        assertSecurityHeaders(page, "sign-in page");
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(null));
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(url("/login"))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"officer@northmoor\",\"password\":\"test-password\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, api.statusCode(), api.body());
        assertSecurityHeaders(api, "login API");
        assertEquals("no-store", api.headers().firstValue("Cache-Control").orElse(null));
        HttpResponse<String> error = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/councils/northmoor/satisfaction")))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, error.statusCode());
        assertSecurityHeaders(error, "401 problem");
        assertEquals("no-store", error.headers().firstValue("Cache-Control").orElse(null));
        HttpResponse<String> forged = signOut(cookie(), "", Map.of());
        assertEquals(403, forged.statusCode());
        assertSecurityHeaders(forged, "CSRF 403 problem");
    }

    @Test
    void signingInNeedsNoTokenButMustComeFromThisSite() throws Exception {
        assertEquals(303, signIn(null).statusCode());
        assertEquals(303, signIn(url("")).statusCode());
        assertEquals(403, signIn("https://evil.example").statusCode());
    }
}
