package uk.civicpulse.analytics.publishing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Ratings and contacts written straight into a test database (raw ratings, whose counts the rating table's triggers
 * keep, and customer-group counts alone), so the public page's tests know every count exactly; and a signed-in HTTP client.
 */
final class PublicFixtures implements AutoCloseable {

    private final Connection connection;

    PublicFixtures(String jdbcUrl) throws SQLException {
        connection = DriverManager.getConnection(jdbcUrl);
    }

    /** {@code satisfied} ratings of 5 and the rest of 2 on the likert-5 scale, all on one day. */
    void ratings(String council, String service, String channel, LocalDate day, int n, int satisfied, int agentEntered,
                 String comment) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("SELECT ensure_rating_partitions(ARRAY[?::date])")) {
            p.setString(1, day.toString());
            p.execute();
        }
        for (int i = 0; i < n; i++) {
            int score = i < satisfied ? 5 : 2;
            try (PreparedStatement p = connection.prepareStatement("""
                    INSERT INTO rating (id, council, service, channel, touchpoint, scale, score, comment, agent_entered, received_at, rated_on)
                    VALUES (gen_random_uuid(), ?, ?, ?, ?, 'likert-5', ?, ?, ?, ?, ?)""")) {
                p.setString(1, council);
                p.setString(2, service);
                p.setString(3, channel);
                p.setString(4, "/" + service);
                p.setShort(5, (short) score);
                p.setString(6, i == 0 ? comment : null);
                p.setBoolean(7, i < agentEntered);
                p.setTimestamp(8, Timestamp.from(Instant.parse(day + "T10:00:00Z")));
                p.setObject(9, day);
                p.executeUpdate();
            }
        }
    }

    /** The same as {@link #ratings} without comments, in a few statements (for pages that need a year of data). */
    void manyRatings(String council, String service, String channel, LocalDate day, int n, int satisfied, int agentEntered)
            throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("SELECT ensure_rating_partitions(ARRAY[?::date])")) {
            p.setString(1, day.toString());
            p.execute();
        }
        try (PreparedStatement p = connection.prepareStatement("""
                INSERT INTO rating (id, council, service, channel, touchpoint, scale, score, agent_entered, received_at, rated_on)
                SELECT gen_random_uuid(), ?, ?, ?, ?, 'likert-5', CASE WHEN i <= ? THEN 5 ELSE 2 END, i <= ?, ?, ?
                FROM generate_series(1, ?) AS i""")) {
            p.setString(1, council);
            p.setString(2, service);
            p.setString(3, channel);
            p.setString(4, "/" + service);
            p.setInt(5, satisfied);
            p.setInt(6, agentEntered);
            p.setTimestamp(7, Timestamp.from(Instant.parse(day + "T10:00:00Z")));
            p.setObject(8, day);
            p.setInt(9, n);
            p.executeUpdate();
        }
    }

    /** Publishes a "you said, we did" action. */
    void action(String council, String service, String youSaid, String weDid, String youSaidCy, String weDidCy, LocalDate on)
            throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("""
                INSERT INTO public_action (council, service, you_said_en, we_did_en, you_said_cy, we_did_cy, done_on, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'test')""")) {
            p.setString(1, council);
            p.setString(2, service);
            p.setString(3, youSaid);
            p.setString(4, weDid);
            p.setString(5, youSaidCy);
            p.setString(6, weDidCy);
            p.setObject(7, on);
            p.executeUpdate();
        }
    }

    /** Ratings by answer to one customer-group question (the counts by answer only), all satisfied. */
    void groupRatings(String council, String service, String channel, LocalDate day, String question, String answer, int n)
            throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("""
                INSERT INTO rating_daily_group_count (council, rated_on, service, channel, touchpoint, question, answer, scale, score, ratings)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'likert-5', 5, ?)
                ON CONFLICT (council, question, rated_on, service, channel, touchpoint, answer, scale, score)
                DO UPDATE SET ratings = rating_daily_group_count.ratings + EXCLUDED.ratings""")) {
            p.setString(1, council);
            p.setObject(2, day);
            p.setString(3, service);
            p.setString(4, channel);
            p.setString(5, "/" + service);
            p.setString(6, question);
            p.setString(7, answer);
            p.setLong(8, n);
            p.executeUpdate();
        }
    }

    /** Calls answered: {@code within} of them in 30 seconds, the rest in 200 seconds. */
    void calls(String council, LocalDate day, int n, int within) throws SQLException {
        for (int i = 0; i < n; i++) {
            Instant received = Instant.parse(day + "T10:00:00Z").plusSeconds(i * 600L);
            contact(council, "call-" + day + "-" + i, "phone", "call", received, received.plusSeconds(i < within ? 30 : 200));
        }
    }

    void emails(String council, LocalDate day, int n) throws SQLException {
        for (int i = 0; i < n; i++) {
            Instant received = Instant.parse(day + "T10:00:00Z").plusSeconds(i * 600L);
            contact(council, "email-" + day + "-" + i, "email", "email", received, received.plusSeconds(3600));
        }
    }

    private void contact(String council, String id, String channel, String type, Instant received, Instant answered) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("""
                INSERT INTO contact (council, source_id, service, channel, contact_type, received_at, received_on, first_response_at, resolved_at)
                VALUES (?, ?, 'customer_services', ?, ?, ?, ?, ?, ?)""")) {
            p.setString(1, council);
            p.setString(2, id);
            p.setString(3, channel);
            p.setString(4, type);
            p.setTimestamp(5, Timestamp.from(received));
            p.setObject(6, LocalDate.ofInstant(received, java.time.ZoneId.of("Europe/London")));
            p.setTimestamp(7, Timestamp.from(answered));
            p.setTimestamp(8, Timestamp.from(answered));
            p.executeUpdate();
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    /** The sign-in cookie ("JWT=...") of a demo officer. */
    static String signIn(String base, String username, String password) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/dashboard/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password, "next", "/dashboard"))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 303) {
            throw new IllegalStateException("sign-in failed: " + response.statusCode());
        }
        return response.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
