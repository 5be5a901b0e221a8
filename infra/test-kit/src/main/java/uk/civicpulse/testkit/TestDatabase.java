package uk.civicpulse.testkit;

import uk.civicpulse.stack.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.UUID;

/**
 * A PostgreSQL database of its own for one test class, so runs never collide: created on a server named by
 * {@value PostgresServer#URL_VARIABLE} if set, otherwise on one embedded PostgreSQL per test JVM; dropped by
 * {@link #close()}.
 */
public final class TestDatabase implements AutoCloseable {

    private static PostgresServer server;

    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    public static TestDatabase create(String purpose) {
        String name = ("cp_test_" + purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + "_"
                + UUID.randomUUID().toString().substring(0, 8));
        if (name.length() > 63) {
            name = "cp_test_" + UUID.randomUUID().toString().replace("-", "");
        }
        server().createDatabase(name);
        return new TestDatabase(name);
    }

    public static synchronized PostgresServer server() {
        if (server == null) {
            try {
                PostgresServer started = PostgresServer.fromEnvironmentOr(Files.createTempDirectory("civic-pulse-test-pg"), false);
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-postgres-stop"));
                server = started;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return server().jdbcUrl(name);
    }

    @Override
    public void close() {
        server().dropDatabase(name);
    }
}
