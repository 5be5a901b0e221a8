package uk.civicpulse.survey.capture;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import uk.civicpulse.events.EventCodec;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.events.Topics;
import uk.civicpulse.testkit.TestKafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small helpers shared by the capture integration tests. */
final class Http {

    private Http() {
    }

    /** Sends the request and returns the response whatever its status, with the body as a JSON map. */
    static HttpResponse<Map<String, Object>> send(HttpClient client, HttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, Argument.mapOf(String.class, Object.class), Argument.mapOf(String.class, Object.class));
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<Map<String, Object>> response = (HttpResponse<Map<String, Object>>) e.getResponse();
            return response;
        }
    }

    static Map<String, Object> body(HttpResponse<Map<String, Object>> response) {
        return response.getBody(Argument.mapOf(String.class, Object.class)).orElse(Map.of());
    }

    static String contentType(HttpResponse<?> response) {
        return response.getContentType().map(Object::toString).orElse("");
    }

    @SuppressWarnings("unchecked")
    static List<String> errorFields(HttpResponse<Map<String, Object>> response) {
        List<Map<String, String>> errors = (List<Map<String, String>>) body(response).get("errors");
        return errors == null ? List.of() : errors.stream().map(e -> e.get("field")).toList();
    }

    static Map<String, Object> rating(String council, String service, String channel, String touchpoint, String scale, int score) {
        Map<String, Object> r = new HashMap<>();
        r.put("id", UUID.randomUUID().toString());
        r.put("council", council);
        r.put("service", service);
        r.put("channel", channel);
        r.put("touchpoint", touchpoint);
        r.put("scale", scale);
        r.put("score", score);
        return r;
    }

    static Map<String, Object> webRating(String touchpoint) {
        return rating("northmoor", "waste", "web", touchpoint, "faces-3", 3);
    }

    /** Reads the ratings topic from the start until every wanted id has been seen; returns every rating read, in order. */
    static List<RatingSubmitted> readTopicUntil(Set<UUID> wanted) {
        List<RatingSubmitted> all = new ArrayList<>();
        Set<UUID> seen = new java.util.HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "capture-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.RATINGS_V1.name()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!seen.containsAll(wanted) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    // the topic also carries later answers (RatingEnriched), put there by other tests
                    org.apache.kafka.common.header.Header type = r.headers().lastHeader(uk.civicpulse.events.EventTypes.HEADER);
                    if (type != null && !uk.civicpulse.events.EventTypes.RATING_SUBMITTED_V1.equals(
                            new String(type.value(), java.nio.charset.StandardCharsets.UTF_8))) {
                        continue;
                    }
                    RatingSubmitted rating = EventCodec.decode(r.value(), RatingSubmitted.class);
                    all.add(rating);
                    seen.add(rating.id());
                }
            }
        }
        assertTrue(seen.containsAll(wanted), "not on the topic: " + wanted);
        return all;
    }
}
