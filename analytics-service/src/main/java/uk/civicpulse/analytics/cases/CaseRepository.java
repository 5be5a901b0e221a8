package uk.civicpulse.analytics.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import uk.civicpulse.events.Scale;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Cases and their events. Every read and write names the council, so one council's case is never another's. */
@Singleton
public class CaseRepository {

    private static final String COLUMNS = """
            id, council, rating_id, rated_on, service, channel, touchpoint, scale, score, status, assigned_to, response,
            opened_at, closed_at""";

    private final DataSource dataSource;

    public CaseRepository(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** What a step did to a case. */
    public enum Outcome { DONE, NO_SUCH_CASE, ALREADY_CLOSED }

    /** Cases newest first, optionally only one status and one service. */
    public List<ServiceCase> list(String council, @Nullable String status, @Nullable String service, int limit, int offset) {
        String sql = "SELECT " + COLUMNS + " FROM service_case WHERE council = ?"
                + " AND (?::text IS NULL OR status = ?) AND (?::text IS NULL OR service = ?)"
                + " ORDER BY opened_at DESC, id DESC LIMIT ? OFFSET ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, council);
            st.setString(2, status);
            st.setString(3, status);
            st.setString(4, service);
            st.setString(5, service);
            st.setInt(6, limit);
            st.setInt(7, offset);
            List<ServiceCase> cases = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    cases.add(map(rs));
                }
            }
            return cases;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read cases", e);
        }
    }

    /** The services that have cases, for the list's filter. */
    public List<String> services(String council) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT DISTINCT service FROM service_case WHERE council = ? ORDER BY service")) {
            st.setString(1, council);
            List<String> services = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    services.add(rs.getString(1));
                }
            }
            return services;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read case services", e);
        }
    }

    public Optional<ServiceCase> find(String council, long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM service_case WHERE council = ? AND id = ?")) {
            st.setString(1, council);
            st.setLong(2, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read case " + id, e);
        }
    }

    /** The comment of the case's rating as stored; null when the rating has been erased. */
    public @Nullable String storedComment(ServiceCase serviceCase) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT comment FROM rating WHERE id = ? AND rated_on = ? AND council = ?")) {
            st.setObject(1, serviceCase.ratingId());
            st.setDate(2, Date.valueOf(serviceCase.ratedOn()));
            st.setString(3, serviceCase.council());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the comment of case " + serviceCase.id(), e);
        }
    }

    public List<CaseEvent> events(long caseId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT kind, actor, detail, at FROM service_case_event WHERE case_id = ? ORDER BY at, id")) {
            st.setLong(1, caseId);
            List<CaseEvent> events = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    events.add(new CaseEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read case events", e);
        }
    }

    /** Whether the username is an officer (or council admin) of the council: cases are assigned only to them. */
    public boolean isOfficerOf(String council, String username) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT 1 FROM officer WHERE username = ? AND council = ?")) {
            st.setString(1, username);
            st.setString(2, council);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read officers", e);
        }
    }

    /** The officers of a council, for the assign form. */
    public List<String> officersOf(String council) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT username FROM officer WHERE council = ? ORDER BY username")) {
            st.setString(1, council);
            List<String> names = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read officers", e);
        }
    }

    /**
     * Takes one step on an open case and records it, in one transaction; a closed case takes no more steps.
     *
     * @param kind   assigned, noted, responded or closed
     * @param detail the officer assigned, the note or the response (null when closing)
     */
    public Outcome step(String council, long id, String kind, @Nullable String detail, String actor) {
        String change = switch (kind) {
            case "assigned" -> "assigned_to = ?";
            case "responded" -> "response = ?";
            case "closed" -> "status = 'closed', closed_at = now()";
            case "noted" -> "status = status";
            default -> throw new IllegalArgumentException(kind);
        };
        boolean takesDetail = kind.equals("assigned") || kind.equals("responded");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int p = 1;
                try (PreparedStatement st = c.prepareStatement("UPDATE service_case SET " + change
                        + " WHERE council = ? AND id = ? AND status = 'open'")) {
                    if (takesDetail) {
                        st.setString(p++, detail);
                    }
                    st.setString(p++, council);
                    st.setLong(p, id);
                    if (st.executeUpdate() == 0) {
                        c.rollback();
                        return find(council, id).isPresent() ? Outcome.ALREADY_CLOSED : Outcome.NO_SUCH_CASE;
                    }
                }
                try (PreparedStatement st = c.prepareStatement(
                        "INSERT INTO service_case_event (case_id, kind, actor, detail) VALUES (?, ?, ?, ?)")) {
                    st.setLong(1, id);
                    st.setString(2, kind);
                    st.setString(3, actor);
                    st.setString(4, detail);
                    st.executeUpdate();
                }
                c.commit();
                return Outcome.DONE;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not record step " + kind + " on case " + id, e);
        }
    }

    /** Days from rating to closing per service and month opened; median and 90th percentile over closed cases. */
    public List<TimeToClose.Row> timeToClose(String council, LocalDate from, LocalDate to, @Nullable String service) {
        String sql = """
                SELECT date_trunc('month', opened_at AT TIME ZONE 'Europe/London')::date AS month, service, count(*),
                       count(*) FILTER (WHERE status = 'closed'), count(*) FILTER (WHERE status = 'open'),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM closed_at - opened_at) / 86400)
                           FILTER (WHERE status = 'closed'),
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM closed_at - opened_at) / 86400)
                           FILTER (WHERE status = 'closed')
                FROM service_case
                WHERE council = ? AND (opened_at AT TIME ZONE 'Europe/London')::date BETWEEN ? AND ?
                  AND (?::text IS NULL OR service = ?)
                GROUP BY 1, 2 ORDER BY 1, 2""";
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, council);
            st.setDate(2, Date.valueOf(from));
            st.setDate(3, Date.valueOf(to));
            st.setString(4, service);
            st.setString(5, service);
            List<TimeToClose.Row> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new TimeToClose.Row(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), (Double) rs.getObject(6), (Double) rs.getObject(7)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("could not measure time to close", e);
        }
    }

    private static ServiceCase map(ResultSet rs) throws SQLException {
        String scale = rs.getString(8);
        int score = rs.getShort(9);
        String answer = Scale.fromCode(scale).filter(s -> s.isValidScore(score)).map(s -> s.point(score).english()).orElse(String.valueOf(score));
        Timestamp closed = rs.getTimestamp(14);
        return new ServiceCase(rs.getLong(1), rs.getString(2), (UUID) rs.getObject(3), rs.getDate(4).toLocalDate(),
                rs.getString(5), rs.getString(6), rs.getString(7), scale, score, answer, rs.getString(10), rs.getString(11),
                rs.getString(12), rs.getTimestamp(13).toInstant(), closed == null ? null : closed.toInstant());
    }
}
