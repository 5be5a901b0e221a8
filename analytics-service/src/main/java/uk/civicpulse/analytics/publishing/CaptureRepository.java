package uk.civicpulse.analytics.publishing;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * How ratings were captured, for the methodology note (CSE 1.3.1): how many were entered by a member of staff on a
 * resident's behalf (the ratings' {@code agent_entered} flag), a known bias towards kinder scores.
 */
@Singleton
public class CaptureRepository {

    private final DataSource dataSource;

    public CaptureRepository(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** @param ratings all ratings in the range; agentEntered those a member of staff entered */
    public record Capture(long ratings, long agentEntered) {
    }

    public Capture capture(String council, LocalDate from, LocalDate to) {
        String sql = "SELECT count(*), count(*) FILTER (WHERE agent_entered) FROM rating WHERE council = ? AND rated_on BETWEEN ? AND ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, council);
            st.setDate(2, Date.valueOf(from));
            st.setDate(3, Date.valueOf(to));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new Capture(rs.getLong(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count agent-entered ratings", e);
        }
    }
}
