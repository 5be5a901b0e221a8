package uk.civicpulse.analytics.external;

import io.micronaut.core.type.Argument;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** External survey waves per council. */
@Singleton
public class ExternalSurveyRepository {

    private final DataSource dataSource;
    private final JsonMapper json;

    public ExternalSurveyRepository(DataSource dataSource, JsonMapper json) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.json = json;
    }

    /** @return false when the council already has this title and wave */
    public boolean insert(ExternalSurvey s) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                INSERT INTO external_survey (id, council, title, wave, fielded_from, fielded_to, service, respondents,
                    satisfied, target, groups, submitted_by, submitted_at, benchmark, benchmark_source, population)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
                ON CONFLICT (council, title, wave) DO NOTHING""")) {
            st.setObject(1, s.id());
            st.setString(2, s.council());
            st.setString(3, s.title());
            st.setString(4, s.wave());
            st.setDate(5, Date.valueOf(s.fieldedFrom()));
            st.setDate(6, Date.valueOf(s.fieldedTo()));
            st.setString(7, s.service());
            st.setLong(8, s.respondents());
            st.setLong(9, s.satisfied());
            if (s.target() == null) {
                st.setNull(10, Types.DOUBLE);
            } else {
                st.setDouble(10, s.target());
            }
            st.setString(11, new String(json.writeValueAsBytes(s.groups()), java.nio.charset.StandardCharsets.UTF_8));
            st.setString(12, s.submittedBy());
            st.setTimestamp(13, java.sql.Timestamp.from(s.submittedAt()));
            if (s.benchmark() == null) {
                st.setNull(14, Types.DOUBLE);
            } else {
                st.setDouble(14, s.benchmark());
            }
            st.setString(15, s.benchmarkSource());
            st.setObject(16, s.population(), Types.BIGINT);
            return st.executeUpdate() == 1;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not store external survey", e);
        }
    }

    /** The council's waves, optionally of one title, by title then last day of fieldwork. */
    public List<ExternalSurvey> list(String council, String title) {
        List<ExternalSurvey> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT id, council, title, wave, fielded_from, fielded_to, service, respondents, satisfied, target, groups::text,
                       submitted_by, submitted_at, benchmark, benchmark_source, population
                FROM external_survey WHERE council = ? AND (?::text IS NULL OR title = ?)
                ORDER BY title, fielded_to, fielded_from, wave""")) {
            st.setString(1, council);
            st.setString(2, title);
            st.setString(3, title);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    double target = rs.getDouble(10);
                    Double boxed = rs.wasNull() ? null : target;
                    double benchmark = rs.getDouble(14);
                    Double benchmarkOrNull = rs.wasNull() ? null : benchmark;
                    List<ExternalSurvey.Group> groups = json.readValue(rs.getString(11), Argument.listOf(ExternalSurvey.Group.class));
                    out.add(new ExternalSurvey(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getDate(5).toLocalDate(), rs.getDate(6).toLocalDate(), rs.getString(7), rs.getLong(8), rs.getLong(9),
                            boxed, groups, rs.getString(12), rs.getTimestamp(13).toInstant(), benchmarkOrNull, rs.getString(15),
                            rs.getObject(16, Long.class)));
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not read external surveys", e);
        }
        return out;
    }
}
