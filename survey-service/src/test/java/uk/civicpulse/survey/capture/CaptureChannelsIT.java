package uk.civicpulse.survey.capture;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.civicpulse.events.Channel;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.survey.phone.IvrSignature;
import uk.civicpulse.survey.settings.CaptureSettings;
import uk.civicpulse.testkit.RatingsTopic;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestProperties;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.civicpulse.survey.capture.Http.body;
import static uk.civicpulse.survey.capture.Http.contentType;
import static uk.civicpulse.survey.capture.Http.errorFields;
import static uk.civicpulse.survey.capture.Http.send;
import static uk.civicpulse.survey.capture.Http.webRating;

/**
 * The hardened capture API against a real broker and database: CORS per council, the rate limit, the batch endpoint,
 * the IVR webhook and agent-entered ratings.
 */
@MicronautTest(transactional = false)
@Property(name = "flyway.datasources.default.locations", value = "classpath:db/migration,classpath:db/demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaptureChannelsIT implements TestPropertyProvider {

    static final String NORTHMOOR_SITE = "https://www.northmoor.gov.uk";
    static final int WEB_CAPACITY = 3;
    static final int KIOSK_CAPACITY = 6;

    private final TestDatabase database = TestDatabase.create("survey_capture");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    @Inject
    CaptureSettings settings;

    @Inject
    TokenGenerator tokens;

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.of(database)
                .with("civic-pulse.rate-limit.web.capacity", WEB_CAPACITY)
                .with("civic-pulse.rate-limit.web.refill-tokens", "1")
                .with("civic-pulse.rate-limit.web.refill-period", "1h")
                .with("civic-pulse.rate-limit.kiosk.capacity", KIOSK_CAPACITY)
                .with("civic-pulse.rate-limit.kiosk.refill-tokens", "1")
                .with("civic-pulse.rate-limit.kiosk.refill-period", "1h")
                .asMap();
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    /** Northmoor alone allows its own site; every demo council allows the launcher's origins. */
    private void allowNorthmoorSiteOnlyForNorthmoor() throws Exception {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl()); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO council_allowed_origin VALUES ('northmoor', '" + NORTHMOOR_SITE + "') ON CONFLICT DO NOTHING");
        }
        settings.reload();
    }

    private static String touchpoint() {
        return "/page/" + UUID.randomUUID();
    }

    @Test
    void anAllowedOriginGetsCorsHeadersAndItsRatingIsAccepted() throws Exception {
        allowNorthmoorSiteOnlyForNorthmoor();
        Map<String, Object> rating = webRating(touchpoint());
        HttpResponse<Map<String, Object>> response = send(client, HttpRequest.POST("/api/v1/ratings", rating)
                .header(HttpHeaders.ORIGIN, NORTHMOOR_SITE));
        assertEquals(HttpStatus.ACCEPTED, response.status());
        assertEquals(NORTHMOOR_SITE, response.getHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
        assertTrue(response.getHeaders().getAll(HttpHeaders.VARY).toString().contains("Origin"));
    }

    @Test
    void aPreflightIsAnsweredForAnOriginSomeCouncilAllowsAndRefusedForOthers() throws Exception {
        allowNorthmoorSiteOnlyForNorthmoor();
        HttpResponse<Map<String, Object>> allowed = send(client, HttpRequest.OPTIONS("/api/v1/ratings/batch")
                .header(HttpHeaders.ORIGIN, NORTHMOOR_SITE)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type"));
        assertTrue(allowed.status().getCode() < 300, allowed.status().toString());
        assertEquals(NORTHMOOR_SITE, allowed.getHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
        assertTrue(allowed.getHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS).contains("POST"));
        assertTrue(allowed.getHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS).toLowerCase().contains("content-type"));

        HttpResponse<Map<String, Object>> refused = send(client, HttpRequest.OPTIONS("/api/v1/ratings")
                .header(HttpHeaders.ORIGIN, "https://ballot-stuffer.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST"));
        assertEquals(HttpStatus.FORBIDDEN, refused.status());
        assertNull(refused.getHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
    }

    @Test
    void aPostFromAnOriginItsCouncilHasNotAllowedIsRefusedWithoutCorsHeadersAndNotProduced() throws Exception {
        allowNorthmoorSiteOnlyForNorthmoor();
        // Northmoor's site is allowed by Northmoor, not by Eastbrook: a rating for Eastbrook from it is refused.
        Map<String, Object> forEastbrook = Http.rating("eastbrook", "waste", "web", touchpoint(), "buttons-4", 4);
        HttpResponse<Map<String, Object>> otherCouncil = send(client, HttpRequest.POST("/api/v1/ratings", forEastbrook)
                .header(HttpHeaders.ORIGIN, NORTHMOOR_SITE));
        assertEquals(HttpStatus.FORBIDDEN, otherCouncil.status());
        assertEquals("application/problem+json", contentType(otherCouncil));
        assertNull(otherCouncil.getHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));

        Map<String, Object> fromNowhere = webRating(touchpoint());
        HttpResponse<Map<String, Object>> unknown = send(client, HttpRequest.POST("/api/v1/ratings", fromNowhere)
                .header(HttpHeaders.ORIGIN, "https://ballot-stuffer.example"));
        assertEquals(HttpStatus.FORBIDDEN, unknown.status());
        assertEquals(403, body(unknown).get("status"));
        assertNull(unknown.getHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));

        // Later ratings of the same councils are read; the refused ones, produced earlier if at all, must not be there.
        Map<String, Object> eastbrookSentinel = Http.rating("eastbrook", "waste", "web", touchpoint(), "buttons-4", 4);
        Map<String, Object> northmoorSentinel = webRating(touchpoint());
        assertEquals(HttpStatus.ACCEPTED, send(client, HttpRequest.POST("/api/v1/ratings", eastbrookSentinel)).status());
        assertEquals(HttpStatus.ACCEPTED, send(client, HttpRequest.POST("/api/v1/ratings", northmoorSentinel)).status());
        Set<UUID> onTopic = RatingsTopic.ratingsUntilSeen(Set.of(id(eastbrookSentinel), id(northmoorSentinel))).stream()
                .map(RatingSubmitted::id).collect(Collectors.toSet());
        assertFalse(onTopic.contains(id(forEastbrook)));
        assertFalse(onTopic.contains(id(fromNowhere)));
    }

    @Test
    void postsWithoutAnOriginOrFromSurveyServicesOwnOriginStillWork() {
        HttpResponse<Map<String, Object>> noOrigin = send(client, HttpRequest.POST("/api/v1/ratings", webRating(touchpoint())));
        assertEquals(HttpStatus.ACCEPTED, noOrigin.status());
        String own = "http://" + server.getHost() + ":" + server.getPort();
        HttpResponse<Map<String, Object>> sameOrigin = send(client, HttpRequest.POST("/api/v1/ratings", webRating(touchpoint()))
                .header(HttpHeaders.ORIGIN, own));
        assertEquals(HttpStatus.ACCEPTED, sameOrigin.status(), own);
    }

    @Test
    void oneClientAtOneTouchpointIsLimitedWith429AndRetryAfter() {
        String page = touchpoint();
        for (int i = 0; i < WEB_CAPACITY; i++) {
            assertEquals(HttpStatus.ACCEPTED, send(client, HttpRequest.POST("/api/v1/ratings", webRating(page))).status(), "rating " + i);
        }
        HttpResponse<Map<String, Object>> limited = send(client, HttpRequest.POST("/api/v1/ratings", webRating(page)));
        assertEquals(HttpStatus.TOO_MANY_REQUESTS, limited.status());
        assertEquals("application/problem+json", contentType(limited));
        long retryAfter = Long.parseLong(limited.getHeaders().get(HttpHeaders.RETRY_AFTER));
        // One token per hour refills: the wait is up to an hour, and at least a second.
        assertTrue(retryAfter >= 1 && retryAfter <= 3600, "Retry-After " + retryAfter);
        // Another page is another bucket.
        assertEquals(HttpStatus.ACCEPTED, send(client, HttpRequest.POST("/api/v1/ratings", webRating(touchpoint()))).status());
    }

    @Test
    void aKioskHasItsOwnLargerLimit() {
        String kiosk = "civic-centre-reception";
        for (int i = 0; i < KIOSK_CAPACITY; i++) {
            Map<String, Object> r = Http.rating("northmoor", "council_tax", "face_to_face", kiosk, "faces-3", 3);
            assertEquals(HttpStatus.ACCEPTED, send(client, HttpRequest.POST("/api/v1/ratings", r)).status(), "press " + i);
        }
        Map<String, Object> r = Http.rating("northmoor", "council_tax", "face_to_face", kiosk, "faces-3", 3);
        HttpResponse<Map<String, Object>> limited = send(client, HttpRequest.POST("/api/v1/ratings", r));
        assertEquals(HttpStatus.TOO_MANY_REQUESTS, limited.status());
        assertNotNull(limited.getHeaders().get(HttpHeaders.RETRY_AFTER));
    }

    @Test
    void aBatchAcceptsTheValidRatingsAndAnswersEachItemAndOnlyValidOnesReachKafka() {
        Map<String, Object> good1 = webRating(touchpoint());
        Map<String, Object> badScore = webRating(touchpoint());
        badScore.put("score", 9);
        Map<String, Object> good2 = webRating(touchpoint());
        Map<String, Object> wrongType = webRating(touchpoint());
        wrongType.put("score", "three");
        Map<String, Object> unknownCouncil = webRating(touchpoint());
        unknownCouncil.put("council", "atlantis");
        Map<String, Object> good3 = Http.rating("northmoor", "council_tax", "face_to_face", "civic-centre-reception-batch", "faces-3", 1);
        List<Map<String, Object>> items = List.of(good1, badScore, good2, wrongType, unknownCouncil, good3);

        HttpResponse<Map<String, Object>> response = send(client, HttpRequest.POST("/api/v1/ratings/batch", Map.of("ratings", items)));
        assertEquals(HttpStatus.OK, response.status());
        List<Map<String, Object>> results = results(response);
        assertEquals(List.of(202, 422, 202, 400, 422, 202), results.stream().map(r -> r.get("status")).toList());
        assertEquals(good1.get("id"), results.get(0).get("id"));
        assertTrue(results.get(0).containsKey("problem"), "problem is present, as null, for an accepted rating");
        assertNull(results.get(0).get("problem"));
        @SuppressWarnings("unchecked")
        Map<String, Object> problem = (Map<String, Object>) results.get(1).get("problem");
        assertEquals(422, problem.get("status"));
        assertTrue(problem.get("errors").toString().contains("score"), problem.toString());

        // Resent as it is (a kiosk whose answer was lost): the same answers, and nothing produced twice.
        HttpResponse<Map<String, Object>> again = send(client, HttpRequest.POST("/api/v1/ratings/batch", Map.of("ratings", items)));
        assertEquals(HttpStatus.OK, again.status());
        assertEquals(List.of(202, 422, 202, 400, 422, 202), results(again).stream().map(r -> r.get("status")).toList());

        Map<String, Object> sentinel = webRating(touchpoint());
        assertEquals(HttpStatus.ACCEPTED, send(client, HttpRequest.POST("/api/v1/ratings", sentinel)).status());
        List<RatingSubmitted> onTopic = RatingsTopic.ratingsUntilSeen(Set.of(id(good1), id(good2), id(good3), id(sentinel)));
        Map<UUID, Long> counts = onTopic.stream().collect(Collectors.groupingBy(RatingSubmitted::id, Collectors.counting()));
        assertEquals(1L, counts.get(id(good1)));
        assertEquals(1L, counts.get(id(good2)));
        assertEquals(1L, counts.get(id(good3)));
        assertFalse(counts.containsKey(id(badScore)));
        assertFalse(counts.containsKey(id(wrongType)));
        assertFalse(counts.containsKey(id(unknownCouncil)));
    }

    @Test
    void aBatchOfMoreThan1000RatingsIsRefusedWholeWithAProblem() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            items.add(webRating("/bulk/" + i));
        }
        HttpResponse<Map<String, Object>> response = send(client, HttpRequest.POST("/api/v1/ratings/batch", Map.of("ratings", items)));
        assertEquals(HttpStatus.REQUEST_ENTITY_TOO_LARGE, response.status());
        assertEquals("application/problem+json", contentType(response));
        assertTrue(body(response).get("detail").toString().contains("1000"), body(response).toString());
    }

    @Test
    void aBatchWithoutARatingsArrayIsA422Problem() {
        HttpResponse<Map<String, Object>> response = send(client, HttpRequest.POST("/api/v1/ratings/batch", Map.of("items", List.of())));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, response.status());
        assertEquals("application/problem+json", contentType(response));
    }

    @Test
    void theIvrWebhookMapsTheDigitThroughTheLineAndCountsARetriedCallOnce() {
        String callId = "call-" + UUID.randomUUID();
        byte[] json = ("{\"line\":\"northmoor-contact-centre\",\"digit\":\"1\",\"callId\":\"" + callId + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<Map<String, Object>> first = send(client, HttpRequest.POST("/api/v1/phone/ivr", json)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(IvrSignature.SIGNATURE_HEADER, IvrSignature.sign("demo-ivr-secret-northmoor", json)));
        assertEquals(HttpStatus.ACCEPTED, first.status(), body(first).toString());
        UUID id = UUID.fromString(body(first).get("id").toString());
        HttpResponse<Map<String, Object>> retried = send(client, HttpRequest.POST("/api/v1/phone/ivr", json)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(IvrSignature.SIGNATURE_HEADER, IvrSignature.sign("demo-ivr-secret-northmoor", json)));
        assertEquals(id.toString(), body(retried).get("id"));

        // Form-encoded, with the line's secret in a header: digit 3 is the worst score on faces-3.
        String form = "line=northmoor-contact-centre&digit=3&callId=" + UUID.randomUUID();
        HttpResponse<Map<String, Object>> formPost = send(client, HttpRequest.POST("/api/v1/phone/ivr", form)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .header(IvrSignature.SECRET_HEADER, "demo-ivr-secret-northmoor"));
        assertEquals(HttpStatus.ACCEPTED, formPost.status(), body(formPost).toString());
        UUID formId = UUID.fromString(body(formPost).get("id").toString());

        Map<UUID, RatingSubmitted> onTopic = RatingsTopic.ratingsUntilSeen(Set.of(id, formId)).stream()
                .collect(Collectors.toMap(RatingSubmitted::id, r -> r, (a, b) -> a));
        RatingSubmitted best = onTopic.get(id);
        assertEquals(Channel.PHONE, best.channel());
        assertEquals("northmoor", best.council());
        assertEquals("council_tax", best.service());
        assertEquals("northmoor-contact-centre", best.touchpoint());
        assertEquals(3, best.score());
        assertEquals(1, onTopic.get(formId).score());
    }

    @Test
    void theIvrWebhookRefusesABadSignatureAndAnUnmappedDigit() {
        byte[] json = ("{\"line\":\"northmoor-contact-centre\",\"digit\":\"1\",\"callId\":\"c1\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<Map<String, Object>> forged = send(client, HttpRequest.POST("/api/v1/phone/ivr", json)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(IvrSignature.SIGNATURE_HEADER, IvrSignature.sign("not-the-secret-at-all", json)));
        assertEquals(HttpStatus.UNAUTHORIZED, forged.status());
        assertEquals("application/problem+json", contentType(forged));
        HttpResponse<Map<String, Object>> unsigned = send(client, HttpRequest.POST("/api/v1/phone/ivr", json)
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        assertEquals(HttpStatus.UNAUTHORIZED, unsigned.status());
        HttpResponse<Map<String, Object>> wrongSecret = send(client, HttpRequest.POST("/api/v1/phone/ivr", json)
                .contentType(MediaType.APPLICATION_JSON_TYPE).header(IvrSignature.SECRET_HEADER, "demo-ivr-secret-eastbrook"));
        assertEquals(HttpStatus.UNAUTHORIZED, wrongSecret.status());

        byte[] nine = ("{\"line\":\"northmoor-contact-centre\",\"digit\":\"9\",\"callId\":\"c2\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<Map<String, Object>> unmapped = send(client, HttpRequest.POST("/api/v1/phone/ivr", nine)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(IvrSignature.SIGNATURE_HEADER, IvrSignature.sign("demo-ivr-secret-northmoor", nine)));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, unmapped.status());
        assertEquals(List.of("digit"), errorFields(unmapped));

        HttpResponse<Map<String, Object>> notJson = send(client, HttpRequest.POST("/api/v1/phone/ivr", "{oops")
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        assertEquals(HttpStatus.BAD_REQUEST, notJson.status());
        assertEquals("application/problem+json", contentType(notJson));
    }

    @Test
    void anAgentRatingNeedsAStaffTokenForItsCouncilAndIsMarkedAgentEntered() {
        Map<String, Object> rating = Http.rating("northmoor", "council_tax", "phone", "contact-centre-agent", "faces-3", 2);
        HttpResponse<Map<String, Object>> anonymous = send(client, HttpRequest.POST("/api/v1/agent-ratings", rating));
        assertEquals(HttpStatus.UNAUTHORIZED, anonymous.status());
        assertEquals("application/problem+json", contentType(anonymous));

        HttpResponse<Map<String, Object>> otherCouncil = send(client, HttpRequest.POST("/api/v1/agent-ratings", rating)
                .bearerAuth(token("officer", "eastbrook")));
        assertEquals(HttpStatus.FORBIDDEN, otherCouncil.status());
        assertEquals("application/problem+json", contentType(otherCouncil));

        Map<String, Object> web = new HashMap<>(rating);
        web.put("id", UUID.randomUUID().toString());
        web.put("channel", "web");
        HttpResponse<Map<String, Object>> wrongChannel = send(client, HttpRequest.POST("/api/v1/agent-ratings", web)
                .bearerAuth(token("officer", "northmoor")));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, wrongChannel.status());
        assertEquals(List.of("channel"), errorFields(wrongChannel));

        HttpResponse<Map<String, Object>> accepted = send(client, HttpRequest.POST("/api/v1/agent-ratings", rating)
                .bearerAuth(token("officer", "northmoor")));
        assertEquals(HttpStatus.ACCEPTED, accepted.status(), body(accepted).toString());

        Map<String, Object> residentOwn = webRating(touchpoint());
        assertEquals(HttpStatus.ACCEPTED, send(client, HttpRequest.POST("/api/v1/ratings", residentOwn)).status());
        Map<UUID, RatingSubmitted> onTopic = RatingsTopic.ratingsUntilSeen(Set.of(id(rating), id(residentOwn))).stream()
                .collect(Collectors.toMap(RatingSubmitted::id, r -> r, (a, b) -> a));
        assertTrue(onTopic.get(id(rating)).agentEntered());
        assertFalse(onTopic.get(id(residentOwn)).agentEntered());
        assertFalse(onTopic.containsKey(id(web)));
    }

    private String token(String role, String council) {
        return tokens.generateToken(Authentication.build("test-" + role, List.of(role), Map.of("council", council)), 600)
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> results(HttpResponse<Map<String, Object>> response) {
        return (List<Map<String, Object>>) body(response).get("results");
    }

    private static UUID id(Map<String, Object> rating) {
        return UUID.fromString(rating.get("id").toString());
    }
}
