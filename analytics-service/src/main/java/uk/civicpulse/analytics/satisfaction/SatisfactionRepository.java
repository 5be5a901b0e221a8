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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads score counts for a slice from the daily counts, never from the raw ratings. */
@Singleton
public class SatisfactionRepository {

    private final DataSource dataSource;

    public SatisfactionRepository(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    public List<ScoreCounts> counts(String council, LocalDate from, LocalDate to, List<Dimension> by) {
        String groupColumns = by.stream().map(d -> d.column() + ", ").collect(Collectors.joining());
        String sql = "SELECT " + groupColumns + "scale, score, sum(ratings) FROM rating_daily_count"
                + " WHERE council = ? AND rated_on BETWEEN ? AND ?"
                + " GROUP BY " + groupColumns + "scale, score"
                + " ORDER BY " + groupColumns + "scale, score";
        Map<String, ScoreCounts> slices = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, council);
            st.setDate(2, Date.valueOf(from));
            st.setDate(3, Date.valueOf(to));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Map<Dimension, String> group = new EnumMap<>(Dimension.class);
                    for (int i = 0; i < by.size(); i++) {
                        group.put(by.get(i), rs.getString(i + 1));
                    }
                    Scale scale = Scale.fromCode(rs.getString(by.size() + 1))
                            .orElseThrow(() -> new IllegalStateException("unknown scale in stored counts"));
                    int score = rs.getInt(by.size() + 2);
                    long ratings = rs.getLong(by.size() + 3);
                    ScoreCounts slice = slices.computeIfAbsent(group + "/" + scale.code(),
                            k -> new ScoreCounts(group, scale, new long[scale.size()]));
                    slice.counts()[score - 1] += ratings;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read satisfaction counts", e);
        }
        return new ArrayList<>(slices.values());
    }
}
