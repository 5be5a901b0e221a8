package uk.civicpulse.analytics.timeliness;

import io.micronaut.context.ApplicationContext;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.ConsumerGroupState;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.civicpulse.events.ContactChannel;
import uk.civicpulse.events.ContactHandled;
import uk.civicpulse.events.EventCodec;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contact consumer overlaps two batches (one stored while the next is fetched). Through database failures, a
 * rebalance with a batch in flight, a stop and restart, and a broker restart, every contact sent is stored once, none lost: the rows
 * of each scenario's councils equal its distinct contacts sent, and the consumers' own "added" counters sum to them.
 * Contacts stream in while the faults happen; each scenario uses councils and a consumer group of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactConsumerFaultsIT {

    private static final int COUNCILS = 24;
    /** Small batches, so that many are in flight during a scenario. */
    private static final int MAX_BATCH = 200;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final TestDatabase database = TestDatabase.create("analytics_contact_faults");

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @Test
    void databaseRefusingBatchesLosesAndDoublesNothing() throws Exception {
        String scenario = "dbfail";
        ApplicationContext analytics = start("contact-faults-db-" + UUID.randomUUID());
        try (PacedSender stream = contacts(scenario)) {
            await().atMost(PATIENCE).until(() -> rows(scenario) > 300);

            // A batch held on a table lock has its connection killed: the database refuses a batch in flight, twice.
            int killed = 0;
            for (int round = 0; round < 2; round++) {
                killed += killABatchInFlight();
                long before = rows(scenario);
                await().atMost(PATIENCE).until(() -> rows(scenario) > before + 300);
            }
            assertTrue(killed >= 2, "batches killed in flight: " + killed);

            // Every connection of the pool dropped at once, mid-stream
            terminateConsumerConnections();
            long afterTerminate = rows(scenario);
            await().atMost(PATIENCE).until(() -> rows(scenario) > afterTerminate + 300);

            // PostgreSQL restarted mid-stream
            TestDatabase.server().restart();
            long afterRestart = rows(scenario);
            await().atMost(PATIENCE).until(() -> rows(scenario) > afterRestart + 300);

            int sent = stream.stop();
            assertAllStoredOnce(scenario, sent);
        } finally {
            analytics.close();
        }
    }

    @Test
    void aRebalanceWithABatchInFlightLosesAndDoublesNothing() throws Exception {
        String scenario = "rebalance";
        String group = "contact-faults-rebalance-" + UUID.randomUUID();
        long tableBefore = allRows();
        ApplicationContext first = start(group);
        ApplicationContext second = null;
        try (PacedSender stream = contacts(scenario); Admin admin = TestKafka.admin()) {
            ContactConsumer one = first.getBean(ContactConsumer.class);
            await().atMost(PATIENCE).until(() -> rows(scenario) > 300);

            // The first instance's batch is held on a lock while a second instance joins the group: the rebalance
            // cannot complete until that batch is finished.
            try (TableLock lock = lockContacts()) {
                lock.awaitWaiting(PATIENCE);
                second = start(group);
                await().atMost(PATIENCE).until(() -> ConsumerGroups.state(admin, contactsGroup(group)) == ConsumerGroupState.PREPARING_REBALANCE);
                lock.release();
            }
            await().atMost(PATIENCE).until(() -> ConsumerGroups.state(admin, contactsGroup(group)) == ConsumerGroupState.STABLE && ConsumerGroups.members(admin, contactsGroup(group)) == 2);
            ContactConsumer two = second.getBean(ContactConsumer.class);
            long shared = rows(scenario);
            await().atMost(PATIENCE).until(() -> rows(scenario) > shared + 600);
            assertTrue(two.storedCount() > 0, "the second instance stored some contacts");

            // The first instance leaves with a batch in flight (held on a lock); the second takes its partitions.
            try (TableLock lock = lockContacts()) {
                lock.awaitWaiting(PATIENCE);
                CompletableFuture<Void> closing = CompletableFuture.runAsync(first::close);
                lock.release();
                closing.get(60, TimeUnit.SECONDS);
            }
            long alone = rows(scenario);
            await().atMost(PATIENCE).until(() -> rows(scenario) > alone + 300);

            int sent = stream.stop();
            assertAllStoredOnce(scenario, sent);
            assertCountedOnceByTheConsumers(tableBefore, one, two);
        } finally {
            if (first.isRunning()) {
                first.close();
            }
            if (second != null) {
                second.close();
            }
        }
    }

    @Test
    void stoppedMidStreamAndRestartedLosesAndDoublesNothing() throws Exception {
        String scenario = "restart";
        String group = "contact-faults-restart-" + UUID.randomUUID();
        long tableBefore = allRows();
        ApplicationContext first = start(group);
        ApplicationContext again = null;
        try (PacedSender stream = contacts(scenario)) {
            ContactConsumer one = first.getBean(ContactConsumer.class);
            await().atMost(PATIENCE).until(() -> rows(scenario) > 500);
            // stopped while a batch is in flight (held on a lock, released as the stop begins)
            try (TableLock lock = lockContacts()) {
                lock.awaitWaiting(PATIENCE);
                CompletableFuture<Void> closing = CompletableFuture.runAsync(first::close);
                lock.release();
                closing.get(60, TimeUnit.SECONDS);
            }
            long whileStopped = stream.sent();
            await().atMost(PATIENCE).until(() -> stream.sent() > whileStopped + 500);

            again = start(group);
            long restarted = rows(scenario);
            await().atMost(PATIENCE).until(() -> rows(scenario) > restarted + 300);
            int sent = stream.stop();
            assertAllStoredOnce(scenario, sent);
            assertCountedOnceByTheConsumers(tableBefore, one, again.getBean(ContactConsumer.class));
        } finally {
            if (first.isRunning()) {
                first.close();
            }
            if (again != null) {
                again.close();
            }
        }
    }

    @Test
    void aBrokerRestartWithABatchInFlightLosesAndDoublesNothing() throws Exception {
        String scenario = "broker";
        ApplicationContext analytics = start("contact-faults-broker-" + UUID.randomUUID());
        try (PacedSender stream = contacts(scenario)) {
            await().atMost(PATIENCE).until(() -> rows(scenario) > 300);
            // a batch is stored while the broker is down: its offsets can be committed only once the broker is back
            try (TableLock lock = lockContacts()) {
                lock.awaitWaiting(PATIENCE);
                TestKafka.broker().stop();
                lock.release();
                await().atMost(PATIENCE).until(() -> lock.waiting().isEmpty());
            } finally {
                if (!TestKafka.broker().isRunning()) {
                    TestKafka.broker().start();
                }
            }
            long afterRestart = rows(scenario);
            await().atMost(PATIENCE).until(() -> rows(scenario) > afterRestart + 300);
            int sent = stream.stop();
            assertAllStoredOnce(scenario, sent);
        } finally {
            analytics.close();
        }
    }

    @Test
    void aBatchHeldLongerThanThePollIntervalIsReadAgainAndTheConsumerCarriesOn() throws Exception {
        String scenario = "heldbatch";
        String group = "contact-faults-held-" + UUID.randomUUID();
        ApplicationContext analytics = start(group, Map.of("civic-pulse.timeliness.max-poll-interval", "4s"));
        try (PacedSender stream = contacts(scenario); Admin admin = TestKafka.admin()) {
            await().atMost(PATIENCE).until(() -> rows(scenario) > 300);
            // The batch is held on a lock until the broker has given the consumer's partitions up (it has not polled
            // within the interval); the batch is then stored, but its offsets can no longer be committed.
            try (TableLock lock = lockContacts()) {
                lock.awaitWaiting(PATIENCE);
                await().atMost(PATIENCE).until(() -> ConsumerGroups.state(admin, contactsGroup(group)) == ConsumerGroupState.EMPTY);
                lock.release();
            }
            long released = rows(scenario);
            await().atMost(PATIENCE).until(() -> rows(scenario) > released + 300);
            int sent = stream.stop();
            assertAllStoredOnce(scenario, sent);
        } finally {
            analytics.close();
        }
    }

    private ApplicationContext start(String group) {
        return start(group, Map.of());
    }

    private ApplicationContext start(String group, Map<String, Object> more) {
        TestProperties properties = TestProperties.of(database).consumerGroup(group)
                .with("civic-pulse.timeliness.max-batch", MAX_BATCH);
        more.forEach(properties::with);
        return ApplicationContext.run(properties.asObjectMap());
    }

    /** Every distinct contact sent is one row, and it stays so: no late duplicate, no late arrival. */
    private void assertAllStoredOnce(String scenario, int sent) throws SQLException {
        try {
            await().atMost(PATIENCE).until(() -> rows(scenario) >= sent);
        } catch (ConditionTimeoutException e) {
            assertEquals(sent, rows(scenario), "contacts stored of those sent: some were lost");
        }
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> rows(scenario) == sent);
        assertEquals(sent, single("SELECT count(DISTINCT (council, source_id)) FROM contact WHERE council LIKE 'faults-" + scenario + "-%'"));
        assertEquals(sent, single("SELECT count(*) FROM contact WHERE council LIKE 'faults-" + scenario + "-%' AND resolved_at IS NOT NULL"),
                "every contact's later update (its resolution) is kept");
    }

    /**
     * The contacts the consumers say they added are the rows that appeared while they ran: none counted twice, none
     * missed. Table-wide, as a new group also reads other classes' contacts from the shared topic; the consumers are
     * the only writers to this class's database. (Not for the database-failure scenario: a batch committed whose
     * connection is killed before the answer arrives is stored but not counted by the instance.)
     */
    private void assertCountedOnceByTheConsumers(long tableBefore, ContactConsumer... consumers) throws SQLException {
        long counted = 0;
        for (ContactConsumer consumer : consumers) {
            counted += consumer.storedCount();
        }
        assertEquals(allRows() - tableBefore, counted, "contacts the consumers counted as added");
    }

    /** Contacts sent at a steady pace until stopped; each contact twice, the second time resolved. */
    private static PacedSender contacts(String scenario) {
        // received in 2019: other classes in the same JVM read these from the shared topic into their own
        // databases, and count their own contacts by date (2025, 2026 on)
        Instant received = Instant.parse("2019-03-04T09:00:00Z");
        return PacedSender.start("contact-faults-sender", i -> {
            String council = "faults-" + scenario + "-" + (i % COUNCILS);
            ContactHandled arrived = new ContactHandled(scenario + "-" + i, council, "waste", ContactChannel.PHONE, "call",
                    received, null, null, null, 1);
            ContactHandled resolved = new ContactHandled(scenario + "-" + i, council, "waste", ContactChannel.PHONE, "call",
                    received, received.plusSeconds(60), received.plusSeconds(3600), true, 1);
            return List.of(new ProducerRecord<>(Topics.CONTACTS_V1.name(), council, EventCodec.encode(arrived)),
                    new ProducerRecord<>(Topics.CONTACTS_V1.name(), council, EventCodec.encode(resolved)));
        });
    }

    /** Contacts are read in a group of their own, apart from ratings: "{consumer-group}-contacts". */
    private static String contactsGroup(String group) {
        return group + "-contacts";
    }

    /** A lock on the contact table that holds every upsert until released. */
    private TableLock lockContacts() throws SQLException {
        return TableLock.take(database, "contact", "%INSERT INTO contact AS t%");
    }

    /** Locks the table, waits for a batch to be held on it, kills that batch's connection; returns how many killed. */
    private int killABatchInFlight() throws SQLException {
        try (TableLock lock = lockContacts()) {
            lock.awaitWaiting(PATIENCE);
            int killed = lock.terminateWaiting();
            lock.release();
            return killed;
        }
    }

    private void terminateConsumerConnections() throws SQLException {
        try (Connection c = TestDatabase.server().connect(database.name()); Statement st = c.createStatement()) {
            st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
        }
    }

    private long allRows() throws SQLException {
        return single("SELECT count(*) FROM contact");
    }

    private long rows(String scenario) throws SQLException {
        return single("SELECT count(*) FROM contact WHERE council LIKE 'faults-" + scenario + "-%'");
    }

    private long single(String sql) throws SQLException {
        try (Connection c = TestDatabase.server().connect(database.name()); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
