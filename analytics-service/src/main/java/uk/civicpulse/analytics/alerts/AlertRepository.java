package uk.civicpulse.analytics.alerts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Alerts, the last status seen of each target and standard, who is emailed, and how each alert's email stands.
 * Raising is idempotent on the alert's key (unique), so any number of evaluations, on any number of instances, store
 * one row per breach; its email is due from then until a sender that claimed it records that it went.
 */
@Singleton
public class AlertRepository {

    private static final String COLUMNS = """
            id, council, kind, service, channel, rule, period_from, period_to, figure, lower, upper, n, threshold, summary,
            raised_at, emailed_at, acknowledged_by, acknowledged_at, email_next_at, email_attempts, email_error""";

    private final DataSource dataSource;

    public AlertRepository(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** Stores the alert unless its breach is already stored; the stored alert only when new. */
    public Optional<Alert> raise(Alert.Candidate candidate) {
        try (Connection c = dataSource.getConnection()) {
            return insert(c, candidate);
        } catch (SQLException e) {
            throw new IllegalStateException("could not raise alert " + candidate.key(), e);
        }
    }

    /**
     * Records a target's or standard's status and raises the alert when it is newly missed, in one transaction (the
     * status row is locked, so two evaluations at once cannot both see it change). The alert's key is the
     * subject's key plus how many times it has become missed.
     */
    public Optional<Alert> observe(String subject, String status, Alert.Candidate ifMissed) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement st = c.prepareStatement("""
                        INSERT INTO alert_watch (council, kind, subject, status) VALUES (?, ?, ?, 'unseen')
                        ON CONFLICT DO NOTHING""")) {
                    st.setString(1, ifMissed.council());
                    st.setString(2, ifMissed.kind());
                    st.setString(3, subject);
                    st.executeUpdate();
                }
                String previous;
                int misses;
                try (PreparedStatement st = c.prepareStatement(
                        "SELECT status, misses FROM alert_watch WHERE council = ? AND kind = ? AND subject = ? FOR UPDATE")) {
                    st.setString(1, ifMissed.council());
                    st.setString(2, ifMissed.kind());
                    st.setString(3, subject);
                    try (ResultSet rs = st.executeQuery()) {
                        rs.next();
                        previous = rs.getString(1);
                        misses = rs.getInt(2);
                    }
                }
                boolean newlyMissed = StatusChange.newlyMissed(previous, status);
                if (newlyMissed) {
                    misses++;
                }
                try (PreparedStatement st = c.prepareStatement("""
                        UPDATE alert_watch SET status = ?, misses = ?, checked_at = now()
                        WHERE council = ? AND kind = ? AND subject = ?""")) {
                    st.setString(1, status);
                    st.setInt(2, misses);
                    st.setString(3, ifMissed.council());
                    st.setString(4, ifMissed.kind());
                    st.setString(5, subject);
                    st.executeUpdate();
                }
                Optional<Alert> raised = newlyMissed ? insert(c, ifMissed.withKey(ifMissed.key() + "|miss " + misses)) : Optional.empty();
                c.commit();
                return raised;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the status of " + subject, e);
        }
    }

    private static Optional<Alert> insert(Connection c, Alert.Candidate a) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO alert (council, alert_key, kind, service, channel, rule, period_from, period_to, figure, lower,
                                   upper, n, threshold, summary)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (alert_key) DO NOTHING
                RETURNING\s""" + COLUMNS)) {
            st.setString(1, a.council());
            st.setString(2, a.key());
            st.setString(3, a.kind());
            st.setString(4, a.service());
            st.setString(5, a.channel());
            st.setString(6, a.rule());
            st.setDate(7, Date.valueOf(a.periodFrom()));
            st.setDate(8, Date.valueOf(a.periodTo()));
            setDouble(st, 9, a.figure());
            setDouble(st, 10, a.lower());
            setDouble(st, 11, a.upper());
            st.setLong(12, a.n());
            setDouble(st, 13, a.threshold());
            st.setString(14, a.summary());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    public List<Alert> list(String council, boolean unacknowledgedOnly, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM alert WHERE council = ?"
                + (unacknowledgedOnly ? " AND acknowledged_at IS NULL" : "") + " ORDER BY raised_at DESC, id DESC LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, council);
            st.setInt(2, limit);
            List<Alert> alerts = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    alerts.add(map(rs));
                }
            }
            return alerts;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read alerts", e);
        }
    }

    public Optional<Alert> find(String council, long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM alert WHERE council = ? AND id = ?")) {
            st.setString(1, council);
            st.setLong(2, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read alert " + id, e);
        }
    }

    /** @return false when the alert was already acknowledged (the first acknowledgement stands) */
    public boolean acknowledge(String council, long id, String by) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "UPDATE alert SET acknowledged_by = ?, acknowledged_at = now() WHERE council = ? AND id = ? AND acknowledged_at IS NULL")) {
            st.setString(1, by);
            st.setString(2, council);
            st.setLong(3, id);
            return st.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("could not acknowledge alert " + id, e);
        }
    }

    /** An alert whose email is due, with the number of tries so far. */
    public record Due(Alert alert, int attempts) {
    }

    /**
     * Claims up to {@code limit} alerts whose email is due, oldest due first, by moving each one's next try on by
     * {@code lease}: another sender (another instance, or the schedule on this one) skips the claimed rows and, once
     * committed, no longer sees them due. Whoever claims an alert records how its send went.
     */
    public List<Due> claimDue(int limit, java.time.Duration lease) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                UPDATE alert SET email_next_at = now() + make_interval(secs => ?)
                WHERE id IN (SELECT id FROM alert WHERE emailed_at IS NULL AND email_next_at <= now()
                             ORDER BY email_next_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING\s""" + COLUMNS)) {
            st.setDouble(1, lease.toMillis() / 1000.0);
            st.setInt(2, limit);
            List<Due> due = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    due.add(due(map(rs)));
                }
            }
            due.sort(java.util.Comparator.comparingLong(d -> d.alert().id()));
            return due;
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim the alert emails due", e);
        }
    }

    /** The alert's email went: it is never sent again. */
    public void markEmailed(long id) {
        update("UPDATE alert SET emailed_at = now(), email_next_at = NULL, email_attempts = email_attempts + 1, email_error = NULL WHERE id = ?",
                id, "could not mark alert " + id + " emailed");
    }

    /** The send failed: the alert is tried again after {@code retryIn}. */
    public void markFailed(long id, String error, java.time.Duration retryIn) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                UPDATE alert SET email_attempts = email_attempts + 1, email_error = ?, email_next_at = now() + make_interval(secs => ?)
                WHERE id = ? AND emailed_at IS NULL""")) {
            st.setString(1, error);
            st.setDouble(2, retryIn.toMillis() / 1000.0);
            st.setLong(3, id);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the failed email of alert " + id, e);
        }
    }

    /** The alert is not to be emailed (no recipients, no SMTP server): it stays on the dashboard, with the reason. */
    public int markNotEmailed(@Nullable Long id, String reason) {
        String sql = "UPDATE alert SET email_next_at = NULL, email_error = ? WHERE emailed_at IS NULL AND "
                + (id == null ? "email_next_at <= now()" : "id = ?");
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, reason);
            if (id != null) {
                st.setLong(2, id);
            }
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record why alert " + id + " is not emailed", e);
        }
    }

    /** How the alert's email stands: tries so far and the last error (null once sent). */
    public Optional<Due> delivery(long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM alert WHERE id = ?")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(due(map(rs))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read alert " + id, e);
        }
    }

    private void update(String sql, long id, String failure) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, id);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(failure, e);
        }
    }

    public List<String> recipients(String council) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT email FROM alert_recipient WHERE council = ? ORDER BY email")) {
            st.setString(1, council);
            List<String> emails = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    emails.add(rs.getString(1));
                }
            }
            return emails;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read alert recipients", e);
        }
    }

    /** Replaces the council's recipients. */
    public void setRecipients(String council, List<String> emails, String by) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM alert_recipient WHERE council = ?");
                 PreparedStatement insert = c.prepareStatement(
                         "INSERT INTO alert_recipient (council, email, added_by) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                delete.setString(1, council);
                delete.executeUpdate();
                for (String email : emails) {
                    insert.setString(1, council);
                    insert.setString(2, email);
                    insert.setString(3, by);
                    insert.addBatch();
                }
                insert.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not save alert recipients", e);
        }
    }

    private static void setDouble(PreparedStatement st, int index, @Nullable Double value) throws SQLException {
        if (value == null || value.isNaN()) {
            st.setNull(index, Types.DOUBLE);
        } else {
            st.setDouble(index, value);
        }
    }

    private static Alert map(ResultSet rs) throws SQLException {
        return new Alert(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getDate(7).toLocalDate(), rs.getDate(8).toLocalDate(), (Double) rs.getObject(9), (Double) rs.getObject(10),
                (Double) rs.getObject(11), rs.getLong(12), (Double) rs.getObject(13), rs.getString(14),
                rs.getTimestamp(15).toInstant(), instant(rs.getTimestamp(16)), rs.getString(17), instant(rs.getTimestamp(18)),
                Alert.Email.of(instant(rs.getTimestamp(16)), instant(rs.getTimestamp(19)), rs.getInt(20), rs.getString(21)));
    }

    private static Due due(Alert alert) {
        return new Due(alert, alert.email().attempts());
    }

    private static java.time.Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
