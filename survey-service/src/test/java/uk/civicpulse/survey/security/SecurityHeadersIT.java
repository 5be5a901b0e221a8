package uk.civicpulse.survey.security;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestProperties;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** survey-service's responses carry the security headers; the widget's files stay loadable by councils' own pages. */
@MicronautTest(transactional = false)
@Property(name = "flyway.datasources.default.locations", value = "classpath:db/migration,classpath:db/demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersIT implements TestPropertyProvider {

    private final TestDatabase database = TestDatabase.create("survey_security_headers");

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.of(database).asMap();
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    private static void assertCommonHeaders(HttpResponse<?> r, String what) {
        assertEquals("nosniff", r.header("X-Content-Type-Options"), what);
        assertEquals("same-origin", r.header("Referrer-Policy"), what);
        assertTrue(r.header("Permissions-Policy").contains("camera=()"), what);
        assertNull(r.header("Strict-Transport-Security"), what + ": no HSTS unless SURVEY_HSTS says so");
    }

    private static void assertPageHeaders(HttpResponse<?> r, String what) {
        assertCommonHeaders(r, what);
        String policy = r.header("Content-Security-Policy");
        assertTrue(policy.contains("frame-ancestors 'none'") && policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), what + ": " + policy);
        assertEquals("same-origin", r.header("Cross-Origin-Opener-Policy"), what);
        assertEquals("same-origin", r.header("Cross-Origin-Resource-Policy"), what);
        assertEquals("DENY", r.header("X-Frame-Options"), what);
    }

    @Test
    void thePagesTheApiAndErrorsCarryTheSecurityHeaders() {
        assertPageHeaders(client.toBlocking().exchange(HttpRequest.GET("/kiosk/northmoor/reception?service=waste"), String.class), "kiosk page");
        assertPageHeaders(client.toBlocking().exchange(HttpRequest.GET("/api/v1/councils"), String.class), "API");
        HttpClientResponseException error = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/api/v1/councils/atlantis/capture-settings"), String.class));
        assertEquals(404, error.getStatus().getCode());
        assertPageHeaders(error.getResponse(), "404 problem");
    }

    @Test
    void theWidgetFilesMayBeLoadedByACouncilsPage() {
        for (String file : new String[]{"widget.js", "widget.css"}) {
            HttpResponse<String> r = client.toBlocking().exchange(HttpRequest.GET("/widget/v1/" + file), String.class);
            assertCommonHeaders(r, file);
            assertEquals("cross-origin", r.header("Cross-Origin-Resource-Policy"), file);
            assertEquals("public, max-age=31536000, immutable", r.header("Cache-Control"), file + " keeps its own caching");
        }
    }

    @Test
    void theStaffApiIsNeverCached() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/api/v1/admin/councils/northmoor/capture-settings"), String.class));
        assertEquals(401, e.getStatus().getCode());
        assertEquals("no-store", e.getResponse().header("Cache-Control"));
        assertPageHeaders(e.getResponse(), "401 problem");
    }
}
