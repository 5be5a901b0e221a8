package uk.civicpulse.analytics.ingest;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import uk.civicpulse.events.Channel;
import uk.civicpulse.events.EventCodec;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.events.Scale;
import uk.civicpulse.events.Topics;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestKafka;
import uk.civicpulse.testkit.TestProperties;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two analytics-service instances in one consumer group share the partitions, and the totals stay exact. */
class ScaleOutIT {

    private static final int COUNCILS = 24;
    private static final int PER_ROUND = 3000;

    @Test
    void twoInstancesShareThePartitionsAndCountEveryRatingOnceEvenWhenOneStops() throws Exception {
        String group = "scale-out-" + UUID.randomUUID();
        try (TestDatabase database = TestDatabase.create("analytics_scale_out")) {
            Map<String, Object> properties = TestProperties.of(database).consumerGroup(group).asObjectMap();
            EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, properties);
            EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties);
            RatingConsumer one = first.getApplicationContext().getBean(RatingConsumer.class);
            RatingConsumer two = second.getApplicationContext().getBean(RatingConsumer.class);
            await().atMost(60, TimeUnit.SECONDS).until(() -> !one.assignedPartitions().isEmpty() && !two.assignedPartitions().isEmpty()
                    && one.assignedPartitions().size() + two.assignedPartitions().size() == Topics.RATINGS_V1.partitions());
            try (Producer<String, byte[]> producer = TestKafka.producer()) {
                // The broker is shared by every test class in this JVM and a new group reads from the earliest offset,
                // so the instances may also store other classes' ratings: count this test's councils only.
                long firstBefore = one.storedCount();
                long secondBefore = two.storedCount();
                send(producer, PER_ROUND, group);
                await().atMost(90, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(250)).until(() -> stored(database) == PER_ROUND);
                long byFirst = one.storedCount() - firstBefore;
                long bySecond = two.storedCount() - secondBefore;
                assertTrue(byFirst > 0 && bySecond > 0, "both instances stored some: " + byFirst + " and " + bySecond);
                // everything the two stored since they started, this test's councils and whatever earlier tests put
                // on the shared topic (all of it ahead of this test's ratings in every partition), is in the table once
                assertEquals(single(database, "SELECT count(*) FROM rating"), one.storedCount() + two.storedCount());

                // one instance stops; the other takes over its partitions and the totals stay exact
                second.getApplicationContext().close();
                send(producer, PER_ROUND, group);
                await().atMost(90, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(250)).until(() -> stored(database) == 2 * PER_ROUND);
                Thread.sleep(1000);
                assertEquals(2 * PER_ROUND, stored(database));
                assertEquals(2 * PER_ROUND, countedInDailyTotals(database));
            } finally {
                first.getApplicationContext().close();
                if (second.getApplicationContext().isRunning()) {
                    second.getApplicationContext().close();
                }
            }
        }
    }

    private static void send(Producer<String, byte[]> producer, int count, String tag) {
        Instant at = Instant.parse("2026-05-05T10:00:00Z");
        for (int i = 0; i < count; i++) {
            String council = "scale-" + tag.substring(tag.length() - 6) + "-" + (i % COUNCILS);
            RatingSubmitted r = new RatingSubmitted(UUID.randomUUID(), council, "waste", Channel.WEB, "/bins", Scale.FACES_3,
                    1 + i % 3, List.of(), null, Map.of(), Map.of(), at, at, 1);
            producer.send(new ProducerRecord<>(Topics.RATINGS_V1.name(), r.partitionKey(), EventCodec.encode(r)));
            if (i % 7 == 0) {
                producer.send(new ProducerRecord<>(Topics.RATINGS_V1.name(), r.partitionKey(), EventCodec.encode(r)));
            }
        }
        producer.flush();
    }

    private static long stored(TestDatabase database) throws Exception {
        // only this test's councils: other integration tests in the same JVM share the broker and its topic
        return single(database, "SELECT count(*) FROM rating WHERE council LIKE 'scale-%'");
    }

    private static long countedInDailyTotals(TestDatabase database) throws Exception {
        return single(database, "SELECT coalesce(sum(ratings), 0) FROM rating_daily_count WHERE council LIKE 'scale-%'");
    }

    private static long single(TestDatabase database, String sql) throws Exception {
        try (Connection c = TestDatabase.server().connect(database.name()); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
