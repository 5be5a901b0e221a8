package uk.civicpulse.analytics.ingest;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
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

import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The exactly-once loop the rating and contact consumers share: each polled batch is stored in one database
 * transaction, and its offsets are committed only after the database has committed. Two batches overlap: while one is
 * written to the database (on a writer thread), the next is fetched and decoded on the consumer thread. Batches are
 * still stored one after another, in order; before partitions are taken away in a rebalance, the batch in flight is
 * finished and committed. Error strategy:
 * <ul>
 *   <li>a database or dead-letter failure stores nothing of the batch: the consumer seeks back to the batch's first
 *       offsets (dropping the batch decoded behind it) and retries with growing pauses, so nothing is lost and, the
 *       stores being idempotent, nothing is counted twice;</li>
 *   <li>a batch stored whose offsets cannot be committed (this instance was put out of the group for holding the
 *       batch longer than the poll interval, the group is rebalancing, or the broker is away) is read again in the
 *       same way, and the next poll rejoins the group, rather than stopping the consumer;</li>
 *   <li>a crash between the database commit and the offset commit redelivers the batch, which is then a no-op.</li>
 * </ul>
 *
 * @param <B> a decoded batch
 * @param <R> what storing a batch gave
 */
public final class BatchConsumer<B, R> implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchConsumer.class);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(10);

    /** What a consumer does with its batches; the loop does the rest. */
    public interface Steps<B, R> {

        /** Decodes a polled batch on the consumer thread; nothing is stored or committed yet. */
        B decode(ConsumerRecords<String, byte[]> records);

        /** Stores a batch in one database transaction, on the writer thread. */
        R store(B batch) throws SQLException;

        /** After the database commit and before the offset commit, on the consumer thread: dead letters, counters. */
        void stored(B batch, R result) throws DeadLetterPublisher.DeadLetterException;
    }

    /**
     * @param name            for threads and logs, e.g. "rating"
     * @param topic           the topic read
     * @param maxBatch        the most records in one batch (one transaction)
     * @param maxPollInterval a batch held longer than this (a locked table, a hung database) hands the partitions on
     */
    public record Settings(String name, String topic, String bootstrapServers, String consumerGroup, int maxBatch,
                           Duration maxPollInterval) {
    }

    /** A decoded batch with where each of its partitions starts and where to commit. */
    private record Polled<B>(B batch, int records, Map<TopicPartition, Long> first, Map<TopicPartition, OffsetAndMetadata> next) {
    }

    /** A batch being written on the writer thread. */
    private record InFlight<B, R>(Polled<B> polled, Future<R> stored) {
    }

    private final Settings settings;
    private final Steps<B, R> steps;
    private final Consumer<String, byte[]> consumer;
    private final Thread thread;
    private final ExecutorService writer;
    private final AtomicLong batches = new AtomicLong();
    private final Set<TopicPartition> assigned = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;
    /** The batch being written; only the consumer thread touches it. */
    private InFlight<B, R> inFlight;

    public BatchConsumer(Settings settings, Steps<B, R> steps) {
        this.settings = settings;
        this.steps = steps;
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.consumerGroup());
        // Offsets are committed by hand, after the database commit.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A new group reads the whole topic: everything ever accepted is counted.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxBatch());
        // Room for a full batch in one fetch, so big batches fill when the topic has a backlog.
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 16 * 1024 * 1024);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // A crashed instance's partitions move to the others after 10 s of silence rather than the default 45 s.
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) settings.maxPollInterval().toMillis());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumer = new KafkaConsumer<>(config);
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, settings.name() + "-writer");
            t.setDaemon(true);
            return t;
        });
        this.thread = new Thread(this, settings.name() + "-consumer");
    }

    public void start() {
        thread.start();
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(settings.topic()), new ConsumerRebalanceListener() {
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
                Polled<B> next = records.isEmpty() ? null : decode(records);
                if (inFlight != null) {
                    if (next == null && !inFlight.stored().isDone()) {
                        continue;
                    }
                    Polled<B> failed = inFlight.polled();
                    try {
                        finish();
                        pause = Duration.ofMillis(200);
                    } catch (SQLException | DeadLetterPublisher.DeadLetterException | OffsetsNotCommittedException e) {
                        LOG.warn("{} batch not stored or not committed ({}); {} records will be read again in {} ms", settings.name(),
                                e.getMessage(), failed.records() + (next == null ? 0 : next.records()), pause.toMillis());
                        rewind(failed, next);
                        Thread.sleep(pause.toMillis());
                        pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
                        continue;
                    }
                }
                if (next != null) {
                    inFlight = new InFlight<>(next, writer.submit(() -> steps.store(next.batch())));
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("{} consumer stopped: cannot recover", settings.name(), e);
        } finally {
            finishQuietly();
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private Polled<B> decode(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, Long> first = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            first.putIfAbsent(partition, record.offset());
            next.put(partition, new OffsetAndMetadata(record.offset() + 1));
        }
        return new Polled<>(steps.decode(records), records.count(), first, next);
    }

    /** Waits for the batch in flight to be stored, lets the consumer finish it, and commits its offsets. */
    private void finish() throws SQLException, DeadLetterPublisher.DeadLetterException, OffsetsNotCommittedException,
            InterruptedException {
        InFlight<B, R> done = inFlight;
        inFlight = null;
        R result;
        try {
            result = done.stored().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
        steps.stored(done.polled().batch(), result);
        batches.incrementAndGet();
        try {
            consumer.commitSync(done.polled().next());
        } catch (CommitFailedException | RebalanceInProgressException | TimeoutException e) {
            // Stored but not committed: the group moved on or the broker is away. Reading the batch again is harmless
            // (the store is idempotent); stopping would leave everything after it uncounted until a restart.
            throw new OffsetsNotCommittedException(e);
        }
    }

    /**
     * Finishes the batch in flight before its partitions go (a rebalance, or closing). If that fails, its partitions
     * are sought back to it, so a partition this consumer keeps (cooperative rebalancing) reads it again; one it
     * loses is read again by its next owner from the last commit.
     */
    private void finishQuietly() {
        if (inFlight == null) {
            return;
        }
        Polled<B> batch = inFlight.polled();
        try {
            finish();
        } catch (SQLException | DeadLetterPublisher.DeadLetterException | OffsetsNotCommittedException | RuntimeException e) {
            LOG.warn("{} batch in flight not stored or not committed ({}); it will be read again", settings.name(), e.getMessage());
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
    private void rewind(Polled<B> failed, Polled<B> behind) {
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

    /** Batches stored since start. */
    public long batchCount() {
        return batches.get();
    }

    /** The partitions this instance reads now; the group shares the topic's partitions among its instances. */
    public Set<TopicPartition> assignedPartitions() {
        return Set.copyOf(assigned);
    }

    public void stop() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(Duration.ofSeconds(10).toMillis());
        writer.shutdown();
    }
}
