package uk.civicpulse.survey.contacts;

import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import uk.civicpulse.events.ContactHandled;
import uk.civicpulse.events.EventCodec;
import uk.civicpulse.events.EventTypes;
import uk.civicpulse.events.Topics;
import uk.civicpulse.survey.ratings.KafkaSettings;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Produces contacts to {@link Topics#CONTACTS_V1}, keyed by council, with survey-service's one producer (acks=all,
 * idempotent). The future completes when the broker has every contact, or fails with
 * {@link ContactsNotStoredException} when it has not within the acknowledgement timeout.
 */
@Singleton
public class ContactPublisher {

    private final Producer<String, byte[]> producer;
    private final KafkaSettings settings;

    public ContactPublisher(Producer<String, byte[]> producer, KafkaSettings settings) {
        this.producer = producer;
        this.settings = settings;
    }

    public CompletableFuture<Void> publish(List<ContactHandled> contacts) {
        CompletableFuture<?>[] acks = new CompletableFuture<?>[contacts.size()];
        for (int i = 0; i < contacts.size(); i++) {
            ContactHandled contact = contacts.get(i);
            CompletableFuture<Void> ack = new CompletableFuture<>();
            acks[i] = ack;
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CONTACTS_V1.name(), contact.partitionKey(), EventCodec.encode(contact));
            record.headers().add(EventTypes.HEADER, EventTypes.headerValue(EventTypes.CONTACT_HANDLED_V1));
            try {
                producer.send(record, (metadata, error) -> {
                    if (error == null) {
                        ack.complete(null);
                    } else {
                        ack.completeExceptionally(new ContactsNotStoredException(error));
                    }
                });
            } catch (KafkaException e) {
                ack.completeExceptionally(new ContactsNotStoredException(e));
            }
        }
        return CompletableFuture.allOf(acks)
                .orTimeout(settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(
                        e instanceof ContactsNotStoredException ? e
                                : e.getCause() instanceof ContactsNotStoredException ? e.getCause() : new ContactsNotStoredException(e)));
    }
}
