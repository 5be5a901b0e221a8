package uk.civicpulse.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * An EXCLUSIVE lock on one table of a test database, held in a transaction of its own: every write to the table
 * waits until {@link #release()} (reads go on). Fault tests use it to hold a batch in flight, then do something to
 * it (kill it, restart the broker, let the poll interval run out) before releasing it. {@link #close()} without
 * {@link #release()} rolls back, which releases it too.
 */
public final class TableLock implements AutoCloseable {

    private final TestDatabase database;
    private final String table;
    private final String statementLike;
    private final Connection connection;

    private TableLock(TestDatabase database, String table, String statementLike, Connection connection) {
        this.database = database;
        this.table = table;
        this.statementLike = statementLike;
        this.connection = connection;
    }

    /**
     * Locks the table.
     *
     * @param statementLike a SQL LIKE pattern of the statements held that count as batches in flight (the start of
     *                      the text is enough: PostgreSQL keeps only the first 1024 bytes of a statement)
     */
    public static TableLock take(TestDatabase database, String table, String statementLike) throws SQLException {
        Connection c = TestDatabase.server().connect(database.name());
        try {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("LOCK TABLE " + table + " IN EXCLUSIVE MODE");
            }
            return new TableLock(database, table, statementLike, c);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** Server processes of the statements waiting on this lock: the batches held in flight. */
    public List<Integer> waiting() throws SQLException {
        List<Integer> pids = new ArrayList<>();
        try (Connection c = TestDatabase.server().connect(database.name());
             PreparedStatement st = c.prepareStatement("SELECT l.pid FROM pg_locks l JOIN pg_stat_activity a USING (pid)"
                     + " WHERE NOT l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                     + " AND l.relation = ?::regclass AND a.query LIKE ?")) {
            st.setString(1, table);
            st.setString(2, statementLike);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    pids.add(rs.getInt(1));
                }
            }
        }
        return pids;
    }

    /** Waits until at least one batch is held on the lock. */
    public void awaitWaiting(Duration patience) {
        await().atMost(patience).until(() -> !waiting().isEmpty());
    }

    /** Ends the server processes of the batches held on the lock; returns how many were ended. */
    public int terminateWaiting() throws SQLException {
        int terminated = 0;
        try (Statement st = connection.createStatement()) {
            for (int pid : waiting()) {
                try (ResultSet rs = st.executeQuery("SELECT pg_terminate_backend(" + pid + ")")) {
                    rs.next();
                    terminated += rs.getBoolean(1) ? 1 : 0;
                }
            }
        }
        return terminated;
    }

    /** Ends the lock's transaction: the writes held go on. */
    public void release() throws SQLException {
        connection.commit();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
