package uk.civicpulse.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.civicpulse.stack.LoopbackPorts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ratings flow while the broker restarts, analytics-service is killed mid-batch and restarted, and PostgreSQL
 * restarts; clients retry with the same ids, as the widget and kiosk do. Every accepted rating is counted exactly
 * once. CI runs 20,000 ratings; {@code -Dcivic-pulse.fault.ratings=200000} runs the full size.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultToleranceIT {

    private static final int RATINGS = Integer.getInteger("civic-pulse.fault.ratings", 20_000);
    private static final int SENDERS = 8;
    private static final String PASSWORD = "fault-password";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicLong retries = new AtomicLong();
    private ProductStack stack;

    @BeforeAll
    void startTheProduct() throws IOException {
        Path root = Path.of(System.getProperty("civic-pulse.root", "../..")).toAbsolutePath().normalize();
        stack = new ProductStack(new ProductStack.Settings(root, Files.createTempDirectory("civic-pulse-faults"), false,
                LoopbackPorts.free(), LoopbackPorts.free(), 0, PASSWORD))
                // Thousands of ratings from one address to one page: not what the rate limit is tested by here.
                .withSurveyEnvironment(Map.of("SURVEY_RATE_LIMIT_WEB_CAPACITY", "1000000"))
                .start();
    }

    @AfterAll
    void stopTheProduct() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void countsEveryAcceptedRatingExactlyOnceThroughBrokerAnalyticsAndDatabaseRestarts() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < RATINGS; i++) {
            ids.add(UUID.randomUUID());
        }
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        List<Future<?>> done = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            List<UUID> mine = ids.subList(s * RATINGS / SENDERS, (s + 1) * RATINGS / SENDERS);
            done.add(senders.submit(() -> {
                for (UUID id : mine) {
                    sendUntilAccepted(id);
                }
                return null;
            }));
        }

        awaitAccepted(RATINGS / 4);
        // longer than survey-service's 5 s acknowledgement timeout: clients get 503 and must retry
        stack.broker().stop();
        Thread.sleep(8000);
        stack.broker().start();

        awaitAccepted(RATINGS / 2);
        stack.crashAndRestartAnalytics();

        awaitAccepted(3 * RATINGS / 4);
        stack.postgres().restart();

        for (Future<?> f : done) {
            f.get(10, TimeUnit.MINUTES);
        }
        senders.shutdown();
        assertEquals(RATINGS, accepted.get());

        // the first requests after the database restart may find the pool's old connections broken
        String token = await().atMost(2, TimeUnit.MINUTES).pollInterval(Duration.ofSeconds(1)).until(this::login, t -> t != null);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        URI slice = stack.analytics().baseUri().resolve("/api/v1/councils/northmoor/satisfaction?from="
                + today.minusDays(1) + "&to=" + today.plusDays(1));
        await().atMost(5, TimeUnit.MINUTES).pollInterval(Duration.ofSeconds(1)).until(() -> total(slice, token) >= RATINGS);
        Thread.sleep(2000); // a duplicate would have been counted by now
        assertEquals(RATINGS, total(slice, token));
        try (Connection c = stack.postgres().connect(ProductStack.ANALYTICS_DATABASE); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT id) FROM rating")) {
            rs.next();
            assertEquals(RATINGS, rs.getLong(1));
            assertEquals(RATINGS, rs.getLong(2));
        }
        System.out.printf("fault run: %d ratings accepted, %d retries, all counted once%n", RATINGS, retries.get());
        assertTrue(retries.get() > 0, "the broker outage should have made clients retry");
    }

    private void sendUntilAccepted(UUID id) throws Exception {
        byte[] body = json.writeValueAsBytes(Map.of("id", id.toString(), "council", "northmoor", "service", "waste",
                "channel", "web", "touchpoint", "/bins", "scale", "faces-3", "score", 1 + Math.abs(id.hashCode()) % 3));
        while (true) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(stack.survey().baseUri().resolve("/api/v1/ratings"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    accepted.incrementAndGet();
                    return;
                }
                if (response.statusCode() != 503) {
                    throw new AssertionError("unexpected " + response.statusCode() + ": " + response.body());
                }
            } catch (IOException e) {
                // the connection broke: the client cannot know whether the rating arrived, so it sends it again
            }
            retries.incrementAndGet();
            Thread.sleep(200);
        }
    }

    private void awaitAccepted(int count) {
        await().atMost(10, TimeUnit.MINUTES).pollInterval(Duration.ofMillis(100)).until(() -> accepted.get() >= count);
    }

    private String login() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(stack.analytics().baseUri().resolve("/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(Map.of("username", "admin@civic-pulse", "password", PASSWORD))))
                .build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? json.readTree(response.body()).get("access_token").asText() : null;
    }

    private long total(URI slice, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(slice).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return -1;
        }
        JsonNode rows = json.readTree(response.body()).get("rows");
        return rows.size() == 0 ? 0 : rows.get(0).get("n").asLong();
    }

}
