package uk.civicpulse.analytics.timeliness;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.civicpulse.analytics.ingest.BatchConsumer;
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
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads {@link Topics#CONTACTS_V1} into the contact table, one transaction per polled batch, through the
 * {@link BatchConsumer} loop the ratings use (offsets committed only after the database commit, the next batch
 * decoded while one is written, so the two cores are busy at once during a bulk import; a failed batch read again).
 * What is particular to contacts:
 * <ul>
 *   <li>an undecodable record, one breaking the contract, or one keyed by another council goes to
 *       {@link Topics#CONTACTS_DEAD_LETTER_V1} with its reason, and blocks nothing behind it;</li>
 *   <li>the upsert is idempotent on (council, source id), so a batch read again counts nothing twice.</li>
 * </ul>
 */
@Context
@Requires(property = "civic-pulse.kafka.consumer-enabled", notEquals = "false")
public class ContactConsumer implements BatchConsumer.Steps<ContactConsumer.Decoded, ContactStore.BatchResult> {

    private static final Logger LOG = LoggerFactory.getLogger(ContactConsumer.class);

    private final ContactStore store;
    private final DeadLetterPublisher deadLetters;
    private final AtomicLong stored = new AtomicLong();
    private final BatchConsumer<Decoded, ContactStore.BatchResult> loop;

    public ContactConsumer(ContactStore store, DeadLetterPublisher deadLetters, IngestSettings ingest, TimelinessSettings settings,
                           @Value("${civic-pulse.timeliness.max-poll-interval:5m}") Duration maxPollInterval) {
        this.store = store;
        this.deadLetters = deadLetters;
        // Its own group ("<group>-contacts"): sharing the ratings consumer's group would make each rebalance the other.
        // Bulk imports arrive a million at a time: bigger batches than ratings keep the database round trips few.
        this.loop = new BatchConsumer<>(new BatchConsumer.Settings("contact", Topics.CONTACTS_V1.name(), ingest.bootstrapServers(),
                ingest.consumerGroup() + "-contacts", settings.maxBatch(), maxPollInterval), this);
        loop.start();
    }

    /** A polled batch, decoded: its contacts and its dead letters. */
    public record Decoded(List<ContactHandled> contacts, List<DeadLetterPublisher.DeadLetter> rejected) {
    }

    @Override
    public Decoded decode(ConsumerRecords<String, byte[]> records) {
        List<ContactHandled> contacts = new ArrayList<>(records.count());
        List<DeadLetterPublisher.DeadLetter> rejected = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            String reason = decode(record, contacts);
            if (reason != null) {
                LOG.warn("Dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason);
                rejected.add(new DeadLetterPublisher.DeadLetter(record, reason));
            }
        }
        return new Decoded(contacts, rejected);
    }

    @Override
    public ContactStore.BatchResult store(Decoded batch) throws SQLException {
        return store.apply(batch.contacts());
    }

    /** Sets aside the batch's dead letters. */
    @Override
    public void stored(Decoded batch, ContactStore.BatchResult result) throws DeadLetterPublisher.DeadLetterException {
        deadLetters.publish(Topics.CONTACTS_DEAD_LETTER_V1, batch.rejected());
        stored.addAndGet(result.added());
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

    /** Batches stored since start: with {@link #storedCount()}, how full the polls are. */
    public long batchCount() {
        return loop.batchCount();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        loop.stop();
    }
}
