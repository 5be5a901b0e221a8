package uk.civicpulse.survey.capture;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestProperties;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.civicpulse.survey.capture.Http.body;
import static uk.civicpulse.survey.capture.Http.contentType;
import static uk.civicpulse.survey.capture.Http.errorFields;
import static uk.civicpulse.survey.capture.Http.send;

/** The admin API for capture settings: who may read and change them, validation, and changes going live at once. */
@MicronautTest(transactional = false)
@Property(name = "flyway.datasources.default.locations", value = "classpath:db/migration,classpath:db/demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminSettingsIT implements TestPropertyProvider {

    static final String PATH = "/api/v1/admin/councils/%s/capture-settings";

    private final TestDatabase database = TestDatabase.create("survey_admin");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TokenGenerator tokens;

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.of(database).asMap();
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    private String token(String role, String council) {
        Map<String, Object> attributes = council == null ? Map.of() : Map.of("council", council);
        return tokens.generateToken(Authentication.build("test-" + role, List.of(role), attributes), 600).orElseThrow();
    }

    private HttpResponse<Map<String, Object>> read(String council, String token) {
        HttpRequest<?> request = HttpRequest.GET(PATH.formatted(council));
        return send(client, token == null ? request : ((io.micronaut.http.MutableHttpRequest<?>) request).bearerAuth(token));
    }

    private HttpResponse<Map<String, Object>> replace(String council, Map<String, Object> document, String token) {
        return send(client, HttpRequest.PUT(PATH.formatted(council), document).bearerAuth(token));
    }

    private Map<String, Object> current(String council) {
        HttpResponse<Map<String, Object>> response = read(council, token("platform_admin", null));
        assertEquals(HttpStatus.OK, response.status());
        return new LinkedHashMap<>(body(response));
    }

    @Test
    void withoutATokenTheAdminApiAnswers401Problem() {
        HttpResponse<Map<String, Object>> response = read("northmoor", null);
        assertEquals(HttpStatus.UNAUTHORIZED, response.status());
        assertEquals("application/problem+json", contentType(response));
        HttpResponse<Map<String, Object>> forged = read("northmoor", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");
        assertEquals(HttpStatus.UNAUTHORIZED, forged.status());
    }

    @Test
    void anOfficerReadsOwnCouncilWithoutLineSecretsButMayNotChangeIt() {
        HttpResponse<Map<String, Object>> own = read("northmoor", token("officer", "northmoor"));
        assertEquals(HttpStatus.OK, own.status());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) body(own).get("ivrLines");
        assertEquals("northmoor-contact-centre", lines.get(0).get("line"));
        assertNull(lines.get(0).get("secret"));
        assertEquals(true, lines.get(0).get("secretSet"));
        assertFalse(own.body().toString().contains("demo-ivr-secret"));

        assertEquals(HttpStatus.FORBIDDEN, read("eastbrook", token("officer", "northmoor")).status());
        HttpResponse<Map<String, Object>> change = replace("northmoor", current("northmoor"), token("officer", "northmoor"));
        assertEquals(HttpStatus.FORBIDDEN, change.status());
        assertEquals("application/problem+json", contentType(change));
    }

    @Test
    void aCouncilAdminMayNotChangeAnotherCouncil() {
        HttpResponse<Map<String, Object>> response = replace("eastbrook", current("eastbrook"), token("council_admin", "northmoor"));
        assertEquals(HttpStatus.FORBIDDEN, response.status());
        assertEquals("application/problem+json", contentType(response));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anInvalidDocumentGets422NamingEachBadFieldAndChangesNothing() {
        Map<String, Object> doc = current("westshire");
        List<Map<String, Object>> services = new ArrayList<>((List<Map<String, Object>>) doc.get("services"));
        Map<String, Object> firstService = new HashMap<>(services.get(0));
        firstService.put("scale", "stars-10");
        services.set(0, firstService);
        doc.put("services", services);
        doc.put("allowedOrigins", List.of("https://www.westshire.gov.uk/path", "https://www.westshire.gov.uk"));
        doc.put("languages", List.of("en", "fr"));
        doc.put("strings", Map.of("fr", Map.of("thankYou", "Merci")));
        doc.put("kiosk", Map.of("minimumIntervalSeconds", 3, "idleSeconds", 2));
        List<Map<String, Object>> lines = new ArrayList<>((List<Map<String, Object>>) doc.get("ivrLines"));
        Map<String, Object> line = new HashMap<>(lines.get(0));
        line.put("digits", Map.of("1", 7));
        lines.set(0, line);
        doc.put("ivrLines", lines);
        doc.remove("kioskTouchpoints");

        HttpResponse<Map<String, Object>> response = replace("westshire", doc, token("council_admin", "westshire"));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, response.status());
        assertEquals("application/problem+json", contentType(response));
        List<String> fields = errorFields(response);
        for (String expected : List.of("services[0].scale", "allowedOrigins[0]", "languages[1]", "strings.fr",
                "kiosk.idleSeconds", "ivrLines[0].digits.1", "kioskTouchpoints")) {
            assertTrue(fields.contains(expected), expected + " not in " + fields);
        }
        assertFalse(fields.contains("allowedOrigins[1]"), fields.toString());
        // Nothing was saved.
        Map<?, ?> publicSettings = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/councils/westshire/capture-settings"), Map.class);
        assertEquals(List.of("en", "cy"), publicSettings.get("languages"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void lineConflictsOnlyTheDatabaseCanSeeAre422Too() {
        Map<String, Object> doc = current("cwm-tawel");
        List<Map<String, Object>> lines = new ArrayList<>((List<Map<String, Object>>) doc.get("ivrLines"));
        Map<String, Object> stolen = new HashMap<>();
        stolen.put("line", "northmoor-contact-centre");
        stolen.put("service", "housing");
        stolen.put("digits", Map.of("1", 3));
        stolen.put("secret", "a-long-enough-secret-123");
        Map<String, Object> newWithoutSecret = new HashMap<>();
        newWithoutSecret.put("line", "cwm-tawel-new-line");
        newWithoutSecret.put("service", "housing");
        newWithoutSecret.put("digits", Map.of("1", 3));
        lines.add(stolen);
        lines.add(newWithoutSecret);
        doc.put("ivrLines", lines);
        HttpResponse<Map<String, Object>> response = replace("cwm-tawel", doc, token("council_admin", "cwm-tawel"));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, response.status());
        assertEquals(List.of("ivrLines[1].line", "ivrLines[2].secret"), errorFields(response));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aValidChangeIsLiveAtOnceInThePublicSettingsAndTheCorsAllowlist() {
        String site = "https://www.northmoor.gov.uk";
        Map<String, Object> rating = Http.webRating("/admin-test/" + UUID.randomUUID());
        HttpResponse<Map<String, Object>> before = send(client, HttpRequest.POST("/api/v1/ratings", rating).header(HttpHeaders.ORIGIN, site));
        assertEquals(HttpStatus.FORBIDDEN, before.status());

        Map<String, Object> doc = current("northmoor");
        List<String> origins = new ArrayList<>((List<String>) doc.get("allowedOrigins"));
        origins.add(site);
        doc.put("allowedOrigins", origins);
        doc.put("languages", List.of("cy", "en"));
        doc.put("strings", Map.of("en", Map.of("thankYou", "Thanks from Northmoor"), "cy", Map.of("thankYou", "Diolch gan Northmoor")));
        doc.put("kiosk", Map.of("minimumIntervalSeconds", 7, "idleSeconds", 40));
        List<Map<String, Object>> kiosks = new ArrayList<>((List<Map<String, Object>>) doc.get("kioskTouchpoints"));
        Map<String, Object> newKiosk = new HashMap<>();
        newKiosk.put("code", "north-library");
        newKiosk.put("name", "North Library");
        newKiosk.put("service", "libraries");
        newKiosk.put("idleSeconds", 90);
        kiosks.add(newKiosk);
        doc.put("kioskTouchpoints", kiosks);

        HttpResponse<Map<String, Object>> saved = replace("northmoor", doc, token("council_admin", "northmoor"));
        assertEquals(HttpStatus.OK, saved.status(), body(saved).toString());

        Map<String, Object> live = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/councils/northmoor/capture-settings"), Map.class);
        assertEquals(List.of("cy", "en"), live.get("languages"));
        assertEquals("Diolch gan Northmoor", ((Map<String, Map<String, String>>) live.get("strings")).get("cy").get("thankYou"));
        assertEquals(Map.of("minimumIntervalSeconds", 7, "idleSeconds", 40), live.get("kiosk"));
        Map<String, Map<String, Object>> liveKiosks = (Map<String, Map<String, Object>>) live.get("kioskTouchpoints");
        assertEquals(Map.of("minimumIntervalSeconds", 7, "idleSeconds", 90), liveKiosks.get("north-library").get("kiosk"));
        assertTrue(((List<String>) live.get("allowedOrigins")).contains(site));

        // The IVR secret left out of the document was kept: the line still verifies with it.
        byte[] json = ("{\"line\":\"northmoor-contact-centre\",\"digit\":\"2\",\"callId\":\"" + UUID.randomUUID() + "\"}").getBytes();
        HttpResponse<Map<String, Object>> ivr = send(client, HttpRequest.POST("/api/v1/phone/ivr", json)
                .contentType(io.micronaut.http.MediaType.APPLICATION_JSON_TYPE)
                .header(uk.civicpulse.survey.phone.IvrSignature.SIGNATURE_HEADER,
                        uk.civicpulse.survey.phone.IvrSignature.sign("demo-ivr-secret-northmoor", json)));
        assertEquals(HttpStatus.ACCEPTED, ivr.status(), body(ivr).toString());

        HttpResponse<Map<String, Object>> after = send(client, HttpRequest.POST("/api/v1/ratings", rating).header(HttpHeaders.ORIGIN, site));
        assertEquals(HttpStatus.ACCEPTED, after.status());
        assertEquals(site, after.getHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
    }

    @Test
    void aPlatformAdminMayChangeAnyCouncil() {
        Map<String, Object> doc = current("eastbrook");
        doc.put("kiosk", Map.of("minimumIntervalSeconds", 10, "idleSeconds", 30));
        HttpResponse<Map<String, Object>> saved = replace("eastbrook", doc, token("platform_admin", null));
        assertEquals(HttpStatus.OK, saved.status(), body(saved).toString());
        assertEquals(Map.of("minimumIntervalSeconds", 10, "idleSeconds", 30), body(saved).get("kiosk"));
        assertEquals(HttpStatus.NOT_FOUND, replace("atlantis", doc, token("platform_admin", null)).status());
    }

    @Test
    void theOpenApiSpecIsServedWithoutSignIn() {
        String spec = client.toBlocking().retrieve(HttpRequest.GET("/openapi/civic-pulse-survey-api-1.yml"));
        assertTrue(spec.contains("/api/v1/admin/councils/{council}/capture-settings"), spec.substring(0, Math.min(300, spec.length())));
        assertTrue(spec.contains("/api/v1/ratings/batch"));
        assertTrue(spec.contains("/api/v1/phone/ivr"));
    }
}
