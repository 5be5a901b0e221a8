package uk.civicpulse.analytics.dashboard;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The customer-group questions residents of a council answered in a range, for the customer-groups page. */
@Singleton
class CustomerGroupQuestions {

    private final DataSource dataSource;

    CustomerGroupQuestions(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    List<String> answered(String council, LocalDate from, LocalDate to) {
        List<String> questions = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT DISTINCT question FROM rating_daily_group_count WHERE council = ? AND rated_on BETWEEN ? AND ? ORDER BY question")) {
            st.setString(1, council);
            st.setObject(2, from);
            st.setObject(3, to);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    questions.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the customer-group questions of " + council, e);
        }
        return questions;
    }
}
