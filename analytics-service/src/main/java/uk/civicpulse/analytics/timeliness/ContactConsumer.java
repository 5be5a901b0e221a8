package uk.civicpulse.analytics.timeliness;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
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
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.civicpulse.analytics.ingest.DeadLetterPublisher;
import uk.civicpulse.analytics.ingest.IngestSettings;
import uk.civicpulse.events.ContactHandled;
import uk.civicpulse.events.EventCodec;
import uk.civicpulse.events.EventTypes;
import uk.civicpulse.events.FieldError;
import uk.civicpulse.events.Topics;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads {@link Topics#CONTACTS_V1} into the contact table, one transaction per polled batch, committing offsets only
 * after the database has committed. Two batches overlap: while one is written to the database (on a writer thread),
 * the next is fetched and decoded, so the two cores are busy at once during a bulk import. A batch's offsets are
 * still committed only after its own database commit, in order; before partitions are taken away in a rebalance, the
 * batch in flight is finished and committed. Error strategy, as for ratings:
 * <ul>
 *   <li>an undecodable record, one breaking the contract, or one keyed by another council goes to
 *       {@link Topics#CONTACTS_DEAD_LETTER_V1} with its reason, and blocks nothing behind it;</li>
 *   <li>a database or dead-letter failure stores nothing of the batch: the consumer seeks back to it (dropping the
 *       batch decoded behind it) and retries with growing pauses; the upsert is idempotent on (council, source id),
 *       so a retried batch counts nothing twice;</li>
 *   <li>a batch stored whose offsets cannot be committed (the group has moved on, or the broker is away) is read
 *       again in the same way, rather than stopping the consumer.</li>
 * </ul>
 */
@Context
@Requires(property = "civic-pulse.kafka.consumer-enabled", notEquals = "false")
public class ContactConsumer implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ContactConsumer.class);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(10);

    private final ContactStore store;
    private final DeadLetterPublisher deadLetters;
    private final Consumer<String, byte[]> consumer;
    private final Thread thread;
    private final ExecutorService writer;
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private volatile boolean running = true;
    /** The batch being written; only the consumer thread touches it. */
    private InFlight inFlight;

    public ContactConsumer(ContactStore store, DeadLetterPublisher deadLetters, IngestSettings ingest, TimelinessSettings settings,
                           @Value("${civic-pulse.timeliness.max-poll-interval:5m}") Duration maxPollInterval) {
        this.store = store;
        this.deadLetters = deadLetters;
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ingest.bootstrapServers());
        // Its own group ("<group>-contacts"): sharing the ratings consumer's group would make each rebalance the other.
        config.put(ConsumerConfig.GROUP_ID_CONFIG, ingest.consumerGroup() + "-contacts");
        // Offsets are committed by hand, after the database commit.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A new group reads the whole topic: every contact ever sent is counted.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Bulk imports arrive a million at a time: bigger batches than ratings keep the database round trips few.
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxBatch());
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 16 * 1024 * 1024);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        // A batch held longer than this (a locked table, a hung database) hands the partitions to another instance.
        config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) maxPollInterval.toMillis());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumer = new KafkaConsumer<>(config);
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "contact-writer");
            t.setDaemon(true);
            return t;
        });
        this.thread = new Thread(this, "contact-consumer");
        this.thread.start();
    }

    /** A polled batch, decoded: its contacts, its dead letters, where each partition starts and where to commit. */
    record Decoded(List<ContactHandled> contacts, List<DeadLetterPublisher.DeadLetter> rejected,
                   Map<TopicPartition, Long> first, Map<TopicPartition, OffsetAndMetadata> next) {
    }

    /** A decoded batch being written on the writer thread. */
    record InFlight(Decoded batch, Future<ContactStore.BatchResult> stored) {
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(Topics.CONTACTS_V1.name()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // Called inside poll(), on this thread: commit the batch in flight while its partitions are ours.
                    // If it fails, the next owner reads it again from the last commit (idempotent).
                    finishQuietly();
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
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
                        LOG.warn("Contacts not stored or not committed ({}); {} records will be read again in {} ms", e.getMessage(),
                                failed.contacts().size() + failed.rejected().size()
                                        + (next == null ? 0 : next.contacts().size() + next.rejected().size()), pause.toMillis());
                        rewind(failed, next);
                        Thread.sleep(pause.toMillis());
                        pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
                        continue;
                    }
                }
                if (next != null) {
                    inFlight = new InFlight(next, writer.submit(() -> store.apply(next.contacts())));
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Contact consumer stopped: cannot recover", e);
        } finally {
            finishQuietly();
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Decodes a polled batch; nothing is stored or committed yet. */
    static Decoded decode(ConsumerRecords<String, byte[]> records) {
        List<ContactHandled> contacts = new ArrayList<>(records.count());
        List<DeadLetterPublisher.DeadLetter> rejected = new ArrayList<>();
        Map<TopicPartition, Long> first = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            first.putIfAbsent(partition, record.offset());
            next.put(partition, new OffsetAndMetadata(record.offset() + 1));
            String reason = decode(record, contacts);
            if (reason != null) {
                LOG.warn("Dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason);
                rejected.add(new DeadLetterPublisher.DeadLetter(record, reason));
            }
        }
        return new Decoded(contacts, rejected, first, next);
    }

    /** Waits for the batch in flight to be stored, sets aside its dead letters, and commits its offsets. */
    private void finish() throws SQLException, DeadLetterPublisher.DeadLetterException, OffsetsNotCommittedException,
            InterruptedException {
        InFlight done = inFlight;
        inFlight = null;
        ContactStore.BatchResult result;
        try {
            result = done.stored().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
        deadLetters.publish(Topics.CONTACTS_DEAD_LETTER_V1, done.batch().rejected());
        stored.addAndGet(result.added());
        batches.incrementAndGet();
        try {
            consumer.commitSync(done.batch().next());
        } catch (CommitFailedException | RebalanceInProgressException | TimeoutException e) {
            // Stored but not committed: the group moved on (this instance was put out for holding a batch too long,
            // or is rebalancing) or the broker is away. Reading the batch again is harmless; stopping would leave
            // every later contact uncounted until a restart.
            throw new OffsetsNotCommittedException(e);
        }
    }

    /** A batch's offsets could not be committed after its database commit; it is read again. */
    static final class OffsetsNotCommittedException extends Exception {
        OffsetsNotCommittedException(Exception cause) {
            super("offsets not committed: " + cause.getMessage(), cause);
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
        Decoded batch = inFlight.batch();
        try {
            finish();
        } catch (SQLException | DeadLetterPublisher.DeadLetterException | OffsetsNotCommittedException | RuntimeException e) {
            LOG.warn("Contacts in flight not committed ({}); they will be read again", e.getMessage());
            try {
                rewind(batch, null);
            } catch (RuntimeException ignored) {
                // the partitions are going: their next owner starts from the last commit
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Back to the start of the failed batch, and of the batch decoded behind it where it reached other partitions. */
    private void rewind(Decoded failed, Decoded behind) {
        Map<TopicPartition, Long> to = new HashMap<>(failed.first());
        if (behind != null) {
            behind.first().forEach(to::putIfAbsent);
        }
        Set<TopicPartition> assigned = consumer.assignment();
        to.forEach((partition, offset) -> {
            if (assigned.contains(partition)) {
                consumer.seek(partition, offset);
            }
        });
    }

    /** Adds the record's contact to the list, or returns why it can never be counted. */
    static String decode(ConsumerRecord<String, byte[]> record, List<ContactHandled> into) {
        Header typeHeader = record.headers().lastHeader(EventTypes.HEADER);
        String type = typeHeader == null ? EventTypes.CONTACT_HANDLED_V1 : new String(typeHeader.value(), StandardCharsets.UTF_8);
        if (!type.equals(EventTypes.CONTACT_HANDLED_V1)) {
            return "unknown event type '" + type + "'";
        }
        try {
            ContactHandled contact = EventCodec.decode(record.value(), ContactHandled.class);
            List<FieldError> errors = contact.contractErrors();
            if (!errors.isEmpty()) {
                return "breaks the contract: " + errors;
            }
            if (!contact.council().equals(record.key())) {
                return "keyed by '" + record.key() + "' but for council '" + contact.council() + "'";
            }
            into.add(contact);
            return null;
        } catch (EventCodec.UndecodableEventException e) {
            return "undecodable: " + e.getMessage();
        }
    }

    /** Contacts this instance added since it started (not counting updates and redeliveries). */
    public long storedCount() {
        return stored.get();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(Duration.ofSeconds(10).toMillis());
        writer.shutdown();
    }

    /** Batches stored since start: with {@link #storedCount()}, how full the polls are. */
    public long batchCount() {
        return batches.get();
    }
}
