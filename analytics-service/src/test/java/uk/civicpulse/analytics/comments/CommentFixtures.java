package uk.civicpulse.analytics.comments;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Ratings with comments written straight into the rating table, for tests of what officers see of them. */
final class CommentFixtures {

    static final LocalDate DAY = LocalDate.of(2026, 3, 10);

    private CommentFixtures() {
    }

    static UUID comment(DataSource dataSource, String council, String service, int score, String[] reasons, String text) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement st = c.prepareStatement("SELECT ensure_rating_partitions(ARRAY[?::date])")) {
                st.setObject(1, DAY);
                st.execute();
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO rating (id, council, service, channel, touchpoint, scale, score,"
                    + " reasons, comment, received_at, rated_on) VALUES (?, ?, ?, 'web', 'website', 'likert-5', ?, ?, ?, ?, ?)")) {
                st.setObject(1, id);
                st.setString(2, council);
                st.setString(3, service);
                st.setShort(4, (short) score);
                st.setArray(5, c.createArrayOf("text", reasons));
                st.setString(6, text);
                st.setTimestamp(7, Timestamp.from(Instant.parse("2026-03-10T10:00:00Z")));
                st.setObject(8, DAY);
                st.executeUpdate();
            }
        }
        return id;
    }
}
