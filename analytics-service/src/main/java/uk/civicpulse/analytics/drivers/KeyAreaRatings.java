package uk.civicpulse.analytics.drivers;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import uk.civicpulse.analytics.satisfaction.Slice;
import uk.civicpulse.events.KeyArea;
import uk.civicpulse.events.Scale;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one statistic that needs each rating's own answers: overall score beside the five key-area ratings. It scans
 * the raw ratings of one council over one range only (the monthly partitions of that range, through the
 * (council, rated_on) index), takes only ratings that gave all five key areas, and stops at a configured cap.
 */
@Singleton
public class KeyAreaRatings {

    private final DataSource dataSource;
    private final int maxRows;

    public KeyAreaRatings(DataSource dataSource, @Value("${civic-pulse.key-drivers.max-ratings:200000}") int maxRows) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.maxRows = maxRows;
    }

    /**
     * @param overall the rescaled overall score (0 worst, 100 best) of each complete rating
     * @param areas   areas[i][j]: rating i's answer (1-5) for {@link KeyArea#values()}[j]
     * @param capped  whether the cap cut the sample short (the most recent ratings are then left out)
     */
    public record Sample(double[] overall, double[][] areas, boolean capped) {
    }

    public Sample read(Slice slice) {
        StringBuilder sql = new StringBuilder("SELECT scale, score");
        for (KeyArea area : KeyArea.values()) {
            sql.append(", (key_areas ->> '").append(area.code()).append("')::int");
        }
        sql.append(" FROM rating WHERE council = ? AND rated_on BETWEEN ? AND ? AND key_areas ??& ?");
        List<Object> parameters = new ArrayList<>(List.of(slice.council(), Date.valueOf(slice.from()), Date.valueOf(slice.to())));
        slice.filters().forEach((dimension, value) -> {
            sql.append(" AND ").append(dimension.code()).append(" = ?");
            parameters.add(value);
        });
        sql.append(" ORDER BY rated_on, id LIMIT ?");
        List<double[]> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (Object p : parameters.subList(0, 3)) {
                st.setObject(i++, p);
            }
            st.setArray(i++, c.createArrayOf("text", java.util.Arrays.stream(KeyArea.values()).map(KeyArea::code).toArray()));
            for (Object p : parameters.subList(3, parameters.size())) {
                st.setObject(i++, p);
            }
            st.setInt(i, maxRows + 1);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Scale scale = Scale.fromCode(rs.getString(1)).orElseThrow(() -> new IllegalStateException("unknown scale in stored ratings"));
                    double[] row = new double[1 + KeyArea.values().length];
                    row[0] = scale.point(rs.getInt(2)).rescaled();
                    for (int j = 0; j < KeyArea.values().length; j++) {
                        row[j + 1] = rs.getInt(3 + j);
                    }
                    rows.add(row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read key-area ratings", e);
        }
        boolean capped = rows.size() > maxRows;
        List<double[]> kept = capped ? rows.subList(0, maxRows) : rows;
        double[] overall = new double[kept.size()];
        double[][] areas = new double[kept.size()][];
        for (int i = 0; i < kept.size(); i++) {
            overall[i] = kept.get(i)[0];
            areas[i] = java.util.Arrays.copyOfRange(kept.get(i), 1, kept.get(i).length);
        }
        return new Sample(overall, areas, capped);
    }
}
