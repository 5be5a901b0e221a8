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
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A page whose template fails answers at once with a 500 page instead of leaving the browser waiting. */
@MicronautTest(transactional = false)
@Property(name = "civic-pulse.test.broken-page", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageRenderingIT implements TestPropertyProvider {

    private final TestDatabase database = TestDatabase.create("analytics_page_rendering");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.of(database).newConsumerGroup("page-rendering").asMap();
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .header("Accept", "text/html").timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTemplateThatFailsWhileRenderingGivesA500PageInsteadOfNoAnswer() throws Exception {
        HttpResponse<String> response = get("/test/broken-page");
        assertEquals(500, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(response.body().contains("Sorry, there is a problem with this page"), response.body());
    }

    @Test
    void aTemplateThatRendersIsSentWhole() throws Exception {
        HttpResponse<String> response = get("/dashboard/sign-in");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("</html>"));
    }
}
