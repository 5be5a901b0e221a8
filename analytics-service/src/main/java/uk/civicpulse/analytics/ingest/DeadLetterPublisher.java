package uk.civicpulse.analytics.ingest;


import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import uk.civicpulse.events.DeadLetters;
import uk.civicpulse.events.Topic;
import uk.civicpulse.events.Topics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Sets aside records that can never be counted, with the reason, so they block nothing and are not lost. */
@Singleton

public class DeadLetterPublisher {

    private final Producer<String, byte[]> producer;

    public DeadLetterPublisher(IngestSettings settings) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, "analytics-dead-letters",
                // The original offset is committed only after this is acknowledged, so it must really be stored.
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /** A record to set aside and why. */
    public record DeadLetter(ConsumerRecord<String, byte[]> original, String reason) {
    }

    /** Sends every dead letter of {@link Topics#RATINGS_V1} and waits until the broker has them all. */
    public void publish(List<DeadLetter> letters) throws DeadLetterException {
        publish(Topics.RATINGS_DEAD_LETTER_V1, letters);
    }

    /** Sends every dead letter to the given dead-letter topic and waits until the broker has them all. */
    public void publish(Topic deadLetterTopic, List<DeadLetter> letters) throws DeadLetterException {
        if (letters.isEmpty()) {
            return;
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try {
            for (DeadLetter letter : letters) {
                ConsumerRecord<String, byte[]> o = letter.original();
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(deadLetterTopic.name(), o.key(), o.value());
                o.headers().forEach(h -> record.headers().add(h));
                record.headers().add(DeadLetters.REASON, bytes(letter.reason()));
                record.headers().add(DeadLetters.ORIGINAL_TOPIC, bytes(o.topic()));
                record.headers().add(DeadLetters.ORIGINAL_PARTITION, bytes(String.valueOf(o.partition())));
                record.headers().add(DeadLetters.ORIGINAL_OFFSET, bytes(String.valueOf(o.offset())));
                sent.add(producer.send(record));
            }
            for (Future<RecordMetadata> f : sent) {
                f.get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new DeadLetterException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLetterException(e);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @PreDestroy
    void close() {
        producer.close();
    }

    /** The dead-letter topic could not take the records; the batch is retried. */
    public static class DeadLetterException extends Exception {
        DeadLetterException(Throwable cause) {
            super("could not publish dead letters", cause);
        }
    }
}
