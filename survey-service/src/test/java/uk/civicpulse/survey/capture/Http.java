package uk.civicpulse.survey.capture;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
}
