package uk.civicpulse.analytics.councils;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Councils and the peer groups they are compared within. */
@Singleton
public class CouncilRepository {

    private final DataSource dataSource;

    public CouncilRepository(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /**
     * @param languages the languages the council works in, in its order ("en", "cy"); null when saving means "keep
     *                  the council's languages as they are"
     */
    @Serdeable
    public record Council(String code, String name, String councilType, @Nullable List<String> languages) {

        public Council(String code, String name, String councilType) {
            this(code, name, councilType, null);
        }

        /** Whether the council works in Welsh, so that what it sends its officers is in Welsh as well as English. */
        public boolean welsh() {
            return languages != null && languages.contains("cy");
        }
    }

    @Serdeable
    public record PeerGroup(String code, String description, List<String> members) {
    }

    public List<Council> councils() {
        List<Council> councils = new ArrayList<>();
        query("SELECT code, name, council_type, languages FROM council ORDER BY code", List.of(),
                rs -> councils.add(new Council(rs.getString(1), rs.getString(2), rs.getString(3), languages(rs.getArray(4)))));
        return councils;
    }

    public Optional<Council> council(String code) {
        List<Council> found = new ArrayList<>();
        query("SELECT code, name, council_type, languages FROM council WHERE code = ?", List.of(code),
                rs -> found.add(new Council(rs.getString(1), rs.getString(2), rs.getString(3), languages(rs.getArray(4)))));
        return found.stream().findFirst();
    }

    /** Saves the council; its languages stay as they are when {@code council.languages()} is null. */
    public void saveCouncil(Council council) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                INSERT INTO council (code, name, council_type, languages) VALUES (?, ?, ?, COALESCE(?, ARRAY['en']))
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, council_type = EXCLUDED.council_type,
                                                 languages = COALESCE(?, council.languages)""")) {
            Array languages = council.languages() == null ? null : c.createArrayOf("text", council.languages().toArray());
            st.setString(1, council.code());
            st.setString(2, council.name());
            st.setString(3, council.councilType());
            st.setArray(4, languages);
            st.setArray(5, languages);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not save council " + council.code(), e);
        }
    }

    private static List<String> languages(@Nullable Array array) throws SQLException {
        return array == null ? List.of("en") : List.of((String[]) array.getArray());
    }

    public List<PeerGroup> peerGroups(String memberCouncil) {
        Map<String, PeerGroup> groups = new LinkedHashMap<>();
        String sql = "SELECT g.code, g.description, m.council FROM peer_group g LEFT JOIN peer_group_member m ON m.peer_group = g.code"
                + (memberCouncil == null ? "" : " WHERE g.code IN (SELECT peer_group FROM peer_group_member WHERE council = ?)")
                + " ORDER BY g.code, m.council";
        query(sql, memberCouncil == null ? List.of() : List.of(memberCouncil), rs -> {
            PeerGroup g = groups.computeIfAbsent(rs.getString(1), k -> {
                try {
                    return new PeerGroup(k, rs.getString(2), new ArrayList<>());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            if (rs.getString(3) != null) {
                g.members().add(rs.getString(3));
            }
        });
        return new ArrayList<>(groups.values());
    }

    /** Replaces a peer group's description and members in one transaction. */
    public void savePeerGroup(PeerGroup group) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                execute(c, "INSERT INTO peer_group (code, description) VALUES (?, ?) ON CONFLICT (code) DO UPDATE SET description = EXCLUDED.description",
                        List.of(group.code(), group.description()));
                execute(c, "DELETE FROM peer_group_member WHERE peer_group = ?", List.of(group.code()));
                for (String member : group.members()) {
                    execute(c, "INSERT INTO peer_group_member (peer_group, council) VALUES (?, ?) ON CONFLICT DO NOTHING", List.of(group.code(), member));
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not save peer group " + group.code(), e);
        }
    }

    interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    private void query(String sql, List<Object> parameters, RowHandler handler) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                st.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    handler.handle(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    private static void execute(Connection c, String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                st.setObject(i + 1, parameters.get(i));
            }
            st.executeUpdate();
        }
    }
}
