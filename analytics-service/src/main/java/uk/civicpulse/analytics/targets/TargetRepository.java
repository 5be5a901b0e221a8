package uk.civicpulse.analytics.targets;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Targets per council, service and channel. */
@Singleton
public class TargetRepository {

    private final DataSource dataSource;

    public TargetRepository(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    public List<Target> targets(String council) {
        List<Target> targets = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT council, service, channel, target, updated_by, updated_at FROM satisfaction_target WHERE council = ? ORDER BY service, channel")) {
            st.setString(1, council);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    targets.add(new Target(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getString(5),
                            rs.getTimestamp(6).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read targets", e);
        }
        return targets;
    }

    public Target save(String council, String service, String channel, double target, String by) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                INSERT INTO satisfaction_target (council, service, channel, target, updated_by) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (council, service, channel) DO UPDATE SET target = EXCLUDED.target,
                    updated_by = EXCLUDED.updated_by, updated_at = now()
                RETURNING updated_at""")) {
            st.setString(1, council);
            st.setString(2, service);
            st.setString(3, channel);
            st.setDouble(4, target);
            st.setString(5, by);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new Target(council, service, channel, target, by, rs.getTimestamp(1).toInstant());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not save target", e);
        }
    }

    /** @return whether there was a target to remove */
    public boolean delete(String council, String service, String channel) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "DELETE FROM satisfaction_target WHERE council = ? AND service = ? AND channel = ?")) {
            st.setString(1, council);
            st.setString(2, service);
            st.setString(3, channel);
            return st.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("could not delete target", e);
        }
    }
}
