package uk.civicpulse.survey.ratings;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
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

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@Property(name = "flyway.datasources.default.locations", value = "classpath:db/migration,classpath:db/demo")
@Property(name = "civic-pulse.kafka.ack-timeout", value = "1s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerDownIT implements TestPropertyProvider {

    private final TestDatabase database = TestDatabase.create("survey_broker_down");

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.of(database)
                .with("civic-pulse.kafka.bootstrap-servers", "127.0.0.1:" + closedPort())
                .asMap();
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @Test
    void answers503WithRetryAfterWhenTheBrokerCannotBeReached() {
        long start = System.nanoTime();
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.POST("/api/v1/ratings", RatingsApiIT.validRating(UUID.randomUUID().toString())),
                Argument.of(Map.class), Argument.of(Map.class)));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(HttpStatus.SERVICE_UNAVAILABLE, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        assertTrue(Integer.parseInt(e.getResponse().getHeaders().get("Retry-After")) >= 1);
        assertTrue(tookMs < 10_000, "answered in " + tookMs + " ms");
    }

    @Test
    void aBatchGets503WithRetryAfterAsAWholeWhenTheBrokerCannotBeReached() {
        Map<String, Object> invalid = RatingsApiIT.validRating(UUID.randomUUID().toString());
        invalid.put("score", 9);
        Map<String, Object> body = Map.of("ratings", List.of(
                RatingsApiIT.validRating(UUID.randomUUID().toString()), invalid, RatingsApiIT.validRating(UUID.randomUUID().toString())));
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.POST("/api/v1/ratings/batch", body), Argument.of(Map.class), Argument.of(Map.class)));
        // No per-item results: nothing is claimed as accepted when the broker has not acknowledged it.
        assertEquals(HttpStatus.SERVICE_UNAVAILABLE, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        assertTrue(Integer.parseInt(e.getResponse().getHeaders().get("Retry-After")) >= 1);
        assertFalse(e.getResponse().getBody(Map.class).orElseThrow().containsKey("results"));
    }

    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
