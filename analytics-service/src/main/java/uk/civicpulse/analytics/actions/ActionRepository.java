package uk.civicpulse.analytics.actions;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** "You said, we did" entries; every statement is bounded by one council, so one council never reaches another's. */
@Singleton
public class ActionRepository {

    private static final String COLUMNS = "id, council, service, you_said_en, we_did_en, you_said_cy, we_did_cy, done_on, published";

    private final DataSource dataSource;

    public ActionRepository(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** Every entry of the council, newest first. */
    public List<PublicAction> all(String council) {
        return query("SELECT " + COLUMNS + " FROM public_action WHERE council = ? ORDER BY done_on DESC, id DESC", council);
    }

    /** The entries the public page shows, newest first. */
    public List<PublicAction> published(String council) {
        return query("SELECT " + COLUMNS + " FROM public_action WHERE council = ? AND published ORDER BY done_on DESC, id DESC", council);
    }

    public Optional<PublicAction> find(String council, long id) {
        List<PublicAction> found = query("SELECT " + COLUMNS + " FROM public_action WHERE council = ? AND id = ?", council, id);
        return found.stream().findFirst();
    }

    public long create(String council, ActionForm form, String by) {
        String sql = "INSERT INTO public_action (council, service, you_said_en, we_did_en, you_said_cy, we_did_cy, done_on, published, created_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            bindForm(st, council, form);
            st.setString(9, by);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not save the action", e);
        }
    }

    /** @return false when the council has no such entry */
    public boolean update(String council, long id, ActionForm form, String by) {
        String sql = "UPDATE public_action SET council = ?, service = ?, you_said_en = ?, we_did_en = ?, you_said_cy = ?, we_did_cy = ?,"
                + " done_on = ?, published = ?, updated_by = ?, updated_at = now() WHERE council = ? AND id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            bindForm(st, council, form);
            st.setString(9, by);
            st.setString(10, council);
            st.setLong(11, id);
            return st.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not save the action", e);
        }
    }

    /** @return false when the council has no such entry */
    public boolean delete(String council, long id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("DELETE FROM public_action WHERE council = ? AND id = ?")) {
            st.setString(1, council);
            st.setLong(2, id);
            return st.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not delete the action", e);
        }
    }

    private static void bindForm(PreparedStatement st, String council, ActionForm form) throws SQLException {
        st.setString(1, council);
        st.setString(2, ActionForm.blankToNull(form.service()));
        st.setString(3, form.youSaidEn().strip());
        st.setString(4, form.weDidEn().strip());
        st.setString(5, ActionForm.blankToNull(form.youSaidCy()));
        st.setString(6, ActionForm.blankToNull(form.weDidCy()));
        st.setDate(7, Date.valueOf(form.doneOnDate()));
        st.setBoolean(8, form.publishes());
    }

    private List<PublicAction> query(String sql, Object... parameters) {
        List<PublicAction> actions = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    actions.add(new PublicAction(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getDate(8).toLocalDate(), rs.getBoolean(9)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the actions", e);
        }
        return actions;
    }
}
