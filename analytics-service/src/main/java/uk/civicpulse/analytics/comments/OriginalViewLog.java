package uk.civicpulse.analytics.comments;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The audit of unredacted comment readings (table comment_original_view, V80): written before the originals are sent. */
@Singleton
public class OriginalViewLog {

    @Serdeable
    public record OriginalView(Instant viewedAt, String officer, UUID ratingId, String route) {
    }

    private final DataSource dataSource;

    OriginalViewLog(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    void record(String officer, String council, List<Comment> shown, String route) {
        if (shown.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("INSERT INTO comment_original_view (officer, council, rating_id, route) VALUES (?, ?, ?, ?)")) {
            for (Comment comment : shown) {
                st.setString(1, officer);
                st.setString(2, council);
                st.setObject(3, comment.id());
                st.setString(4, route);
                st.addBatch();
            }
            st.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the reading of original comments; none were shown", e);
        }
    }

    public List<OriginalView> recent(String council, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT viewed_at, officer, rating_id, route FROM comment_original_view"
                     + " WHERE council = ? ORDER BY viewed_at DESC, id DESC LIMIT ?")) {
            st.setString(1, council);
            st.setInt(2, limit);
            List<OriginalView> views = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    views.add(new OriginalView(rs.getTimestamp(1).toInstant(), rs.getString(2), (UUID) rs.getObject(3), rs.getString(4)));
                }
            }
            return views;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit of original comments", e);
        }
    }
}
