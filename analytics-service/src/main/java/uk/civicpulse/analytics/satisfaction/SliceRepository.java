package uk.civicpulse.analytics.satisfaction;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import uk.civicpulse.events.Scale;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads score counts for a slice from the daily counts, never from the raw ratings: the cost depends on the days
 * and cells in the slice, not on how many ratings are stored.
 */
@Singleton
public class SliceRepository {

    private final DataSource dataSource;

    public SliceRepository(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    public List<ScoreCounts> counts(Slice slice) {
        String groupColumns = slice.by().stream().map(d -> d.expression(slice.interval()) + ", ").collect(Collectors.joining());
        // A count can fall to zero (an erased rating, an answer changed later); such a cell is no group at all.
        StringBuilder where = new StringBuilder(" WHERE council = ? AND rated_on BETWEEN ? AND ? AND ratings > 0");
        List<Object> parameters = new ArrayList<>(List.of(slice.council(), Date.valueOf(slice.from()), Date.valueOf(slice.to())));
        if (slice.byCustomerGroup()) {
            where.append(" AND question = ?");
            parameters.add(slice.question());
        }
        slice.filters().forEach((dimension, value) -> {
            where.append(" AND ").append(dimension.expression(slice.interval())).append(" = ?");
            parameters.add(value);
        });
        String table = slice.byCustomerGroup() ? "rating_daily_group_count" : "rating_daily_count";
        String sql = "SELECT " + groupColumns + "scale, score, sum(ratings) FROM " + table + where
                + " GROUP BY " + groupColumns + "scale, score ORDER BY " + groupColumns + "scale, score";
        Map<String, ScoreCounts> rows = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                st.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = st.executeQuery()) {
                int dims = slice.by().size();
                while (rs.next()) {
                    Map<Dimension, String> group = new EnumMap<>(Dimension.class);
                    for (int i = 0; i < dims; i++) {
                        group.put(slice.by().get(i), rs.getString(i + 1));
                    }
                    Scale scale = Scale.fromCode(rs.getString(dims + 1)).orElseThrow(() -> new IllegalStateException("unknown scale in stored counts"));
                    int score = rs.getInt(dims + 2);
                    long ratings = rs.getLong(dims + 3);
                    ScoreCounts row = rows.computeIfAbsent(group + "/" + scale.code(), k -> new ScoreCounts(group, scale, new long[scale.size()]));
                    row.counts()[score - 1] += ratings;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read satisfaction counts", e);
        }
        return new ArrayList<>(rows.values());
    }
}
