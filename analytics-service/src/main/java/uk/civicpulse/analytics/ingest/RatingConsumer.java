package uk.civicpulse.analytics.ingest;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.civicpulse.events.RatingEnriched;
import uk.civicpulse.events.Topics;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads {@link Topics#RATINGS_V1} and stores each polled batch in one database transaction, through the
 * {@link BatchConsumer} loop (offsets committed only after the database commit, the next batch decoded while one is
 * written, a failed batch read again). What is particular to ratings:
 * <ul>
 *   <li>an undecodable or invalid record, or an enrichment of a rating that does not exist, goes to the dead-letter
 *       topic with its reason: it can never be counted, and must not block the ratings behind it in its partition;</li>
 *   <li>writes are idempotent on the rating id, so a batch read again counts nothing twice.</li>
 * </ul>
 */
@Context
@Requires(property = "civic-pulse.kafka.consumer-enabled", notEquals = "false")
public class RatingConsumer implements BatchConsumer.Steps<RecordDecoder, RatingStore.BatchResult> {

    private static final Logger LOG = LoggerFactory.getLogger(RatingConsumer.class);

    private final RatingStore store;
    private final DeadLetterPublisher deadLetterPublisher;
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final BatchConsumer<RecordDecoder, RatingStore.BatchResult> loop;

    public RatingConsumer(RatingStore store, DeadLetterPublisher deadLetterPublisher, IngestSettings settings,
                          @Value("${civic-pulse.kafka.max-poll-interval:5m}") Duration maxPollInterval) {
        this.store = store;
        this.deadLetterPublisher = deadLetterPublisher;
        this.loop = new BatchConsumer<>(new BatchConsumer.Settings("rating", Topics.RATINGS_V1.name(), settings.bootstrapServers(),
                settings.consumerGroup(), settings.maxBatch(), maxPollInterval), this);
        loop.start();
    }

    @Override
    public RecordDecoder decode(ConsumerRecords<String, byte[]> records) {
        RecordDecoder decoded = new RecordDecoder();
        for (ConsumerRecord<String, byte[]> record : records) {
            decoded.add(record);
        }
        decoded.prepared = RatingStore.prepare(decoded.ratings);
        return decoded;
    }

    @Override
    public RatingStore.BatchResult store(RecordDecoder batch) throws SQLException {
        return store.apply(batch.prepared, batch.enrichments);
    }

    /** Sends the batch's dead letters, and enrichments that named no stored rating, to the dead-letter topic. */
    @Override
    public void stored(RecordDecoder decoded, RatingStore.BatchResult result) throws DeadLetterPublisher.DeadLetterException {
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
        skipped.addAndGet(deadLetters.size());
    }

    /** Batches stored since start: with {@link #storedCount()}, how full the polls are. */
    public long batchCount() {
        return loop.batchCount();
    }

    /** Ratings this instance stored since it started (not counting redeliveries). */
    public long storedCount() {
        return stored.get();
    }

    /** The partitions this instance reads now; the group shares the topic's partitions among its instances. */
    public Set<TopicPartition> assignedPartitions() {
        return loop.assignedPartitions();
    }

    public long skippedCount() {
        return skipped.get();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        loop.stop();
    }
}
