package uk.civicpulse.analytics.ingest;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.civicpulse.events.RatingEnriched;
import uk.civicpulse.events.Topics;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads {@link Topics#RATINGS_V1} and stores each polled batch in one database transaction, committing the
 * offsets only after the database has committed. Two batches overlap: while one is written to the database (on a
 * writer thread), the next is fetched and decoded on this one, so fetching and JSON decoding cost no database time.
 * Batches are still stored one after another, in order, and each batch's offsets are committed only after its own
 * database commit; before partitions are taken away in a rebalance, the batch in flight is finished and committed.
 * Error strategy:
 * <ul>
 *   <li>an undecodable or invalid record, or an enrichment of a rating that does not exist, goes to the dead-letter
 *       topic with its reason: it can never be counted, and must not block the ratings behind it in its partition;</li>
 *   <li>a database failure stores nothing of the batch; the consumer seeks back to the batch's first offsets
 *       (dropping the batch decoded behind it) and retries with growing pauses, so nothing is lost and, because
 *       writes are idempotent on the rating id, nothing is counted twice;</li>
 *   <li>a batch stored whose offsets cannot be committed (this instance was put out of the group for holding the
 *       batch longer than the poll interval, the group is rebalancing, or the broker is away) is read again in the
 *       same way, and the next poll rejoins the group, rather than stopping the consumer;</li>
 *   <li>a crash between the database commit and the offset commit redelivers the batch, which is then a no-op.</li>
 * </ul>
 */
@Context
@Requires(property = "civic-pulse.kafka.consumer-enabled", notEquals = "false")
public class RatingConsumer implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(RatingConsumer.class);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(10);

    private final RatingStore store;
    private final DeadLetterPublisher deadLetterPublisher;
    private final Consumer<String, byte[]> consumer;
    private final Thread thread;
    private final ExecutorService writer;
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final Set<TopicPartition> assigned = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;
    /** The batch being written; only the consumer thread touches it. */
    private InFlight inFlight;

    public RatingConsumer(RatingStore store, DeadLetterPublisher deadLetterPublisher, IngestSettings settings,
                          @Value("${civic-pulse.kafka.max-poll-interval:5m}") Duration maxPollInterval) {
        this.store = store;
        this.deadLetterPublisher = deadLetterPublisher;
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.consumerGroup());
        // Offsets are committed by hand, after the database commit.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A new group reads the whole topic: every rating ever accepted is counted.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxBatch());
        // Room for a full batch in one fetch (a rating is about 0.5 kB), so big batches fill when the topic has a backlog.
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 16 * 1024 * 1024);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // A crashed instance's partitions move to the others after 10 s of silence rather than the default 45 s.
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        // A batch held longer than this (a locked table, a hung database) hands the partitions to another instance.
        config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) maxPollInterval.toMillis());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumer = new KafkaConsumer<>(config);
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "rating-writer");
            t.setDaemon(true);
            return t;
        });
        this.thread = new Thread(this, "rating-consumer");
        this.thread.start();
    }

    /** A polled batch, decoded: its ratings, enrichments and dead letters, where each partition starts and where to commit. */
    record Decoded(RecordDecoder records, Map<TopicPartition, Long> first, Map<TopicPartition, OffsetAndMetadata> next) {

        int count() {
            return records.ratings.size() + records.enrichments.size() + records.deadLetters.size();
        }
    }

    /** A decoded batch being written on the writer thread. */
    record InFlight(Decoded batch, Future<RatingStore.BatchResult> stored) {
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(Topics.RATINGS_V1.name()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // Called inside poll(), on this thread: commit the batch in flight while its partitions are ours.
                    // If that fails, the next owner reads it again from the last commit (idempotent).
                    finishQuietly();
                    assigned.removeAll(partitions);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    assigned.addAll(partitions);
                }
            });
            Duration pause = Duration.ofMillis(200);
            while (running) {
                // while a batch is being written, look for the next one often, to decode it meanwhile
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(inFlight == null ? 500 : 5));
                Decoded next = records.isEmpty() ? null : decode(records);
                if (inFlight != null) {
                    if (next == null && !inFlight.stored().isDone()) {
                        continue;
                    }
                    Decoded failed = inFlight.batch();
                    try {
                        finish();
                        pause = Duration.ofMillis(200);
                    } catch (SQLException | DeadLetterPublisher.DeadLetterException | OffsetsNotCommittedException e) {
                        LOG.warn("Batch not stored or not committed ({}); {} records will be read again in {} ms", e.getMessage(),
                                failed.count() + (next == null ? 0 : next.count()), pause.toMillis());
                        rewind(failed, next);
                        Thread.sleep(pause.toMillis());
                        pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
                        continue;
                    }
                }
                if (next != null) {
                    RecordDecoder batch = next.records();
                    inFlight = new InFlight(next, writer.submit(() -> store.apply(batch.ratings, batch.enrichments)));
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Rating consumer stopped: cannot recover", e);
        } finally {
            finishQuietly();
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Decodes a polled batch; nothing is stored or committed yet. */
    private static Decoded decode(ConsumerRecords<String, byte[]> records) {
        RecordDecoder decoded = new RecordDecoder();
        Map<TopicPartition, Long> first = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            first.putIfAbsent(partition, record.offset());
            next.put(partition, new OffsetAndMetadata(record.offset() + 1));
            decoded.add(record);
        }
        return new Decoded(decoded, first, next);
    }

    /** Waits for the batch in flight to be stored, sends its dead letters, and commits its offsets. */
    private void finish() throws SQLException, DeadLetterPublisher.DeadLetterException, OffsetsNotCommittedException,
            InterruptedException {
        InFlight done = inFlight;
        inFlight = null;
        RatingStore.BatchResult result;
        try {
            result = done.stored().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
        RecordDecoder decoded = done.batch().records();
        List<DeadLetterPublisher.DeadLetter> deadLetters = new ArrayList<>(decoded.deadLetters);
        for (RatingEnriched unmatched : result.unmatchedEnrichments()) {
            deadLetters.add(new DeadLetterPublisher.DeadLetter(decoded.enrichmentRecords.get(unmatched.ratingId()),
                    "adds to rating " + unmatched.ratingId() + ", which council '" + unmatched.council() + "' does not have"));
        }
        for (DeadLetterPublisher.DeadLetter letter : deadLetters) {
            LOG.warn("Dead-lettering {}-{}@{}: {}", letter.original().topic(), letter.original().partition(),
                    letter.original().offset(), letter.reason());
        }
        deadLetterPublisher.publish(deadLetters);
        stored.addAndGet(result.stored());
        batches.incrementAndGet();
        skipped.addAndGet(deadLetters.size());
        try {
            consumer.commitSync(done.batch().next());
        } catch (CommitFailedException | RebalanceInProgressException | TimeoutException e) {
            // Stored but not committed: the group moved on or the broker is away. Reading the batch again is harmless
            // (the store is idempotent on the rating id); stopping would leave every later rating uncounted.
            throw new OffsetsNotCommittedException(e);
        }
    }

    /**
     * Finishes the batch in flight before its partitions go (a rebalance, or closing). If that fails, its partitions
     * are sought back to it, so a partition this consumer keeps reads it again; one it loses is read again by its
     * next owner from the last commit.
     */
    private void finishQuietly() {
        if (inFlight == null) {
            return;
        }
        Decoded batch = inFlight.batch();
        try {
            finish();
        } catch (SQLException | DeadLetterPublisher.DeadLetterException | OffsetsNotCommittedException | RuntimeException e) {
            LOG.warn("Batch in flight not stored or not committed ({}); it will be read again", e.getMessage());
            try {
                rewind(batch, null);
            } catch (RuntimeException ignored) {
                // the partitions are going: their next owner starts from the last commit
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A batch's offsets could not be committed after its database commit; it is read again. */
    static final class OffsetsNotCommittedException extends Exception {
        OffsetsNotCommittedException(Exception cause) {
            super("offsets not committed: " + cause.getMessage(), cause);
        }
    }

    /** Back to the start of the failed batch, and of the batch decoded behind it where it reached other partitions. */
    private void rewind(Decoded failed, Decoded behind) {
        Map<TopicPartition, Long> to = new HashMap<>(failed.first());
        if (behind != null) {
            behind.first().forEach(to::putIfAbsent);
        }
        Set<TopicPartition> stillAssigned = consumer.assignment();
        // a partition no longer ours is read by its next owner from its last committed offset
        to.forEach((partition, offset) -> {
            if (stillAssigned.contains(partition)) {
                consumer.seek(partition, offset);
            }
        });
    }

    /** Batches stored since start: with {@link #storedCount()}, how full the polls are. */
    public long batchCount() {
        return batches.get();
    }

    /** Ratings this instance stored since it started (not counting redeliveries). */
    public long storedCount() {
        return stored.get();
    }

    /** The partitions this instance reads now; the group shares the topic's partitions among its instances. */
    public Set<TopicPartition> assignedPartitions() {
        return Set.copyOf(assigned);
    }

    public long skippedCount() {
        return skipped.get();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(Duration.ofSeconds(10).toMillis());
        writer.shutdown();
    }
}
