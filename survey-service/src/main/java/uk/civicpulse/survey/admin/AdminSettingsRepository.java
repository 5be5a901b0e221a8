package uk.civicpulse.survey.admin;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import uk.civicpulse.events.FieldError;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces one council's capture settings in one transaction, holding the council's row locked so two admins'
 * changes do not interleave. Phone line secrets left out of the document are carried over from the lines they
 * belonged to.
 */
@Singleton
public class AdminSettingsRepository {

    private final DataSource dataSource;

    public AdminSettingsRepository(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /**
     * @return problems only the database can see (a phone line another council uses, a new line without a secret);
     *         when there are any nothing is changed
     * @throws CouncilNotFoundException when there is no such council
     */
    public List<FieldError> replace(String council, CaptureSettingsDocument d) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement("SELECT code FROM council WHERE code = ? FOR UPDATE")) {
                    lock.setString(1, council);
                    try (ResultSet rs = lock.executeQuery()) {
                        if (!rs.next()) {
                            throw new CouncilNotFoundException(council);
                        }
                    }
                }
                Map<String, String> secrets = new HashMap<>();
                Map<String, String> lineOwners = new HashMap<>();
                try (PreparedStatement st = c.prepareStatement("SELECT line, council, secret FROM ivr_line");
                     ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        lineOwners.put(rs.getString(1), rs.getString(2));
                        if (rs.getString(2).equals(council)) {
                            secrets.put(rs.getString(1), rs.getString(3));
                        }
                    }
                }
                List<FieldError> errors = new ArrayList<>();
                for (int i = 0; i < d.ivrLines().size(); i++) {
                    CaptureSettingsDocument.IvrLine l = d.ivrLines().get(i);
                    String owner = lineOwners.get(l.line());
                    if (owner != null && !owner.equals(council)) {
                        errors.add(new FieldError("ivrLines[" + i + "].line", "'" + l.line() + "' is another council's line"));
                    } else if (l.secret() == null && !secrets.containsKey(l.line())) {
                        errors.add(new FieldError("ivrLines[" + i + "].secret", "is required for a new line"));
                    }
                }
                if (!errors.isEmpty()) {
                    c.rollback();
                    return errors;
                }
                write(c, council, d, secrets);
                c.commit();
                return List.of();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not save capture settings for " + council, e);
        }
    }

    private static void write(Connection c, String council, CaptureSettingsDocument d, Map<String, String> secrets) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE council SET languages = ?, kiosk_minimum_interval_seconds = ?, "
                + "kiosk_idle_seconds = ? WHERE code = ?")) {
            st.setArray(1, c.createArrayOf("text", d.languages().toArray()));
            st.setInt(2, d.kiosk().minimumIntervalSeconds());
            st.setInt(3, d.kiosk().idleSeconds());
            st.setString(4, council);
            st.executeUpdate();
        }
        // Children first where no cascade reaches them; council_service cascades to reasons, kiosks and lines.
        for (String table : List.of("ivr_line", "kiosk_touchpoint", "council_service", "customer_group_question",
                "council_allowed_origin", "council_string")) {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM " + table + " WHERE council = ?")) {
                st.setString(1, council);
                st.executeUpdate();
            }
        }
        try (PreparedStatement service = c.prepareStatement("INSERT INTO council_service (council, code, name_en, name_cy, scale) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement reason = c.prepareStatement("INSERT INTO service_reason (council, service, code, label_en, label_cy, position) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (CaptureSettingsDocument.Service s : d.services()) {
                service.setString(1, council);
                service.setString(2, s.code());
                service.setString(3, s.name());
                service.setString(4, s.nameWelsh());
                service.setString(5, s.scale());
                service.executeUpdate();
                for (int j = 0; j < s.reasons().size(); j++) {
                    CaptureSettingsDocument.Label r = s.reasons().get(j);
                    reason.setString(1, council);
                    reason.setString(2, s.code());
                    reason.setString(3, r.code());
                    reason.setString(4, r.english());
                    reason.setString(5, r.welsh());
                    reason.setInt(6, j);
                    reason.addBatch();
                }
                reason.executeBatch();
            }
        }
        try (PreparedStatement question = c.prepareStatement("INSERT INTO customer_group_question (council, code, label_en, label_cy, position) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement answer = c.prepareStatement("INSERT INTO customer_group_answer (council, question, code, label_en, label_cy, position) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < d.customerGroupQuestions().size(); i++) {
                CaptureSettingsDocument.Question q = d.customerGroupQuestions().get(i);
                question.setString(1, council);
                question.setString(2, q.code());
                question.setString(3, q.label());
                question.setString(4, q.labelWelsh());
                question.setInt(5, i);
                question.executeUpdate();
                for (int j = 0; j < q.answers().size(); j++) {
                    CaptureSettingsDocument.Label a = q.answers().get(j);
                    answer.setString(1, council);
                    answer.setString(2, q.code());
                    answer.setString(3, a.code());
                    answer.setString(4, a.english());
                    answer.setString(5, a.welsh());
                    answer.setInt(6, j);
                    answer.addBatch();
                }
                answer.executeBatch();
            }
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO council_allowed_origin (council, origin) VALUES (?, ?)")) {
            for (String origin : d.allowedOrigins()) {
                st.setString(1, council);
                st.setString(2, origin);
                st.addBatch();
            }
            st.executeBatch();
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO council_string (council, language, key, text) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, Map<String, String>> language : d.strings().entrySet()) {
                for (Map.Entry<String, String> text : language.getValue().entrySet()) {
                    st.setString(1, council);
                    st.setString(2, language.getKey());
                    st.setString(3, text.getKey());
                    st.setString(4, text.getValue());
                    st.addBatch();
                }
            }
            st.executeBatch();
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO kiosk_touchpoint (council, code, name, service, minimum_interval_seconds, idle_seconds) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (CaptureSettingsDocument.KioskTouchpoint k : d.kioskTouchpoints()) {
                st.setString(1, council);
                st.setString(2, k.code());
                st.setString(3, k.name());
                st.setString(4, k.service());
                st.setObject(5, k.minimumIntervalSeconds());
                st.setObject(6, k.idleSeconds());
                st.addBatch();
            }
            st.executeBatch();
        }
        try (PreparedStatement line = c.prepareStatement("INSERT INTO ivr_line (line, council, service, secret) VALUES (?, ?, ?, ?)");
             PreparedStatement digit = c.prepareStatement("INSERT INTO ivr_digit (line, digit, score) VALUES (?, ?, ?)")) {
            for (CaptureSettingsDocument.IvrLine l : d.ivrLines()) {
                line.setString(1, l.line());
                line.setString(2, council);
                line.setString(3, l.service());
                line.setString(4, l.secret() != null ? l.secret() : secrets.get(l.line()));
                line.executeUpdate();
                for (Map.Entry<String, Integer> e : l.digits().entrySet()) {
                    digit.setString(1, l.line());
                    digit.setString(2, e.getKey());
                    digit.setInt(3, e.getValue());
                    digit.addBatch();
                }
                digit.executeBatch();
            }
        }
    }

    /** No council has this code. */
    public static class CouncilNotFoundException extends RuntimeException {
        public CouncilNotFoundException(String council) {
            super("no council with code '" + council + "'");
        }
    }
}
