package uk.civicpulse.analytics.ingest;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestProperties;

import io.micronaut.runtime.server.EmbeddedServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Two writers meeting a new month at once both go on: the second waits for the first's partition instead of failing. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RatingPartitionsIT implements TestPropertyProvider {

    private final TestDatabase database = TestDatabase.create("analytics_partitions");

    @Inject
    EmbeddedServer server; // the service started, so Flyway has migrated the database

    private Connection connect() throws Exception {
        return DriverManager.getConnection(database.jdbcUrl());
    }

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.of(database).newConsumerGroup("partitions").asMap();
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @Test
    void twoTransactionsCreatingTheSameNewMonthBothSucceed() throws Exception {
        String ensure = "SELECT ensure_rating_partitions(ARRAY[DATE '1999-07-14'])";
        try (Connection first = connect(); Connection second = connect()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            try (Statement st = first.createStatement()) {
                st.execute(ensure);
            }
            CompletableFuture<Void> secondWriter = CompletableFuture.runAsync(() -> {
                try (Statement st = second.createStatement()) {
                    st.execute(ensure);
                    second.commit();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(500); // let the second writer reach the partition before the first commits
            assertFalse(secondWriter.isDone(), "the second writer waits for the first");
            first.commit();
            secondWriter.get(30, TimeUnit.SECONDS);
        }
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_inherits WHERE inhrelid = to_regclass('rating_1999_07')")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
    }
}
