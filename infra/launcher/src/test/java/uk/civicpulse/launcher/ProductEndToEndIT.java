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
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The product as the launcher runs it: both services as their packaged jars in their own JVMs, a real Kafka broker
 * and a real PostgreSQL. Ratings go in at survey-service and come out of analytics-service's API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductEndToEndIT {

    private static final String PASSWORD = "e2e-password";
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private ProductStack stack;

    @BeforeAll
    void startTheProduct() throws IOException {
        Path root = Path.of(System.getProperty("civic-pulse.root", "../..")).toAbsolutePath().normalize();
        stack = new ProductStack(new ProductStack.Settings(root, Files.createTempDirectory("civic-pulse-e2e"), false,
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
    void aRatingTravelsFromSurveyServiceThroughKafkaIntoTheAnalyticsApiOnce() throws Exception {
        URI survey = stack.survey().baseUri();
        String resubmitted = UUID.randomUUID().toString();
        int satisfied = 0;
        for (int i = 0; i < 12; i++) {
            String id = i == 0 ? resubmitted : UUID.randomUUID().toString();
            int score = i < 9 ? 3 : 1;
            satisfied += score == 3 ? 1 : 0;
            assertEquals(202, post(survey.resolve("/api/v1/ratings"), rating(id, score), null).statusCode());
        }
        // the client did not hear the first answer and sends the same rating again: accepted, counted once
        assertEquals(202, post(survey.resolve("/api/v1/ratings"), rating(resubmitted, 3), null).statusCode());
        // an invalid rating is refused and never counted
        HttpResponse<String> invalid = post(survey.resolve("/api/v1/ratings"), rating(UUID.randomUUID().toString(), 7), null);
        assertEquals(422, invalid.statusCode());
        assertEquals("score", json.readTree(invalid.body()).get("errors").get(0).get("field").asText());

        URI analytics = stack.analytics().baseUri();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        URI slice = analytics.resolve("/api/v1/councils/northmoor/satisfaction?from=" + today.minusDays(1) + "&to=" + today.plusDays(1) + "&by=service,channel");

        assertEquals(401, get(slice, null).statusCode());

        HttpResponse<String> login = post(analytics.resolve("/login"), Map.of("username", "officer@northmoor", "password", PASSWORD), null);
        assertEquals(200, login.statusCode(), login.body());
        String token = json.readTree(login.body()).get("access_token").asText();

        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonNode rows = json.readTree(get(slice, token).body()).get("rows");
            return rows.size() == 1 && rows.get(0).get("n").asLong() >= 12;
        });
        Thread.sleep(1000); // a late duplicate or invalid rating would have arrived by now
        JsonNode row = json.readTree(get(slice, token).body()).get("rows").get(0);
        assertEquals(12, row.get("n").asLong());
        assertEquals(satisfied, row.get("satisfied").asLong());
        assertEquals("waste", row.get("group").get("service").asText());
        assertEquals("web", row.get("group").get("channel").asText());
        assertEquals("wilson", row.get("method").asText());
        assertEquals("percent_satisfied", row.get("metric").asText());
        // R 4.2.2: prop.test(9, 12, correct = FALSE)$conf.int -> 0.467694665066434 0.911058331605945
        assertEquals(0.467694665066434, row.get("lower").asDouble(), 1e-12);
        assertEquals(0.911058331605945, row.get("upper").asDouble(), 1e-12);
        assertEquals("too few responses", row.get("label").asText());
    }

    @Test
    void aStaffTokenIssuedByAnalyticsIsAcceptedBySurveyServiceThroughTheSharedSecret() throws Exception {
        HttpResponse<String> login = post(stack.analytics().baseUri().resolve("/login"),
                Map.of("username", "officer@northmoor", "password", PASSWORD), null);
        assertEquals(200, login.statusCode(), login.body());
        String token = json.readTree(login.body()).get("access_token").asText();
        URI own = stack.survey().baseUri().resolve("/api/v1/admin/councils/northmoor/capture-settings");
        assertEquals(401, get(own, null).statusCode());
        HttpResponse<String> read = get(own, token);
        assertEquals(200, read.statusCode(), read.body());
        assertEquals("northmoor-contact-centre", json.readTree(read.body()).get("ivrLines").get(0).get("line").asText());
        assertEquals(403, get(stack.survey().baseUri().resolve("/api/v1/admin/councils/eastbrook/capture-settings"), token).statusCode());
    }

    private Map<String, Object> rating(String id, int score) {
        Map<String, Object> r = new HashMap<>();
        r.put("id", id);
        r.put("council", "northmoor");
        r.put("service", "waste");
        r.put("channel", "web");
        r.put("touchpoint", "/bins");
        r.put("scale", "faces-3");
        r.put("score", score);
        r.put("reasons", List.of());
        return r;
    }

    private HttpResponse<String> post(URI uri, Object body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(URI uri, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
