package uk.civicpulse.survey.ratings;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The answer waits for the broker's acknowledgement, and a missing one becomes a 503 after the ack timeout. */
class AcknowledgedSendTest {

    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(false, new StringSerializer(), new ByteArraySerializer());
    private final AcknowledgedSend send =
            new AcknowledgedSend(producer, new KafkaSettings("unused:9092", Duration.ofMillis(300)));

    @AfterEach
    void stop() {
        send.stopTimer();
    }

    private static ProducerRecord<String, byte[]> record(String key) {
        return new ProducerRecord<>("ratings", key, new byte[]{1});
    }

    @Test
    void completesWithTheValueOnlyOnceTheBrokerHasAcknowledged() throws Exception {
        CompletableFuture<String> answer = send.send(record("a"), "accepted");
        assertFalse(answer.isDone());
        producer.completeNext();
        assertEquals("accepted", answer.get(1, TimeUnit.SECONDS));
    }

    @Test
    void failsAsBrokerUnavailableWhenTheBrokerRefuses() {
        CompletableFuture<String> answer = send.send(record("a"), "accepted");
        producer.errorNext(new NotEnoughReplicasException("one replica"));
        ExecutionException e = assertThrows(ExecutionException.class, () -> answer.get(1, TimeUnit.SECONDS));
        assertInstanceOf(BrokerUnavailableException.class, e.getCause());
    }

    @Test
    void failsAsBrokerUnavailableWhenNoAcknowledgementComesWithinTheTimeout() {
        long start = System.nanoTime();
        CompletableFuture<String> answer = send.send(record("a"), "accepted");
        ExecutionException e = assertThrows(ExecutionException.class, () -> answer.get(5, TimeUnit.SECONDS));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertInstanceOf(BrokerUnavailableException.class, e.getCause());
        assertInstanceOf(TimeoutException.class, e.getCause().getCause());
        assertTrue(tookMs >= 300, "failed after " + tookMs + " ms, before the 300 ms timeout");
    }

    @Test
    void anAcknowledgementAfterTheTimeoutDoesNotTurnThe503Into202() throws Exception {
        CompletableFuture<String> answer = send.send(record("a"), "accepted");
        assertThrows(ExecutionException.class, () -> answer.get(5, TimeUnit.SECONDS));
        producer.completeNext();
        assertTrue(answer.isCompletedExceptionally());
    }

    @Test
    void aBatchCompletesOnceEveryRecordIsAcknowledgedAndReportsEachOne() throws Exception {
        List<String> acknowledged = new ArrayList<>();
        CompletableFuture<Void> all = send.sendAll(List.of(record("a"), record("b"), record("c")),
                List.of("a", "b", "c"), acknowledged::add);
        producer.completeNext();
        producer.completeNext();
        assertFalse(all.isDone());
        assertEquals(List.of("a", "b"), acknowledged);
        producer.completeNext();
        all.get(1, TimeUnit.SECONDS);
        assertEquals(List.of("a", "b", "c"), acknowledged);
    }

    @Test
    void aBatchWithAnUnacknowledgedRecordFailsAfterOneTimeoutForTheLot() {
        List<String> acknowledged = new ArrayList<>();
        CompletableFuture<Void> all = send.sendAll(List.of(record("a"), record("b")), List.of("a", "b"), acknowledged::add);
        producer.completeNext();
        ExecutionException e = assertThrows(ExecutionException.class, () -> all.get(5, TimeUnit.SECONDS));
        assertInstanceOf(BrokerUnavailableException.class, e.getCause());
        // The one the broker has is still remembered, so a resend of it is answered without producing it again.
        assertEquals(List.of("a"), acknowledged);
    }
}
