package uk.civicpulse.contactimport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import uk.civicpulse.events.ContactHandled;
import uk.civicpulse.events.EventCodec;
import uk.civicpulse.events.EventTypes;
import uk.civicpulse.events.Topics;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Produces straight to {@link Topics#CONTACTS_V1}, keyed by council, as any integration may. Sending to the broker
 * rather than through the contacts API is what makes a million rows a minute possible: no HTTP round trip per batch,
 * and the producer batches and compresses by itself.
 */
final class KafkaContactSink implements ContactSink {

    private final Producer<String, byte[]> producer;
    private final AtomicLong acknowledged = new AtomicLong();

    KafkaContactSink(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "civic-pulse-contact-import");
        // A row counts as imported only once every in-sync replica has it.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // Retries never duplicate or reorder records (and the source id makes a duplicate harmless anyway).
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Bulk throughput: wait up to 20 ms to fill 512 KB batches, compressed (contact rows compress well).
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        // Give up on a row after two minutes of a broker being away; the row is then reported as failed.
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producer = new KafkaProducer<>(config);
    }

    @Override
    public void send(long line, ContactHandled contact, Failure onFailure) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CONTACTS_V1.name(), contact.partitionKey(), EventCodec.encode(contact));
        record.headers().add(EventTypes.HEADER, EventTypes.headerValue(EventTypes.CONTACT_HANDLED_V1));
        try {
            producer.send(record, (metadata, e) -> {
                if (e == null) {
                    acknowledged.incrementAndGet();
                } else {
                    onFailure.failed(line, "not delivered to Kafka: " + e.getMessage());
                }
            });
        } catch (RuntimeException e) {
            onFailure.failed(line, "not delivered to Kafka: " + e.getMessage());
        }
    }

    @Override
    public long finish() {
        producer.flush();
        return acknowledged.get();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
