package uk.civicpulse.survey.widget;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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

import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** survey-service serves the widget at versioned, immutable URLs with the integrity hashes councils put in their pages. */
@MicronautTest(transactional = false)
@Property(name = "flyway.datasources.default.locations", value = "classpath:db/migration,classpath:db/demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WidgetServingIT implements TestPropertyProvider {

    private final TestDatabase database = TestDatabase.create("survey_widget_serving");

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

    @Test
    void scriptAndStylesAreImmutableForAYearAndMatchThePublishedIntegrityHashes() throws Exception {
        Map<?, ?> integrity = client.toBlocking().retrieve(HttpRequest.GET("/widget/v1/integrity.json"), Map.class);
        for (String file : new String[]{"widget.js", "widget.css", "kiosk.js"}) {
            HttpResponse<byte[]> r = client.toBlocking().exchange(HttpRequest.GET("/widget/v1/" + file), byte[].class);
            assertEquals("public, max-age=31536000, immutable", r.header("Cache-Control"), file);
            assertEquals("*", r.header("Access-Control-Allow-Origin"), file + " is readable by a page using SRI");
            String sha384 = "sha384-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-384").digest(r.body()));
            assertEquals(sha384, integrity.get(file), file);
        }
        assertTrue(client.toBlocking().exchange(HttpRequest.GET("/widget/v1/widget.js"), String.class).header("Content-Type").startsWith("text/javascript"));
    }

    @Test
    void theDemoPageEmbedsTheWidgetWithItsIntegrityHashUnderAStrictPolicy() {
        HttpResponse<String> r = client.toBlocking().exchange(HttpRequest.GET("/widget/v1/demo.html"), String.class);
        Map<?, ?> integrity = client.toBlocking().retrieve(HttpRequest.GET("/widget/v1/integrity.json"), Map.class);
        assertTrue(r.body().contains("integrity=\"" + integrity.get("widget.js") + "\""), r.body());
        assertTrue(r.header("Content-Security-Policy").contains("script-src 'self'"));
        assertTrue(!r.header("Content-Security-Policy").contains("unsafe-inline"));
    }

    @Test
    void anUnknownWidgetFileIsA404Problem() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/widget/v1/../../application.yml"), String.class));
        assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
        HttpClientResponseException e2 = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/widget/v1/secret.txt"), String.class));
        assertEquals(HttpStatus.NOT_FOUND, e2.getStatus());
        assertEquals("application/problem+json", e2.getResponse().getContentType().orElseThrow().toString());
    }

    @Test
    void aKioskPageRatesTheServiceAndKeepsTheIntervalTheCouncilSetForThatKiosk() {
        // demo seed: Northmoor's Central Library kiosk rates libraries, with 5 s between counted presses
        String page = client.toBlocking().retrieve(HttpRequest.GET("/kiosk/northmoor/central-library"), String.class);
        assertTrue(page.contains("data-service=\"libraries\""), page);
        assertTrue(page.contains("data-interval-seconds=\"5.0\""), page);
        // a service named in the address still wins
        String waste = client.toBlocking().retrieve(HttpRequest.GET("/kiosk/northmoor/central-library?service=waste"), String.class);
        assertTrue(waste.contains("data-service=\"waste\""));
    }
}
