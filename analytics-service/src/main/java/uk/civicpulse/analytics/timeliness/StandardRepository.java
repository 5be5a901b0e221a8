package uk.civicpulse.analytics.timeliness;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Standards (every version), and each council's working-day calendar. */
@Singleton
public class StandardRepository {

    private final DataSource dataSource;

    public StandardRepository(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** Every version of every standard of the council, by code then effective date. */
    public List<Standard> standards(String council) {
        List<Standard> standards = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT code, effective_from, service, channel, contact_type, measure, limit_value, limit_unit,
                       target_share, promise_en, promise_cy, created_by, created_at
                FROM timeliness_standard WHERE council = ? ORDER BY code, effective_from""")) {
            st.setString(1, council);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    standards.add(new Standard(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8), rs.getDouble(9),
                            rs.getString(10), rs.getString(11), rs.getString(12), rs.getTimestamp(13).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return standards;
    }

    /** @return false when this version (council, code, effective date) already exists; versions are never changed */
    public boolean add(String council, Standard s, String createdBy) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                INSERT INTO timeliness_standard (council, code, effective_from, service, channel, contact_type, measure,
                    limit_value, limit_unit, target_share, promise_en, promise_cy, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            st.setString(1, council);
            st.setString(2, s.code());
            st.setDate(3, Date.valueOf(s.effectiveFrom()));
            st.setObject(4, s.service(), Types.VARCHAR);
            st.setObject(5, s.channel(), Types.VARCHAR);
            st.setString(6, s.contactType());
            st.setString(7, s.measure());
            st.setInt(8, s.limit());
            st.setString(9, s.unit());
            st.setDouble(10, s.targetShare());
            st.setString(11, s.promiseEn());
            st.setString(12, s.promiseCy());
            st.setString(13, createdBy);
            return st.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The council's bank-holiday division (England and Wales unless set). */
    public Division division(String council) {
        return queryOne("SELECT division FROM council_calendar WHERE council = ?", council)
                .flatMap(Division::fromCode).orElse(Division.ENGLAND_AND_WALES);
    }

    public Set<LocalDate> closureDays(String council) {
        Set<LocalDate> days = new HashSet<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT day FROM council_closure_day WHERE council = ?")) {
            st.setString(1, council);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    days.add(rs.getDate(1).toLocalDate());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return days;
    }

    private Optional<String> queryOne(String sql, String council) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, council);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
