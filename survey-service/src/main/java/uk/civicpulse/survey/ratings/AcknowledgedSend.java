package uk.civicpulse.survey.ratings;

import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one record with survey-service's producer (acks=all, idempotent). The future completes with the given value
 * once the broker has acknowledged the record, or fails with {@link BrokerUnavailableException} when it has not within
 * the acknowledgement timeout; callers answer 202 or 503 from it.
 */
@Singleton
public class AcknowledgedSend {

    private final Producer<String, byte[]> producer;
    private final KafkaSettings settings;

    public AcknowledgedSend(Producer<String, byte[]> producer, KafkaSettings settings) {
        this.producer = producer;
        this.settings = settings;
    }

    public <T> CompletableFuture<T> send(ProducerRecord<String, byte[]> record, T acknowledgedValue) {
        CompletableFuture<T> acknowledged = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    acknowledged.complete(acknowledgedValue);
                } else {
                    acknowledged.completeExceptionally(new BrokerUnavailableException(error));
                }
            });
        } catch (KafkaException e) {
            // send() itself fails when it cannot fetch metadata within max.block.ms: the broker is away.
            acknowledged.completeExceptionally(new BrokerUnavailableException(e));
        }
        return acknowledged
                .orTimeout(settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(
                        e instanceof TimeoutException ? new BrokerUnavailableException(e) : e));
    }
}
