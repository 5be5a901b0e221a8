package uk.civicpulse.analytics.ingest;

import io.micronaut.context.ApplicationContext;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.ConsumerGroupState;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.civicpulse.events.Channel;
import uk.civicpulse.events.EventCodec;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.events.Scale;
import uk.civicpulse.events.Topics;
import uk.civicpulse.testkit.ConsumerGroups;
import uk.civicpulse.testkit.PacedSender;
import uk.civicpulse.testkit.TableLock;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestKafka;
import uk.civicpulse.testkit.TestProperties;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rating consumer through a batch held in the database longer than the poll interval: the broker puts the
 * instance out of the group, so once the batch is stored its offsets cannot be committed. The consumer reads the
 * batch again and carries on; every rating sent is stored once and counted once in the daily totals.
 * Ratings stream in (real broker and PostgreSQL) while the fault happens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RatingConsumerFaultsIT {

    private static final int COUNCILS = 24;
    /** Small batches, so that one is in flight whenever the table is locked. */
    private static final int MAX_BATCH = 200;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final TestDatabase database = TestDatabase.create("analytics_rating_faults");

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @Test
    void aBatchHeldLongerThanThePollIntervalIsReadAgainAndTheConsumerCarriesOn() throws Exception {
        String scenario = "held";
        String group = "rating-faults-held-" + UUID.randomUUID();
        ApplicationContext analytics = ApplicationContext.run(TestProperties.of(database).consumerGroup(group)
                .with("civic-pulse.kafka.max-batch", MAX_BATCH)
                .with("civic-pulse.kafka.max-poll-interval", "4s")
                .asObjectMap());
        try (PacedSender stream = ratings(scenario); Admin admin = TestKafka.admin()) {
            await().atMost(PATIENCE).until(() -> rows(scenario) > 300);
            // The batch is held on a lock until the broker has put the consumer out of the group (it has not polled
            // within the interval); the batch is then stored, but its offsets can no longer be committed.
            try (TableLock lock = lockDailyCounts()) {
                lock.awaitWaiting(PATIENCE);
                await().atMost(PATIENCE).until(() -> ConsumerGroups.state(admin, group) == ConsumerGroupState.EMPTY);
                lock.release();
            }
            long released = rows(scenario);
            // the consumer rejoins and goes on counting the ratings sent after the fault
            await().atMost(PATIENCE).until(() -> rows(scenario) > released + 300);
            int sent = stream.stop();
            assertAllStoredOnce(scenario, sent);
        } finally {
            analytics.close();
        }
    }

    /** Every distinct rating sent is one row and one count in the daily totals, and it stays so. */
    private void assertAllStoredOnce(String scenario, int sent) throws SQLException {
        try {
            await().atMost(PATIENCE).until(() -> rows(scenario) >= sent);
        } catch (ConditionTimeoutException e) {
            assertEquals(sent, rows(scenario), "ratings stored of those sent: some were lost");
        }
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> rows(scenario) == sent);
        assertEquals(sent, single("SELECT count(DISTINCT id) FROM rating WHERE council LIKE 'faults-" + scenario + "-%'"));
        assertEquals(sent, single("SELECT coalesce(sum(ratings), 0) FROM rating_daily_count WHERE council LIKE 'faults-" + scenario + "-%'"),
                "ratings in the daily counts");
    }

    /** Ratings sent at a steady pace until stopped; every fifth one twice (a redelivery). */
    private static PacedSender ratings(String scenario) {
        // rated in 2019: other classes in the same JVM read these from the shared topic into their own
        // databases, and count their own ratings by date (2025, 2026 on)
        Instant at = Instant.parse("2019-03-04T09:00:00Z");
        return PacedSender.start("rating-faults-sender", i -> {
            String council = "faults-" + scenario + "-" + (i % COUNCILS);
            RatingSubmitted r = new RatingSubmitted(UUID.randomUUID(), council, "waste", Channel.WEB, "/bins",
                    Scale.FACES_3, 1 + i % 3, List.of(), null, Map.of(), Map.of(), at, at, 1);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.RATINGS_V1.name(), r.partitionKey(), EventCodec.encode(r));
            return i % 5 == 0 ? List.of(record, record) : List.of(record);
        });
    }

    /** A lock on the daily counts that holds every batch stored until released. */
    private TableLock lockDailyCounts() throws SQLException {
        // the batch's COPY into rating (or, for a batch holding ratings seen before, the staged INSERT INTO rating), whose
        // count trigger waits on the daily counts
        return TableLock.take(database, "rating_daily_count", "%rating (id, council, service%");
    }

    private long rows(String scenario) throws SQLException {
        return single("SELECT count(*) FROM rating WHERE council LIKE 'faults-" + scenario + "-%'");
    }

    private long single(String sql) throws SQLException {
        try (Connection c = TestDatabase.server().connect(database.name()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
