package uk.civicpulse.analytics.officers;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

@Singleton
public class OfficerRepository {

    private final DataSource dataSource;

    public OfficerRepository(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    public Optional<Officer> find(String username) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT username, password_hash, council, role FROM officer WHERE username = ?")) {
            st.setString(1, username);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Officer(rs.getString(1), rs.getString(2), rs.getString(3), Role.fromCode(rs.getString(4))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read officers", e);
        }
    }

    public void save(Officer officer) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("""
                     INSERT INTO officer (username, password_hash, council, role) VALUES (?, ?, ?, ?)
                     ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash,
                         council = EXCLUDED.council, role = EXCLUDED.role""")) {
            st.setString(1, officer.username());
            st.setString(2, officer.passwordHash());
            st.setString(3, officer.council());
            st.setString(4, officer.role().code());
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not save officer " + officer.username(), e);
        }
    }

    public List<String> councilCodes() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT code FROM council ORDER BY code");
             ResultSet rs = st.executeQuery()) {
            List<String> codes = new java.util.ArrayList<>();
            while (rs.next()) {
                codes.add(rs.getString(1));
            }
            return codes;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read councils", e);
        }
    }
}
