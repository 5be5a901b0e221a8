package uk.civicpulse.analytics.officers;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestProperties;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An officer of one council asks for another council's figures by every route, and gets nothing. */
@MicronautTest(transactional = false)
@Property(name = "flyway.datasources.default.locations", value = "classpath:db/migration,classpath:db/demo")
@Property(name = "civic-pulse.demo.officers", value = "true")
@Property(name = "civic-pulse.demo.password", value = "test-password")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CouncilIsolationIT implements TestPropertyProvider {

    private final TestDatabase database = TestDatabase.create("analytics_isolation");
    private String northmoorOfficer;
    private String admin;

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.of(database).newConsumerGroup("isolation").asMap();
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @BeforeAll
    void signIn() {
        northmoorOfficer = login("officer@northmoor");
        admin = login("admin@civic-pulse");
    }

    private String login(String username) {
        Map<?, ?> body = client.toBlocking().retrieve(HttpRequest.POST("/login", Map.of("username", username, "password", "test-password")), Map.class);
        return (String) body.get("access_token");
    }

    private HttpStatus status(MutableHttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, Argument.of(String.class), Argument.of(String.class)).status();
        } catch (HttpClientResponseException e) {
            return e.getStatus();
        }
    }

    private static List<MutableHttpRequest<?>> everyRouteFor(String council) {
        String range = "from=2026-01-01&to=2026-12-31";
        return List.of(
                HttpRequest.GET("/api/v1/councils/" + council + "/satisfaction?" + range),
                HttpRequest.GET("/api/v1/councils/" + council + "/satisfaction?" + range + "&format=csv"),
                HttpRequest.GET("/api/v1/councils/" + council + "/satisfaction?" + range + "&by=customer_group&question=age_band"),
                HttpRequest.GET("/api/v1/councils/" + council + "/satisfaction/series?" + range + "&interval=month"),
                HttpRequest.GET("/api/v1/councils/" + council + "/comments?" + range),
                HttpRequest.GET("/api/v1/councils/" + council + "/comments?" + range + "&format=csv"),
                HttpRequest.GET("/api/v1/councils/" + council + "/peers?" + range),
                HttpRequest.DELETE("/api/v1/councils/" + council + "/ratings/" + UUID.randomUUID()));
    }

    @Test
    void anOfficerOfOneCouncilGetsNothingOfAnotherByAnyRoute() {
        for (MutableHttpRequest<?> request : everyRouteFor("westshire")) {
            HttpStatus status = status(request.bearerAuth(northmoorOfficer));
            assertEquals(HttpStatus.FORBIDDEN, status, request.getMethod() + " " + request.getUri());
        }
    }

    @Test
    void withoutATokenEveryRouteIsRefused() {
        for (MutableHttpRequest<?> request : everyRouteFor("northmoor")) {
            assertEquals(HttpStatus.UNAUTHORIZED, status(request), request.getMethod() + " " + request.getUri());
        }
    }

    @Test
    void anOfficerReadsTheirOwnCouncilButCannotEraseOrAdminister() {
        List<MutableHttpRequest<?>> own = everyRouteFor("northmoor");
        for (MutableHttpRequest<?> request : own.subList(0, own.size() - 1)) {
            assertEquals(HttpStatus.OK, status(request.bearerAuth(northmoorOfficer)), request.getMethod() + " " + request.getUri());
        }
        assertEquals(HttpStatus.FORBIDDEN, status(own.get(own.size() - 1).bearerAuth(northmoorOfficer)));
        assertEquals(HttpStatus.FORBIDDEN, status(HttpRequest.GET("/api/v1/admin/councils").bearerAuth(northmoorOfficer)));
        assertEquals(HttpStatus.FORBIDDEN, status(HttpRequest.PUT("/api/v1/admin/peer-groups/mine",
                Map.of("description", "x", "members", List.of("northmoor", "westshire"))).bearerAuth(northmoorOfficer)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void peerComparisonsShowOtherCouncilsAggregatesOnly() {
        String body = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/councils/northmoor/peers?from=2026-01-01&to=2026-12-31")
                .bearerAuth(northmoorOfficer));
        assertTrue(body.contains("\"council\":\"westshire\""), body);
        assertTrue(!body.contains("comment") && !body.contains("\"id\""), body);
    }

    @Test
    void theApiIsDocumentedInOpenApiForAnyone() {
        String spec = client.toBlocking().retrieve(HttpRequest.GET("/openapi/civic-pulse-analytics-api-1.yml"));
        for (String path : List.of("/api/v1/councils/{council}/satisfaction:", "/api/v1/councils/{council}/satisfaction/series:",
                "/api/v1/councils/{council}/comments:", "/api/v1/councils/{council}/peers:", "/api/v1/admin/peer-groups/{code}:")) {
            assertTrue(spec.contains(path), path + " is not documented");
        }
    }

    @Test
    void aPlatformAdminManagesPeerGroupsAndSeesEveryCouncil() {
        assertEquals(HttpStatus.OK, status(HttpRequest.PUT("/api/v1/admin/peer-groups/counties",
                Map.of("description", "County councils", "members", List.of("westshire"))).bearerAuth(admin)));
        assertEquals(HttpStatus.BAD_REQUEST, status(HttpRequest.PUT("/api/v1/admin/peer-groups/counties",
                Map.of("description", "County councils", "members", List.of("atlantis"))).bearerAuth(admin)));
        assertEquals(HttpStatus.OK, status(HttpRequest.GET("/api/v1/councils/westshire/satisfaction?from=2026-01-01&to=2026-12-31").bearerAuth(admin)));
        assertEquals(HttpStatus.NOT_FOUND, status(HttpRequest.GET("/api/v1/councils/atlantis/satisfaction?from=2026-01-01&to=2026-12-31").bearerAuth(admin)));
    }

    @Test
    void aPlatformAdminSetsTheLanguagesACouncilWorksInAndTheyStayWhenLeftOut() {
        String path = "/api/v1/admin/councils/westshire";
        Map<?, ?> saved = client.toBlocking().retrieve(HttpRequest.PUT(path, Map.of("name", "Westshire County Council",
                "councilType", "county", "languages", List.of("cy", "en"))).bearerAuth(admin), Map.class);
        assertEquals(List.of("cy", "en"), saved.get("languages"));
        saved = client.toBlocking().retrieve(HttpRequest.PUT(path, Map.of("name", "Westshire County Council", "councilType", "county"))
                .bearerAuth(admin), Map.class);
        assertEquals(List.of("cy", "en"), saved.get("languages"), "left out: kept");
        for (List<String> bad : List.of(List.<String>of(), List.of("fr"), List.of("en", "en"))) {
            assertEquals(HttpStatus.BAD_REQUEST, status(HttpRequest.PUT(path, Map.of("name", "Westshire County Council",
                    "languages", bad)).bearerAuth(admin)), bad.toString());
        }
        client.toBlocking().retrieve(HttpRequest.PUT(path, Map.of("name", "Westshire County Council", "councilType", "county",
                "languages", List.of("en"))).bearerAuth(admin), Map.class);
    }
}
