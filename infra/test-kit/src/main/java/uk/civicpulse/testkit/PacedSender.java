package uk.civicpulse.testkit;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Sends events to the test broker at a steady pace on a thread of its own until stopped, for fault tests that break
 * things while events stream in. Event {@code i} (0, 1, 2...) is sent as the records {@code recordsOf(i)} (more than
 * one for a redelivery or a later update); {@link #sent()} counts only events whose records the broker has
 * acknowledged (acks=all), so a test can compare it with what was stored.
 */
public final class PacedSender implements AutoCloseable {

    /** Events sent between pauses: with {@link #PAUSE}, about 500 events a second. */
    public static final int EVENTS_PER_ROUND = 25;
    public static final Duration PAUSE = Duration.ofMillis(50);

    private final Producer<String, byte[]> producer = TestKafka.producer();
    private final IntFunction<List<ProducerRecord<String, byte[]>>> recordsOf;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Thread thread;

    private PacedSender(String name, IntFunction<List<ProducerRecord<String, byte[]>>> recordsOf) {
        this.recordsOf = recordsOf;
        this.thread = new Thread(this::send, name);
    }

    /** Starts sending on a thread of the given name. */
    public static PacedSender start(String name, IntFunction<List<ProducerRecord<String, byte[]>>> recordsOf) {
        PacedSender sender = new PacedSender(name, recordsOf);
        sender.thread.start();
        return sender;
    }

    private void send() {
        List<Future<RecordMetadata>> sending = new ArrayList<>();
        int i = 0;
        while (running.get()) {
            for (int j = 0; j < EVENTS_PER_ROUND; j++, i++) {
                for (ProducerRecord<String, byte[]> record : recordsOf.apply(i)) {
                    sending.add(producer.send(record));
                }
            }
            producer.flush();
            for (Future<RecordMetadata> accepted : sending) {
                try {
                    accepted.get();
                } catch (InterruptedException | ExecutionException e) {
                    failure.set(e);
                    return;
                }
            }
            sending.clear();
            sent.set(i);
            // pacing the sender, not waiting for a result
            LockSupport.parkNanos(PAUSE.toNanos());
        }
    }

    /** @return how many events were sent so far, every record of each acknowledged by the broker */
    public int sent() {
        return sent.get();
    }

    /**
     * Stops sending after the current round.
     *
     * @return how many events were sent, every record of each acknowledged by the broker
     * @throws IllegalStateException if the broker did not accept a record
     */
    public int stop() throws InterruptedException {
        running.set(false);
        thread.join();
        if (failure.get() != null) {
            throw new IllegalStateException("the broker did not accept a record sent by " + thread.getName(), failure.get());
        }
        return sent.get();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            stop();
        } finally {
            producer.close();
        }
    }
}
