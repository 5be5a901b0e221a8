package uk.civicpulse.survey.settings;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import uk.civicpulse.survey.settings.CouncilSettings.CustomerGroupQuestion;
import uk.civicpulse.survey.settings.CouncilSettings.Label;
import uk.civicpulse.survey.settings.CouncilSettings.ServiceSettings;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads every council's capture settings from survey-service's own tables in one consistent snapshot. */
@Singleton
public class CaptureSettingsRepository {

    private final DataSource dataSource;

    public CaptureSettingsRepository(DataSource dataSource) {
        // The plain pool: this reader manages its own short read-only transaction.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    public Map<String, CouncilSettings> loadAll() {
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement st = c.createStatement()) {
                Map<String, List<Label>> reasons = new LinkedHashMap<>();
                try (ResultSet rs = st.executeQuery("SELECT council, service, code, label_en, label_cy FROM service_reason ORDER BY position, code")) {
                    while (rs.next()) {
                        reasons.computeIfAbsent(rs.getString(1) + "/" + rs.getString(2), k -> new ArrayList<>())
                                .add(new Label(rs.getString(3), rs.getString(4), rs.getString(5)));
                    }
                }
                Map<String, List<Label>> answers = new LinkedHashMap<>();
                try (ResultSet rs = st.executeQuery("SELECT council, question, code, label_en, label_cy FROM customer_group_answer ORDER BY position, code")) {
                    while (rs.next()) {
                        answers.computeIfAbsent(rs.getString(1) + "/" + rs.getString(2), k -> new ArrayList<>())
                                .add(new Label(rs.getString(3), rs.getString(4), rs.getString(5)));
                    }
                }
                Map<String, Map<String, ServiceSettings>> services = new LinkedHashMap<>();
                try (ResultSet rs = st.executeQuery("SELECT council, code, name_en, name_cy, scale FROM council_service ORDER BY council, name_en")) {
                    while (rs.next()) {
                        String council = rs.getString(1);
                        String code = rs.getString(2);
                        services.computeIfAbsent(council, k -> new LinkedHashMap<>()).put(code, new ServiceSettings(code,
                                rs.getString(3), rs.getString(4), rs.getString(5),
                                List.copyOf(reasons.getOrDefault(council + "/" + code, List.of()))));
                    }
                }
                Map<String, Map<String, CustomerGroupQuestion>> questions = new LinkedHashMap<>();
                try (ResultSet rs = st.executeQuery("SELECT council, code, label_en, label_cy FROM customer_group_question ORDER BY council, position, code")) {
                    while (rs.next()) {
                        String council = rs.getString(1);
                        String code = rs.getString(2);
                        questions.computeIfAbsent(council, k -> new LinkedHashMap<>()).put(code, new CustomerGroupQuestion(code,
                                rs.getString(3), rs.getString(4), List.copyOf(answers.getOrDefault(council + "/" + code, List.of()))));
                    }
                }
                Map<String, CouncilSettings> councils = new LinkedHashMap<>();
                try (ResultSet rs = st.executeQuery("SELECT code, name_en, name_cy, council_type FROM council ORDER BY name_en")) {
                    while (rs.next()) {
                        String code = rs.getString(1);
                        councils.put(code, new CouncilSettings(code, rs.getString(2), rs.getString(3), rs.getString(4),
                                Collections.unmodifiableMap(services.getOrDefault(code, Map.of())),
                                Collections.unmodifiableMap(questions.getOrDefault(code, Map.of()))));
                    }
                }
                c.commit();
                return Collections.unmodifiableMap(councils);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read capture settings", e);
        }
    }
}
