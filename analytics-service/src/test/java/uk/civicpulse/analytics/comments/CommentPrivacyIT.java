package uk.civicpulse.analytics.comments;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
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

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Residents' comments reach officers redacted; a council admin reads originals on request, and every reading is audited. */
@MicronautTest(transactional = false)
@Property(name = "flyway.datasources.default.locations", value = "classpath:db/migration,classpath:db/demo")
@Property(name = "civic-pulse.demo.officers", value = "true")
@Property(name = "civic-pulse.demo.password", value = "test-password")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommentPrivacyIT implements TestPropertyProvider {

    private static final String ORIGINAL = "I spoke to Sarah Jones, call me on 07700 900123 or jo@example.com, CF10 1AB, ref ENQ123456";
    private static final String REDACTED = "I spoke to [name], call me on [phone] or [email], [postcode], ref [reference]";
    private static final String RANGE = "from=2026-03-01&to=2026-03-31";

    private final TestDatabase database = TestDatabase.create("analytics_comment_privacy");
    private UUID northmoorComment;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.of(database).newConsumerGroup("comment-privacy").asMap();
    }

    @BeforeAll
    void storeComments() throws Exception {
        DataSource ds = DelegatingDataSource.unwrapDataSource(dataSource);
        northmoorComment = CommentFixtures.comment(ds, "northmoor", "waste", 1, new String[]{"slow"}, ORIGINAL);
        CommentFixtures.comment(ds, "eastbrook", "waste", 2, new String[]{"slow"}, "Eastbrook resident Dave Wilkins, 07700 900456");
    }

    @AfterAll
    void dropDatabase() {
        database.close();
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

    private String get(String path, String token) {
        return client.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token).accept("application/json", "text/csv"));
    }

    @Test
    void anOfficerReadsCommentsRedactedAsJsonAndCsv() {
        String officer = login("officer@northmoor");
        String json = get("/api/v1/councils/northmoor/comments?" + RANGE, officer);
        assertTrue(json.contains(REDACTED) && json.contains("\"redacted\":true"), json);
        assertFalse(json.contains("07700") || json.contains("Sarah") || json.contains("jo@example.com"), json);
        String csv = get("/api/v1/councils/northmoor/comments?" + RANGE + "&format=csv", officer);
        assertTrue(csv.contains(REDACTED), csv);
        assertFalse(csv.contains("Sarah"), csv);
    }

    @Test
    void anOfficerMayNotAskForOriginals() {
        String officer = login("officer@northmoor");
        assertEquals(HttpStatus.FORBIDDEN, status(HttpRequest.GET("/api/v1/councils/northmoor/comments?" + RANGE + "&originals=true").bearerAuth(officer)));
        assertEquals(HttpStatus.FORBIDDEN, status(HttpRequest.GET("/api/v1/councils/northmoor/comments/original-views").bearerAuth(officer)));
    }

    @Test
    void aCouncilAdminReadsRedactedUnlessAskingAndEachAskingIsAudited() {
        String councilAdmin = login("council-admin@northmoor");
        assertTrue(get("/api/v1/councils/northmoor/comments?" + RANGE, councilAdmin).contains(REDACTED));
        String original = get("/api/v1/councils/northmoor/comments?" + RANGE + "&originals=true", councilAdmin);
        assertTrue(original.contains(ORIGINAL) && original.contains("\"redacted\":false"), original);
        String csv = get("/api/v1/councils/northmoor/comments?" + RANGE + "&originals=true&format=csv", councilAdmin);
        assertTrue(csv.contains("Sarah Jones"), csv);

        String audit = get("/api/v1/councils/northmoor/comments/original-views", councilAdmin);
        assertTrue(audit.contains("\"officer\":\"council-admin@northmoor\"") && audit.contains(northmoorComment.toString()), audit);
        assertTrue(audit.contains("\"route\":\"api\"") && audit.contains("\"route\":\"api-csv\"") && audit.contains("viewedAt"), audit);
    }

    @Test
    void aPlatformAdminReadsEveryCouncilRedactedButNeverTheOriginals() {
        String admin = login("admin@civic-pulse");
        assertTrue(get("/api/v1/councils/northmoor/comments?" + RANGE, admin).contains(REDACTED));
        assertEquals(HttpStatus.FORBIDDEN, status(HttpRequest.GET("/api/v1/councils/northmoor/comments?" + RANGE + "&originals=true").bearerAuth(admin)));
    }

    @Test
    void oneCouncilsStaffCannotReadAnotherCouncilsCommentsByAnyRoute() {
        for (String user : List.of("officer@northmoor", "council-admin@northmoor")) {
            String token = login(user);
            for (String path : List.of("/comments?" + RANGE, "/comments?" + RANGE + "&format=csv", "/comments?" + RANGE + "&originals=true",
                    "/comments?" + RANGE + "&originals=true&format=csv", "/comments/original-views")) {
                assertEquals(HttpStatus.FORBIDDEN, status(HttpRequest.GET("/api/v1/councils/eastbrook" + path).bearerAuth(token)), user + " " + path);
            }
        }
    }
}
