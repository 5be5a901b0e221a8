package uk.civicpulse.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server on which databases are created for the services: either an embedded one started from
 * the binaries in a Maven Central jar (no install; run under a user namespace when we are root), or an existing
 * server named by a JDBC URL such as {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}.
 */
public final class PostgresServer implements AutoCloseable {

    /** Points the launcher and the tests at an existing server instead of an embedded one. */
    public static final String URL_VARIABLE = "CIVIC_PULSE_POSTGRES_URL";

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private EmbeddedPostgres embedded;
    private final String adminUrl;
    private final Path dataDir;
    private final boolean keepData;

    private PostgresServer(EmbeddedPostgres embedded, String adminUrl, Path dataDir, boolean keepData) {
        this.embedded = embedded;
        this.adminUrl = adminUrl;
        this.dataDir = dataDir;
        this.keepData = keepData;
    }

    /** Our machines' own server, used when an embedded one cannot start here (no user namespaces as root). */
    public static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    /**
     * The server named by {@value #URL_VARIABLE} if set, otherwise an embedded one keeping its data in {@code dataDir};
     * if the embedded one cannot start on this machine, the local server at 127.0.0.1:5432 when it answers.
     */
    public static PostgresServer fromEnvironmentOr(Path dataDir, boolean keepData) {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return external(url);
        }
        try {
            return embedded(dataDir, keepData);
        } catch (RuntimeException embeddedFailure) {
            try (Connection ignored = DriverManager.getConnection(LOCAL_SERVER)) {
                LOG.warn("Embedded PostgreSQL could not start ({}); using the server at 127.0.0.1:5432 instead", embeddedFailure.getMessage());
                return external(LOCAL_SERVER);
            } catch (SQLException noLocalServer) {
                embeddedFailure.addSuppressed(noLocalServer);
                throw embeddedFailure;
            }
        }
    }

    public static PostgresServer external(String adminUrl) {
        LOG.info("Using the PostgreSQL server at {}", withoutPassword(adminUrl));
        return new PostgresServer(null, adminUrl, null, true);
    }

    public static PostgresServer embedded(Path dataDir, boolean keepData) {
        EmbeddedPostgres pg = startEmbedded(dataDir, !keepData, 0);
        String url = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres?user=postgres";
        LOG.info("Embedded PostgreSQL listening on 127.0.0.1:{}, data in {}", pg.getPort(), dataDir);
        return new PostgresServer(pg, url, dataDir, keepData);
    }

    private static EmbeddedPostgres startEmbedded(Path dataDir, boolean clean, int port) {
        try {
            if (clean) {
                deleteRecursively(dataDir);
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    // We clean it ourselves: zonky would delete the data on close, and a restart needs it.
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "on")
                    // zonky turns this off for speed; offsets are committed after the database commit, so a commit
                    // must survive a crash or an accepted rating could be lost.
                    .setServerConfig("synchronous_commit", "on");
            if (port != 0) {
                builder.setPort(port);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL (set " + URL_VARIABLE
                    + " to use a server instead)", e);
        }
    }

    /**
     * Stops the embedded server and starts it again on the same port with the same data, as a database restart would.
     * For fault tests; an external server is not ours to restart.
     */
    public synchronized void restart() {
        if (embedded == null) {
            throw new IllegalStateException("only an embedded PostgreSQL can be restarted by the project");
        }
        int port = embedded.getPort();
        try {
            embedded.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        embedded = startEmbedded(dataDir, false, port);
        LOG.info("Embedded PostgreSQL restarted on 127.0.0.1:{}", port);
    }

    /** Creates the database if it does not exist yet. */
    public void createDatabase(String name) {
        requireValidName(name);
        if (!databaseExists(name)) {
            execute("CREATE DATABASE " + name);
        }
    }

    public void dropDatabase(String name) {
        requireValidName(name);
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** A JDBC URL for one database on this server, with the server's credentials. */
    public String jdbcUrl(String database) {
        requireValidName(database);
        URI uri = URI.create(adminUrl.substring("jdbc:".length()));
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return "jdbc:postgresql://" + uri.getRawAuthority() + "/" + database + query;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database));
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
                if (!keepData) {
                    deleteRecursively(dataDir);
                }
            } catch (IOException e) {
                LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!java.nio.file.Files.exists(dir)) {
            return;
        }
        try (var paths = java.nio.file.Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.deleteIfExists(p);
            }
        }
    }

    private boolean databaseExists(String name) {
        try (Connection c = DriverManager.getConnection(adminUrl);
             var st = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            st.setString(1, name);
            try (var rs = st.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach PostgreSQL at " + withoutPassword(adminUrl), e);
        }
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + withoutPassword(adminUrl), e);
        }
    }

    private static void requireValidName(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a database name we create: " + name);
        }
    }

    private static String withoutPassword(String url) {
        return url.replaceAll("(?i)password=[^&]*", "password=***");
    }
}
