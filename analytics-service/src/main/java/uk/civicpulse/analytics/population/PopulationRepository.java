package uk.civicpulse.analytics.population;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Population shares per customer-group question and contact volumes per month, service and channel. */
@Singleton
public class PopulationRepository {

    private final DataSource dataSource;

    public PopulationRepository(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** Every question's shares for a council, by question then answer (in answer order). */
    public Map<String, QuestionShares> shares(String council) {
        Map<String, QuestionShares> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT question, answer, share, source FROM population_share WHERE council = ? ORDER BY question, answer")) {
            st.setString(1, council);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    QuestionShares q = out.computeIfAbsent(rs.getString(1), k -> new QuestionShares(k, new LinkedHashMap<>(), null));
                    q.shares().put(rs.getString(2), rs.getDouble(3));
                    if (rs.getString(4) != null) {
                        out.put(q.question(), new QuestionShares(q.question(), q.shares(), rs.getString(4)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read population shares", e);
        }
        return out;
    }

    /** Replaces one question's shares. */
    public void replaceShares(String council, QuestionShares shares) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM population_share WHERE council = ? AND question = ?");
                 PreparedStatement insert = c.prepareStatement(
                         "INSERT INTO population_share (council, question, answer, share, source) VALUES (?, ?, ?, ?, ?)")) {
                delete.setString(1, council);
                delete.setString(2, shares.question());
                delete.executeUpdate();
                for (Map.Entry<String, Double> e : shares.shares().entrySet()) {
                    insert.setString(1, council);
                    insert.setString(2, shares.question());
                    insert.setString(3, e.getKey());
                    insert.setDouble(4, e.getValue());
                    insert.setString(5, shares.source());
                    insert.addBatch();
                }
                insert.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not save population shares", e);
        }
    }

    public boolean deleteShares(String council, String question) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("DELETE FROM population_share WHERE council = ? AND question = ?")) {
            st.setString(1, council);
            st.setString(2, question);
            return st.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("could not delete population shares", e);
        }
    }

    public List<ContactVolume> volumes(String council, LocalDate fromMonth, LocalDate toMonth) {
        List<ContactVolume> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT month, service, channel, contacts FROM contact_volume
                WHERE council = ? AND month BETWEEN ? AND ? ORDER BY month, service, channel""")) {
            st.setString(1, council);
            st.setDate(2, Date.valueOf(fromMonth));
            st.setDate(3, Date.valueOf(toMonth));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new ContactVolume(rs.getDate(1).toLocalDate().toString().substring(0, 7), rs.getString(2), rs.getString(3), rs.getLong(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read contact volumes", e);
        }
        return out;
    }

    public void saveVolumes(String council, List<ContactVolume> volumes) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                INSERT INTO contact_volume (council, month, service, channel, contacts) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (council, month, service, channel) DO UPDATE SET contacts = EXCLUDED.contacts""")) {
            for (ContactVolume v : volumes) {
                st.setString(1, council);
                st.setDate(2, Date.valueOf(v.firstDay()));
                st.setString(3, v.service());
                st.setString(4, v.channel());
                st.setLong(5, v.contacts());
                st.addBatch();
            }
            st.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not save contact volumes", e);
        }
    }

    /**
     * The contacts N behind a set of ratings, or null when the contact volumes do not cover them: the range must be
     * whole months, and every (service, channel) that has ratings in the scope needs a volume for every month.
     *
     * @param service only this service, or null for all
     * @param channel only this channel, or null for all
     */
    public Long contacts(String council, LocalDate from, LocalDate to, String service, String channel) {
        if (from.getDayOfMonth() != 1 || !to.plusDays(1).equals(to.plusDays(1).withDayOfMonth(1))) {
            return null;
        }
        String scope = (service == null ? "" : " AND service = ?") + (channel == null ? "" : " AND channel = ?");
        String missing = """
                SELECT count(*) FROM (SELECT DISTINCT service, channel FROM rating_daily_count
                                      WHERE council = ? AND rated_on BETWEEN ? AND ? AND ratings > 0""" + scope + """
                ) r CROSS JOIN generate_series(?::date, ?::date, interval '1 month') m
                WHERE NOT EXISTS (SELECT 1 FROM contact_volume v
                                  WHERE v.council = ? AND v.service = r.service AND v.channel = r.channel AND v.month = m::date)""";
        String total = "SELECT sum(contacts), count(*) FROM contact_volume WHERE council = ? AND month BETWEEN ? AND ?" + scope;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement st = c.prepareStatement(missing)) {
                int i = 1;
                st.setString(i++, council);
                st.setDate(i++, Date.valueOf(from));
                st.setDate(i++, Date.valueOf(to));
                if (service != null) {
                    st.setString(i++, service);
                }
                if (channel != null) {
                    st.setString(i++, channel);
                }
                st.setDate(i++, Date.valueOf(from));
                st.setDate(i++, Date.valueOf(to.withDayOfMonth(1)));
                st.setString(i, council);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return null;
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement(total)) {
                int i = 1;
                st.setString(i++, council);
                st.setDate(i++, Date.valueOf(from));
                st.setDate(i++, Date.valueOf(to.withDayOfMonth(1)));
                if (service != null) {
                    st.setString(i++, service);
                }
                if (channel != null) {
                    st.setString(i, channel);
                }
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(2) == 0 ? null : rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read contact volumes", e);
        }
    }
}
