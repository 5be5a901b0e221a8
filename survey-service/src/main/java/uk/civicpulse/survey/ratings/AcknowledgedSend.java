package uk.civicpulse.survey.ratings;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.concurrent.DefaultThreadFactory;
import jakarta.annotation.PreDestroy;
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
 *
 * <p>The timeouts are kept on a timer wheel ({@link HashedWheelTimer}, 100 ms ticks: a 503 comes at most a tick
 * after the timeout) rather than with {@link CompletableFuture#orTimeout}: that puts every rating in the JDK's one
 * delay queue, under its lock, and removes it again under the lock when the ack arrives, which showed as about 4 %
 * of survey-service's CPU per rating in the capture benchmark's profile (docs/capture-benchmark.md).
 */
@Singleton
public class AcknowledgedSend {

    private final Producer<String, byte[]> producer;
    private final KafkaSettings settings;
    private final HashedWheelTimer deadlines = new HashedWheelTimer(
            new DefaultThreadFactory("ack-timeouts", true), 100, TimeUnit.MILLISECONDS);

    public AcknowledgedSend(Producer<String, byte[]> producer, KafkaSettings settings) {
        this.producer = producer;
        this.settings = settings;
    }

    public <T> CompletableFuture<T> send(ProducerRecord<String, byte[]> record, T acknowledgedValue) {
        CompletableFuture<T> acknowledged = new CompletableFuture<>();
        Timeout deadline = failAfterAckTimeout(acknowledged);
        try {
            producer.send(record, (metadata, error) -> {
                deadline.cancel();
                if (error == null) {
                    acknowledged.complete(acknowledgedValue);
                } else {
                    acknowledged.completeExceptionally(new BrokerUnavailableException(error));
                }
            });
        } catch (KafkaException e) {
            // send() itself fails when it cannot fetch metadata within max.block.ms: the broker is away.
            deadline.cancel();
            acknowledged.completeExceptionally(new BrokerUnavailableException(e));
        } catch (RuntimeException e) {
            deadline.cancel();
            throw e;
        }
        return acknowledged;
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
        Timeout deadline = failAfterAckTimeout(all);
        AtomicInteger waiting = new AtomicInteger(records.size());
        try {
            for (int i = 0; i < records.size(); i++) {
                T value = values.get(i);
                producer.send(records.get(i), (metadata, error) -> {
                    if (error != null) {
                        deadline.cancel();
                        all.completeExceptionally(new BrokerUnavailableException(error));
                        return;
                    }
                    eachAcknowledged.accept(value);
                    if (waiting.decrementAndGet() == 0) {
                        deadline.cancel();
                        all.complete(null);
                    }
                });
            }
        } catch (KafkaException e) {
            deadline.cancel();
            all.completeExceptionally(new BrokerUnavailableException(e));
        } catch (RuntimeException e) {
            deadline.cancel();
            throw e;
        }
        return all;
    }

    private Timeout failAfterAckTimeout(CompletableFuture<?> acknowledged) {
        long ms = settings.ackTimeout().toMillis();
        return deadlines.newTimeout(timeout -> acknowledged.completeExceptionally(new BrokerUnavailableException(
                new TimeoutException("no acknowledgement from the broker within " + ms + " ms"))), ms, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopTimer() {
        deadlines.stop();
    }
}
