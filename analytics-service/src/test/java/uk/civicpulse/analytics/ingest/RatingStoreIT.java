package uk.civicpulse.analytics.ingest;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.civicpulse.events.Channel;
import uk.civicpulse.events.KeyArea;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.events.Scale;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestKafka;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The store on its own (no broker): each batch is copied into a staging table as COPY text, so every character a
 * resident may type must arrive exactly as sent, and the exactly-once rules (one row and one count per id, however
 * often or in whatever batches it comes) must hold. Each test uses its own council, so the tests share the database.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RatingStoreIT implements TestPropertyProvider {

    private static final Instant NOON = Instant.parse("2026-03-10T12:00:00Z");

    private final TestDatabase database = TestDatabase.create("analytics_rating_store");

    @Inject
    EmbeddedServer server; // started, so Flyway has migrated the database

    @Inject
    RatingStore store;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "datasources.default.url", database.jdbcUrl(),
                "civic-pulse.kafka.bootstrap-servers", TestKafka.bootstrapServers(),
                "civic-pulse.kafka.consumer-enabled", "false");
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    private static RatingSubmitted rating(UUID id, String council, int score, String comment, String touchpoint,
                                          List<String> reasons, Map<KeyArea, Integer> keyAreas, Map<String, String> group,
                                          Instant submittedAt, boolean agentEntered) {
        return new RatingSubmitted(id, council, "waste", Channel.WEB, touchpoint, Scale.FACES_3, score, reasons, comment,
                keyAreas, group, submittedAt, NOON, 1, agentEntered);
    }

    private static RatingSubmitted simple(UUID id, String council, int score) {
        return rating(id, council, score, null, "/bins", List.of(), Map.of(), Map.of("age_band", "25_34"), NOON, false);
    }

    @Test
    void storesEveryCommentAndTouchpointExactlyAsSent() throws Exception {
        List<String> comments = Arrays.asList(
                null,
                "",
                " ",
                "Plain comment",
                "Diolch yn fawr! Roedd y gwasanaeth yn ardderchog: ŵ ŷ â ê î ô û Ŵ Ŷ, llongyfarchiadau",
                "tab\there and\ttwo",
                "new\nline\n\nand CRLF\r\nend",
                "carriage\ronly",
                "back\\slash \\\\ double C:\\temp\\new \\t \\n \\N \\.",
                "\\.",
                "\\N",
                "quotes \"double\" 'single' `back` „low“ ‘curly’",
                "{braces,\"in\",array} [json] {\"a\":1} NULL null",
                "commas, semicolons; pipes | and \u00a0non-breaking spaces",
                "emoji 😀 and 𝄞 outside the BMP, combining é",
                "trailing backslash \\",
                "x".repeat(RatingSubmitted.MAX_COMMENT_LENGTH));
        List<RatingSubmitted> batch = new ArrayList<>();
        for (String comment : comments) {
            batch.add(rating(UUID.randomUUID(), "copy-chars", 2, comment, "/path\twith\\odd \"chars\"\nß", List.of("slow", "rude-staff"),
                    Map.of(KeyArea.TIMELINESS, 4, KeyArea.STAFF, 1), Map.of("age_band", "65_74", "sex", "prefer_not_to_say"),
                    Instant.parse("2026-03-10T11:59:58.123456789Z"), true));
        }
        // a rating without a submitted time, reasons, key areas or answers
        batch.add(rating(UUID.randomUUID(), "copy-chars", 3, "bare", "kiosk-7", List.of(), Map.of(), Map.of(), null, false));

        RatingStore.BatchResult result = store.apply(batch, List.of());

        assertEquals(batch.size(), result.stored());
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement("""
                SELECT comment, touchpoint, reasons, key_areas::text, customer_group::text, submitted_at, received_at,
                       rated_on, agent_entered, score, service, channel, scale
                FROM rating WHERE id = ?""")) {
            for (RatingSubmitted r : batch) {
                st.setObject(1, r.id());
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    assertEquals(r.comment(), rs.getString("comment"), "comment of " + r.id());
                    assertEquals(r.touchpoint(), rs.getString("touchpoint"));
                    assertEquals(r.reasons(), List.of((Object[]) rs.getArray("reasons").getArray()));
                    assertEquals(json(c, r.keyAreas().isEmpty() ? "{}" : "{\"staff\": 1, \"timeliness\": 4}"), rs.getString(4));
                    assertEquals(json(c, r.customerGroup().isEmpty() ? "{}" : "{\"age_band\": \"65_74\", \"sex\": \"prefer_not_to_say\"}"),
                            rs.getString(5));
                    if (r.submittedAt() == null) {
                        assertNull(rs.getObject("submitted_at"));
                    } else {
                        // PostgreSQL keeps microseconds: .123456789 rounds to .123457
                        assertEquals(Instant.parse("2026-03-10T11:59:58.123457Z"),
                                rs.getObject("submitted_at", OffsetDateTime.class).toInstant());
                    }
                    assertEquals(NOON, rs.getObject("received_at", OffsetDateTime.class).toInstant());
                    assertEquals(java.time.LocalDate.of(2026, 3, 10), rs.getObject("rated_on", java.time.LocalDate.class));
                    assertEquals(r.agentEntered(), rs.getBoolean("agent_entered"));
                    assertEquals(r.score(), rs.getInt("score"));
                    assertEquals("waste", rs.getString("service"));
                    assertEquals(Channel.WEB.code(), rs.getString("channel"));
                    assertEquals(Scale.FACES_3.code(), rs.getString("scale"));
                }
            }
        }
    }

    @Test
    void aBatchHoldingOneIdTwiceStoresAndCountsItOnce() throws Exception {
        UUID twice = UUID.randomUUID();
        List<RatingSubmitted> batch = List.of(simple(twice, "dup-in-batch", 3), simple(UUID.randomUUID(), "dup-in-batch", 3),
                simple(twice, "dup-in-batch", 1));

        RatingStore.BatchResult result = store.apply(batch, List.of());

        assertEquals(2, result.stored());
        assertEquals(2, count("SELECT count(*) FROM rating WHERE council = 'dup-in-batch'"));
        assertEquals(2, count("SELECT sum(ratings) FROM rating_daily_count WHERE council = 'dup-in-batch' AND score = 3"));
        assertEquals(0, count("SELECT coalesce(sum(ratings), 0) FROM rating_daily_count WHERE council = 'dup-in-batch' AND score = 1"));
        assertEquals(2, count("SELECT sum(ratings) FROM rating_daily_group_count WHERE council = 'dup-in-batch'"));
    }

    @Test
    void aRedeliveredBatchChangesNothingAndAMixedOneCountsOnlyItsNewRatings() throws Exception {
        List<RatingSubmitted> first = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            first.add(simple(UUID.randomUUID(), "redelivered", 1 + i % 3));
        }
        assertEquals(50, store.apply(first, List.of()).stored());

        assertEquals(0, store.apply(first, List.of()).stored());
        assertEquals(50, count("SELECT count(*) FROM rating WHERE council = 'redelivered'"));
        assertEquals(50, count("SELECT sum(ratings) FROM rating_daily_count WHERE council = 'redelivered'"));

        List<RatingSubmitted> mixed = new ArrayList<>(first.subList(10, 30));
        for (int i = 0; i < 7; i++) {
            mixed.add(simple(UUID.randomUUID(), "redelivered", 3));
        }
        assertEquals(7, store.apply(mixed, List.of()).stored());
        assertEquals(57, count("SELECT count(*) FROM rating WHERE council = 'redelivered'"));
        assertEquals(57, count("SELECT sum(ratings) FROM rating_daily_count WHERE council = 'redelivered'"));
        assertEquals(57, count("SELECT sum(ratings) FROM rating_daily_group_count WHERE council = 'redelivered'"));
        assertEquals(57, count("SELECT count(*) FROM rating_receipt WHERE council = 'redelivered'"));
    }

    @Test
    void aFailedBatchLeavesNothingBehindForTheNextOnTheSameConnections() throws Exception {
        // U+0000 cannot be stored in PostgreSQL text (the consumer dead-letters such ratings before the store)
        RatingSubmitted unstorable = rating(UUID.randomUUID(), "after-failure", 3, "nul\0here", "/bins", List.of(), Map.of(),
                Map.of(), NOON, false);
        List<RatingSubmitted> failing = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            failing.add(simple(UUID.randomUUID(), "after-failure", 3));
        }
        failing.add(unstorable);
        // more failures than the pool has connections, so every pooled connection has seen one
        for (int i = 0; i < 12; i++) {
            assertThrows(SQLException.class, () -> store.apply(failing, List.of()));
        }
        assertEquals(0, count("SELECT count(*) FROM rating WHERE council = 'after-failure'"));

        List<RatingSubmitted> good = failing.subList(0, 5);
        assertEquals(5, store.apply(good, List.of()).stored());
        assertEquals(5, count("SELECT count(*) FROM rating WHERE council = 'after-failure'"));
        assertEquals(5, count("SELECT sum(ratings) FROM rating_daily_count WHERE council = 'after-failure'"));
    }

    /**
     * The counts are kept by the rating table itself (V102), so a writer other than the consumer (a COPY of
     * historical ratings, a correction by hand) keeps them too: after a COPY, an UPDATE of answers and scores and a
     * DELETE, the daily counts, the customer-group counts and the running monthly counts all equal what the raw rows
     * give.
     */
    @Test
    void everyWriterOfTheRatingTableKeepsItsCounts() throws Exception {
        StringBuilder rows = new StringBuilder();
        String[] ages = {"16_24", "25_34", "65_74"};
        for (int i = 0; i < 300; i++) {
            String day = "2026-0" + (3 + i % 3) + "-1" + (i % 7);
            String group = i % 4 == 0 ? "{}" : "{\"age_band\": \"" + ages[i % 3] + "\", \"sex\": \"" + (i % 2 == 0 ? "female" : "male") + "\"}";
            rows.append(String.join("\t", UUID.randomUUID().toString(), "copied", i % 5 == 0 ? "parking" : "waste", "web", "/bins",
                    "faces-3", String.valueOf(1 + i % 3), "{}", "\\N", "{}", group, "false", day + "T10:00:00Z", day + "T10:00:00Z",
                    day)).append('\n');
        }
        try (Connection c = connect(); java.sql.Statement st = c.createStatement()) {
            st.execute("SELECT ensure_rating_partitions(ARRAY['2026-03-01', '2026-04-01', '2026-05-01']::date[])");
            long copied = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn("COPY rating (id, council, service, channel,"
                    + " touchpoint, scale, score, reasons, comment, key_areas, customer_group, agent_entered, submitted_at, received_at,"
                    + " rated_on) FROM STDIN", new java.io.StringReader(rows.toString()));
            assertEquals(300, copied);
            assertEquals(300, count("SELECT sum(ratings) FROM rating_daily_count WHERE council = 'copied'"));
            st.execute("UPDATE rating SET customer_group = '{\"age_band\": \"75_plus\"}', score = 3"
                    + " WHERE council = 'copied' AND service = 'parking'");
            st.execute("DELETE FROM rating WHERE council = 'copied' AND customer_group = '{}'");
        }
        assertEquals(count("SELECT count(*) FROM rating WHERE council = 'copied'"),
                count("SELECT sum(ratings) FROM rating_daily_count WHERE council = 'copied'"));
        assertEquals(0, count("""
                SELECT count(*) FROM (
                    (SELECT rated_on, service, channel, touchpoint, scale, score, count(*) FROM rating WHERE council = 'copied'
                     GROUP BY 1, 2, 3, 4, 5, 6
                     EXCEPT
                     SELECT rated_on, service, channel, touchpoint, scale, score, ratings FROM rating_daily_count
                     WHERE council = 'copied' AND ratings > 0)
                    UNION ALL
                    (SELECT rated_on, service, channel, touchpoint, scale, score, ratings FROM rating_daily_count
                     WHERE council = 'copied' AND ratings > 0
                     EXCEPT
                     SELECT rated_on, service, channel, touchpoint, scale, score, count(*) FROM rating WHERE council = 'copied'
                     GROUP BY 1, 2, 3, 4, 5, 6)) differing"""));
        assertEquals(0, count("""
                SELECT count(*) FROM (
                    (SELECT g.key, g.value, rated_on, service, score, count(*) FROM rating, jsonb_each_text(customer_group) g
                     WHERE council = 'copied' GROUP BY 1, 2, 3, 4, 5
                     EXCEPT
                     SELECT question, answer, rated_on, service, score, ratings FROM rating_daily_group_count
                     WHERE council = 'copied' AND ratings > 0)
                    UNION ALL
                    (SELECT question, answer, rated_on, service, score, ratings FROM rating_daily_group_count
                     WHERE council = 'copied' AND ratings > 0
                     EXCEPT
                     SELECT g.key, g.value, rated_on, service, score, count(*) FROM rating, jsonb_each_text(customer_group) g
                     WHERE council = 'copied' GROUP BY 1, 2, 3, 4, 5)) differing"""));
        assertEquals(1, count("SELECT count(DISTINCT answer) FROM rating_daily_group_count WHERE council = 'copied'"
                + " AND service = 'parking' AND ratings > 0"), "the parking ratings' answers were all replaced by 75_plus");
        // the running count of May holds every rating of March to May, by score
        assertEquals(count("SELECT count(*) FROM rating WHERE council = 'copied' AND score = 3"),
                count("SELECT sum(ratings[3]) FROM rating_cumulative_count WHERE council = 'copied' AND month = '2026-05-01'"));
        assertEquals(count("SELECT count(*) FROM rating, jsonb_each_text(customer_group) g WHERE council = 'copied' AND g.key = 'sex'"),
                count("SELECT sum(ratings[1] + ratings[2] + ratings[3]) FROM rating_cumulative_group_count"
                        + " WHERE council = 'copied' AND question = 'sex' AND month = '2026-05-01'"));
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl());
    }

    private long count(String sql) throws SQLException {
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A JSON document as PostgreSQL prints the jsonb it makes of it. */
    private static String json(Connection c, String text) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT ?::jsonb::text")) {
            st.setString(1, text);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
