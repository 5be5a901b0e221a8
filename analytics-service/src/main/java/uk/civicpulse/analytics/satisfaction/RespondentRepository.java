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
import java.util.List;
import java.util.Map;

/**
 * For weighting: respondents of a slice counted by group, score and their answers to the weighting questions jointly.
 * Raking needs the joint answers, which the daily counts (one question at a time) do not keep, so this reads the
 * raw ratings: its cost grows with the ratings in the slice, and it is used only when a figure is weighted.
 */
@Singleton
public class RespondentRepository {

    private final DataSource dataSource;

    public RespondentRepository(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /**
     * @param group   the slice's value per dimension
     * @param answers the answer to each weighting question, in order; null when not given
     * @param count   respondents
     */
    public record Respondents(Map<Dimension, String> group, Scale scale, int score, String[] answers, long count) {
    }

    public List<Respondents> respondents(Slice slice, List<String> questions) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder select = new StringBuilder("SELECT ");
        for (Dimension d : slice.by()) {
            select.append(expression(d, slice, parameters)).append(", ");
        }
        select.append("scale, score");
        for (String q : questions) {
            select.append(", customer_group ->> ?");
            parameters.add(q);
        }
        select.append(", count(*) FROM rating WHERE council = ? AND rated_on BETWEEN ? AND ?");
        parameters.addAll(List.of(slice.council(), Date.valueOf(slice.from()), Date.valueOf(slice.to())));
        slice.filters().forEach((dimension, value) -> {
            select.append(" AND ").append(expression(dimension, slice, parameters)).append(" = ?");
            parameters.add(value);
        });
        int columns = slice.by().size() + 2 + questions.size();
        select.append(" GROUP BY ");
        for (int i = 1; i <= columns; i++) {
            select.append(i).append(i < columns ? ", " : "");
        }
        List<Respondents> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(select.toString())) {
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
                    Scale scale = Scale.fromCode(rs.getString(dims + 1)).orElseThrow(() -> new IllegalStateException("unknown scale in stored ratings"));
                    int score = rs.getInt(dims + 2);
                    String[] answers = new String[questions.size()];
                    for (int q = 0; q < answers.length; q++) {
                        answers[q] = rs.getString(dims + 3 + q);
                    }
                    out.add(new Respondents(group, scale, score, answers, rs.getLong(columns + 1)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read respondents for weighting", e);
        }
        return out;
    }

    /** The raw-table expression of a dimension; the question, when needed, is bound as a parameter. */
    private static String expression(Dimension d, Slice slice, List<Object> parameters) {
        if (d == Dimension.CUSTOMER_GROUP) {
            parameters.add(slice.question());
            return "customer_group ->> ?";
        }
        return d.expression(slice.interval());
    }
}
