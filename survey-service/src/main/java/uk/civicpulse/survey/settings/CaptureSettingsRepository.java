package uk.civicpulse.survey.settings;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import uk.civicpulse.survey.settings.CouncilSettings.CustomerGroupQuestion;
import uk.civicpulse.survey.settings.CouncilSettings.Kiosk;
import uk.civicpulse.survey.settings.CouncilSettings.KioskTouchpoint;
import uk.civicpulse.survey.settings.CouncilSettings.Label;
import uk.civicpulse.survey.settings.CouncilSettings.ServiceSettings;

import javax.sql.DataSource;
import java.sql.Array;
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

    /** Every council's settings and every phone line, read in one snapshot. */
    public record Snapshot(Map<String, CouncilSettings> councils, Map<String, IvrLine> ivrLines) {
    }

    public Snapshot loadAll() {
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
                Map<String, List<String>> origins = new LinkedHashMap<>();
                try (ResultSet rs = st.executeQuery("SELECT council, origin FROM council_allowed_origin ORDER BY council, origin")) {
                    while (rs.next()) {
                        origins.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
                Map<String, Map<String, Map<String, String>>> strings = new LinkedHashMap<>();
                try (ResultSet rs = st.executeQuery("SELECT council, language, key, text FROM council_string ORDER BY council, language, key")) {
                    while (rs.next()) {
                        strings.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                                .computeIfAbsent(rs.getString(2), k -> new LinkedHashMap<>())
                                .put(rs.getString(3), rs.getString(4));
                    }
                }
                Map<String, List<String[]>> kioskRows = new LinkedHashMap<>();
                try (ResultSet rs = st.executeQuery("SELECT council, code, name, service, minimum_interval_seconds, idle_seconds "
                        + "FROM kiosk_touchpoint ORDER BY council, code")) {
                    while (rs.next()) {
                        kioskRows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new String[]{
                                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)});
                    }
                }
                Map<String, CouncilSettings> councils = new LinkedHashMap<>();
                try (ResultSet rs = st.executeQuery("SELECT code, name_en, name_cy, council_type, languages, "
                        + "kiosk_minimum_interval_seconds, kiosk_idle_seconds FROM council ORDER BY name_en")) {
                    while (rs.next()) {
                        String code = rs.getString(1);
                        Kiosk kiosk = new Kiosk(rs.getInt(6), rs.getInt(7));
                        Map<String, KioskTouchpoint> kiosks = new LinkedHashMap<>();
                        for (String[] k : kioskRows.getOrDefault(code, List.of())) {
                            kiosks.put(k[0], new KioskTouchpoint(k[0], k[1], k[2], new Kiosk(
                                    k[3] == null ? kiosk.minimumIntervalSeconds() : Integer.parseInt(k[3]),
                                    k[4] == null ? kiosk.idleSeconds() : Integer.parseInt(k[4]))));
                        }
                        Map<String, Map<String, String>> councilStrings = new LinkedHashMap<>();
                        strings.getOrDefault(code, Map.of()).forEach((language, texts) ->
                                councilStrings.put(language, Collections.unmodifiableMap(texts)));
                        councils.put(code, new CouncilSettings(code, rs.getString(2), rs.getString(3), rs.getString(4),
                                Collections.unmodifiableMap(services.getOrDefault(code, Map.of())),
                                Collections.unmodifiableMap(questions.getOrDefault(code, Map.of())),
                                languages(rs.getArray(5)),
                                Collections.unmodifiableMap(councilStrings),
                                kiosk,
                                Collections.unmodifiableMap(kiosks),
                                List.copyOf(origins.getOrDefault(code, List.of()))));
                    }
                }
                Map<String, Map<String, Integer>> digits = new LinkedHashMap<>();
                try (ResultSet rs = st.executeQuery("SELECT line, digit, score FROM ivr_digit ORDER BY line, digit")) {
                    while (rs.next()) {
                        digits.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getInt(3));
                    }
                }
                Map<String, IvrLine> lines = new LinkedHashMap<>();
                try (ResultSet rs = st.executeQuery("SELECT l.line, l.council, l.service, s.scale, l.secret FROM ivr_line l "
                        + "JOIN council_service s ON s.council = l.council AND s.code = l.service ORDER BY l.line")) {
                    while (rs.next()) {
                        String line = rs.getString(1);
                        lines.put(line, new IvrLine(line, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                Collections.unmodifiableMap(digits.getOrDefault(line, Map.of()))));
                    }
                }
                c.commit();
                return new Snapshot(Collections.unmodifiableMap(councils), Collections.unmodifiableMap(lines));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read capture settings", e);
        }
    }

    private static List<String> languages(Array array) throws SQLException {
        if (array == null) {
            return List.of("en", "cy");
        }
        return List.of((String[]) array.getArray());
    }
}
