package uk.civicpulse.analytics.ingest;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import uk.civicpulse.events.EventCodec;
import uk.civicpulse.events.RatingSubmitted;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stores a batch of ratings and updates the daily counts in one transaction and one round trip. A rating whose id
 * is already stored changes nothing, so a redelivered or resubmitted rating is counted once.
 */
@Singleton
public class RatingStore {

    /** Councils are in the UK: a rating given at 00:30 on 1 July BST belongs to 1 July. */
    public static final ZoneId COUNCIL_TIME = ZoneId.of("Europe/London");

    private static final String STORE = """
            WITH incoming AS (
                SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::smallint[],
                                     ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::date[])
                    AS r(id, council, service, channel, touchpoint, scale, score, reasons, comment, key_areas,
                         customer_group, submitted_at, received_at, rated_on)
            ), new_councils AS (
                INSERT INTO council (code) SELECT DISTINCT council FROM incoming ON CONFLICT (code) DO NOTHING
            ), inserted AS (
                INSERT INTO rating (id, council, service, channel, touchpoint, scale, score, reasons, comment, key_areas,
                                    customer_group, submitted_at, received_at, rated_on)
                SELECT id, council, service, channel, touchpoint, scale, score,
                       ARRAY(SELECT jsonb_array_elements_text(reasons::jsonb)), comment, key_areas::jsonb,
                       customer_group::jsonb, submitted_at, received_at, rated_on
                FROM incoming
                ON CONFLICT (id) DO NOTHING
                RETURNING council, rated_on, service, channel, touchpoint, scale, score
            ), counted AS (
                INSERT INTO rating_daily_count AS d (council, rated_on, service, channel, touchpoint, scale, score, ratings)
                SELECT council, rated_on, service, channel, touchpoint, scale, score, count(*)
                FROM inserted
                GROUP BY council, rated_on, service, channel, touchpoint, scale, score
                ORDER BY council, rated_on, service, channel, touchpoint, scale, score
                ON CONFLICT (council, rated_on, service, channel, touchpoint, scale, score)
                    DO UPDATE SET ratings = d.ratings + EXCLUDED.ratings
                RETURNING ratings
            )
            SELECT (SELECT count(*) FROM inserted)
            """;

    private final DataSource dataSource;

    public RatingStore(DataSource dataSource) {
        // The plain pool: the consumer owns its transaction boundaries and commits offsets after the database.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /**
     * @return how many of the ratings were new; the rest were already stored
     * @throws SQLException when the database refused or could not be reached; nothing of the batch is stored
     */
    public int store(Collection<RatingSubmitted> batch) throws SQLException {
        if (batch.isEmpty()) {
            return 0;
        }
        Map<UUID, RatingSubmitted> unique = new LinkedHashMap<>();
        batch.forEach(r -> unique.putIfAbsent(r.id(), r));
        List<RatingSubmitted> ratings = List.copyOf(unique.values());
        int size = ratings.size();
        Object[][] columns = new Object[14][size];
        for (int i = 0; i < size; i++) {
            RatingSubmitted r = ratings.get(i);
            columns[0][i] = r.id();
            columns[1][i] = r.council();
            columns[2][i] = r.service();
            columns[3][i] = r.channel().code();
            columns[4][i] = r.touchpoint();
            columns[5][i] = r.scale().code();
            columns[6][i] = (short) r.score();
            columns[7][i] = new String(EventCodec.encode(r.reasons()), java.nio.charset.StandardCharsets.UTF_8);
            columns[8][i] = r.comment();
            columns[9][i] = new String(EventCodec.encode(r.keyAreas()), java.nio.charset.StandardCharsets.UTF_8);
            columns[10][i] = new String(EventCodec.encode(r.customerGroup()), java.nio.charset.StandardCharsets.UTF_8);
            columns[11][i] = r.submittedAt() == null ? null : Timestamp.from(r.submittedAt());
            columns[12][i] = Timestamp.from(r.receivedAt());
            columns[13][i] = Date.valueOf(LocalDate.ofInstant(r.ratedAt(), COUNCIL_TIME));
        }
        String[] types = {"uuid", "text", "text", "text", "text", "text", "int2", "text", "text", "text", "text",
                "timestamptz", "timestamptz", "date"};
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement st = c.prepareStatement(STORE)) {
                for (int col = 0; col < columns.length; col++) {
                    Array array = c.createArrayOf(types[col], columns[col]);
                    st.setArray(col + 1, array);
                }
                int stored;
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    stored = rs.getInt(1);
                }
                c.commit();
                return stored;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
