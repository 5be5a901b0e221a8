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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads score counts for a slice from the pre-aggregated counts, never from the raw ratings: the cost depends on the
 * cells in the slice, not on how many ratings are stored.
 * <p>
 * The whole months of a range come from the running monthly counts ({@code rating_cumulative_count}, V90): the
 * ratings of months A..B are cumulative(B) - cumulative(A - 1), two rows per cell however long the range. The days
 * before the first and after the last whole month come from the daily counts, and so does a slice by period (a time
 * series) or one shorter than a whole month. Each way gives the same figures.
 */
@Singleton
public class SliceRepository {

    private final DataSource dataSource;

    public SliceRepository(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    public List<ScoreCounts> counts(Slice slice) {
        WholeMonths months = slice.by().contains(Dimension.PERIOD) ? null : WholeMonths.within(slice.from(), slice.to());
        return months == null ? fromDailyCounts(slice) : fromRunningCounts(slice, months);
    }

    /**
     * The whole calendar months inside a range and the days around them.
     *
     * @param first      first day of the first whole month
     * @param lastMonth  first day of the last whole month
     */
    record WholeMonths(LocalDate first, LocalDate lastMonth) {

        /** The whole months from {@code from} to {@code to} (inclusive), or null when there is none. */
        static WholeMonths within(LocalDate from, LocalDate to) {
            LocalDate first = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
            LocalDate end = to.equals(to.withDayOfMonth(to.lengthOfMonth())) ? to : to.withDayOfMonth(1).minusDays(1);
            return first.isAfter(end) ? null : new WholeMonths(first, end.withDayOfMonth(1));
        }

        LocalDate monthBefore() {
            return first.minusMonths(1);
        }

        LocalDate lastDay() {
            return lastMonth.plusMonths(1).minusDays(1);
        }
    }

    private List<ScoreCounts> fromDailyCounts(Slice slice) {
        String groupColumns = slice.by().stream().map(d -> d.expression(slice.interval()) + ", ").collect(Collectors.joining());
        // A count can fall to zero (an erased rating, an answer changed later); such a cell is no group at all.
        StringBuilder where = new StringBuilder(" WHERE council = ? AND rated_on BETWEEN ? AND ? AND ratings > 0");
        List<Object> parameters = new ArrayList<>(List.of(slice.council(), Date.valueOf(slice.from()), Date.valueOf(slice.to())));
        if (slice.byCustomerGroup()) {
            where.append(" AND question = ?");
            parameters.add(slice.question());
        }
        appendFilters(slice, where, parameters);
        String table = slice.byCustomerGroup() ? "rating_daily_group_count" : "rating_daily_count";
        String sql = "SELECT " + groupColumns + "scale, score, sum(ratings) FROM " + table + where
                + " GROUP BY " + groupColumns + "scale, score ORDER BY " + groupColumns + "scale, score";
        Map<String, ScoreCounts> rows = new LinkedHashMap<>();
        read(slice, sql, parameters, rows, false);
        return new ArrayList<>(rows.values());
    }

    /**
     * One statement: the running counts at the last whole month (or the council's newest month, if earlier) less those
     * of the month before the first, as rows per cell with a sign and the count of each score, and the daily counts of
     * the days around them summed per group in the same shape. The rows are added up here rather than by GROUP BY:
     * cheaper than hashing text keys in the database.
     */
    private List<ScoreCounts> fromRunningCounts(Slice slice, WholeMonths months) {
        String columns = slice.by().stream().map(d -> d.expression(slice.interval()) + ", ").collect(Collectors.joining());
        boolean byGroup = slice.byCustomerGroup();
        String question = byGroup ? " AND question = ?" : "";
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        String running = byGroup ? "rating_cumulative_group_count" : "rating_cumulative_count";
        // the horizon: nothing was rated after the council's newest month, so a later month counts as that one; a
        // council with nothing from the first whole month on has no row here at all (and no ratings in those months)
        sql.append("WITH h AS (SELECT least(?, max(month)) AS upper FROM ").append(running)
                .append(" WHERE council = ?").append(question).append(" HAVING max(month) >= ?) SELECT ").append(columns)
                .append("scale, CASE WHEN month = h.upper THEN 1 ELSE -1 END, ratings[1], ratings[2], ratings[3], ratings[4],")
                .append(" ratings[5] FROM h JOIN ").append(running)
                .append(" c ON council = ?").append(question).append(" AND month IN (h.upper, ?) WHERE true");
        parameters.add(Date.valueOf(months.lastMonth()));
        parameters.add(slice.council());
        if (byGroup) {
            parameters.add(slice.question());
        }
        parameters.add(Date.valueOf(months.first()));
        parameters.add(slice.council());
        if (byGroup) {
            parameters.add(slice.question());
        }
        parameters.add(Date.valueOf(months.monthBefore()));
        appendFilters(slice, sql, parameters);
        String daily = byGroup ? "rating_daily_group_count" : "rating_daily_count";
        List<LocalDate[]> edges = new ArrayList<>();
        if (slice.from().isBefore(months.first())) {
            edges.add(new LocalDate[] {slice.from(), months.first().minusDays(1)});
        }
        if (slice.to().isAfter(months.lastDay())) {
            edges.add(new LocalDate[] {months.lastDay().plusDays(1), slice.to()});
        }
        for (LocalDate[] edge : edges) {
            sql.append(" UNION ALL SELECT ").append(columns).append("scale, 1");
            for (int score = 1; score <= 5; score++) {
                sql.append(", coalesce(sum(ratings) FILTER (WHERE score = ").append(score).append("), 0)::bigint");
            }
            sql.append(" FROM ").append(daily)
                    .append(" WHERE council = ?").append(question).append(" AND rated_on BETWEEN ? AND ?");
            parameters.add(slice.council());
            if (byGroup) {
                parameters.add(slice.question());
            }
            parameters.add(Date.valueOf(edge[0]));
            parameters.add(Date.valueOf(edge[1]));
            appendFilters(slice, sql, parameters);
            sql.append(" GROUP BY ").append(columns).append("scale");
        }
        Map<String, ScoreCounts> rows = new HashMap<>();
        read(slice, sql.toString(), parameters, rows, true);
        // as the daily path orders them (by the group's values, then scale), leaving out groups that add up to none.
        // The key is those values joined by U+0000, which no stored text holds, so ordering the keys orders the groups
        // value by value: one string comparison instead of a map look-up per dimension.
        List<Map.Entry<String, ScoreCounts>> sorted = new ArrayList<>(rows.entrySet());
        sorted.sort(Map.Entry.comparingByKey());
        List<ScoreCounts> result = new ArrayList<>(sorted.size());
        for (Map.Entry<String, ScoreCounts> e : sorted) {
            if (hasNonZero(e.getValue().counts())) {
                result.add(e.getValue());
            }
        }
        return result;
    }

    private static boolean hasNonZero(long[] counts) {
        for (long c : counts) {
            if (c != 0) {
                return true;
            }
        }
        return false;
    }

    private static void appendFilters(Slice slice, StringBuilder where, List<Object> parameters) {
        slice.filters().forEach((dimension, value) -> {
            where.append(" AND ").append(dimension.expression(slice.interval())).append(" = ?");
            parameters.add(value);
        });
    }

    /**
     * Adds the rows of the statement into one ScoreCounts per group and scale: rows of (group values, scale, score,
     * ratings), or with {@code byScore} rows of (group values, scale, sign, count of score 1, ..., count of score 5).
     * A 12-month slice by three dimensions brings some hundreds of rows, so the group is looked up by its values joined
     * and only made into a map for a group not seen before.
     */
    private void read(Slice slice, String sql, List<Object> parameters, Map<String, ScoreCounts> rows, boolean byScore) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                st.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = st.executeQuery()) {
                int dims = slice.by().size();
                String[] values = new String[dims];
                StringBuilder key = new StringBuilder();
                Map<String, Scale> scales = new HashMap<>();
                while (rs.next()) {
                    key.setLength(0);
                    for (int i = 0; i < dims; i++) {
                        values[i] = rs.getString(i + 1);
                        key.append(values[i]).append('\u0000');
                    }
                    String scaleCode = rs.getString(dims + 1);
                    key.append(scaleCode);
                    ScoreCounts row = rows.get(key.toString());
                    if (row == null) {
                        Scale scale = scales.computeIfAbsent(scaleCode, code -> Scale.fromCode(code)
                                .orElseThrow(() -> new IllegalStateException("unknown scale in stored counts")));
                        Map<Dimension, String> group = new EnumMap<>(Dimension.class);
                        for (int i = 0; i < dims; i++) {
                            group.put(slice.by().get(i), values[i]);
                        }
                        row = new ScoreCounts(group, scale, new long[scale.size()]);
                        rows.put(key.toString(), row);
                    }
                    long[] counts = row.counts();
                    if (byScore) {
                        int sign = rs.getInt(dims + 2);
                        for (int i = 0; i < counts.length; i++) {
                            counts[i] += sign * rs.getLong(dims + 3 + i);
                        }
                    } else {
                        counts[rs.getInt(dims + 2) - 1] += rs.getLong(dims + 3);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read satisfaction counts", e);
        }
    }
}
