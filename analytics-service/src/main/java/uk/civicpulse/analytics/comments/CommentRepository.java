package uk.civicpulse.analytics.comments;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Comments for drill-down, newest first; the date range prunes the monthly partitions of the raw ratings. */
@Singleton
public class CommentRepository {

    private final DataSource dataSource;

    public CommentRepository(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    public CommentPage find(String council, LocalDate from, LocalDate to, String service, Integer score, String reason, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE council = ? AND rated_on BETWEEN ? AND ? AND comment IS NOT NULL");
        List<Object> parameters = new ArrayList<>(List.of(council, Date.valueOf(from), Date.valueOf(to)));
        if (service != null) {
            where.append(" AND service = ?");
            parameters.add(service);
        }
        if (score != null) {
            where.append(" AND score = ?");
            parameters.add(score.shortValue());
        }
        if (reason != null) {
            where.append(" AND ? = ANY (reasons)");
            parameters.add(reason);
        }
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement st = c.prepareStatement("SELECT count(*) FROM rating" + where)) {
                bind(st, parameters);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Comment> items = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT id, rated_on, service, channel, touchpoint, scale, score, reasons, comment, agent_entered"
                    + " FROM rating" + where + " ORDER BY rated_on DESC, received_at DESC, id LIMIT ? OFFSET ?")) {
                List<Object> all = new ArrayList<>(parameters);
                all.add(size);
                all.add((long) page * size);
                bind(st, all);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        Array reasons = rs.getArray(8);
                        items.add(new Comment((UUID) rs.getObject(1), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getInt(7), Arrays.asList((String[]) reasons.getArray()),
                                rs.getString(9), rs.getBoolean(10)));
                    }
                }
            }
            return new CommentPage(page, size, total, items);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read comments", e);
        }
    }

    /** The services and reasons this council's comments carry, for the comments page's filter lists. */
    public FilterOptions filterOptions(String council) {
        try (Connection c = dataSource.getConnection()) {
            return new FilterOptions(
                    strings(c, "SELECT DISTINCT service FROM rating WHERE council = ? AND comment IS NOT NULL ORDER BY 1", council),
                    strings(c, "SELECT DISTINCT unnest(reasons) FROM rating WHERE council = ? AND comment IS NOT NULL ORDER BY 1", council));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the comments' services and reasons", e);
        }
    }

    public record FilterOptions(List<String> services, List<String> reasons) {
    }

    private static List<String> strings(Connection c, String sql, String council) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, council);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    private static void bind(PreparedStatement st, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            st.setObject(i + 1, parameters.get(i));
        }
    }
}
