package uk.civicpulse.survey.ratings;

import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

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
        return withinAckTimeout(acknowledged);
    }

    /**
     * Sends every record before waiting for any acknowledgement (so the producer can put them in a few large requests),
     * calls {@code eachAcknowledged} with a record's value as the broker acknowledges it, and completes once all are
     * acknowledged; fails with {@link BrokerUnavailableException} as soon as one fails, or when not all are acknowledged
     * within one acknowledgement timeout for the lot.
     */
    public <T> CompletableFuture<Void> sendAll(List<ProducerRecord<String, byte[]>> records, List<T> values, Consumer<T> eachAcknowledged) {
        CompletableFuture<Void> all = new CompletableFuture<>();
        if (records.isEmpty()) {
            all.complete(null);
            return all;
        }
        AtomicInteger waiting = new AtomicInteger(records.size());
        try {
            for (int i = 0; i < records.size(); i++) {
                T value = values.get(i);
                producer.send(records.get(i), (metadata, error) -> {
                    if (error != null) {
                        all.completeExceptionally(new BrokerUnavailableException(error));
                        return;
                    }
                    eachAcknowledged.accept(value);
                    if (waiting.decrementAndGet() == 0) {
                        all.complete(null);
                    }
                });
            }
        } catch (KafkaException e) {
            all.completeExceptionally(new BrokerUnavailableException(e));
        }
        return withinAckTimeout(all);
    }

    private <T> CompletableFuture<T> withinAckTimeout(CompletableFuture<T> acknowledged) {
        return acknowledged
                .orTimeout(settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(
                        e instanceof TimeoutException ? new BrokerUnavailableException(e) : e));
    }
}
