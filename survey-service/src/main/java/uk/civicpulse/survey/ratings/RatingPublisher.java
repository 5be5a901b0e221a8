package uk.civicpulse.survey.ratings;

import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import uk.civicpulse.events.EventCodec;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.events.Topics;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Produces ratings to {@link Topics#RATINGS_V1}, keyed by council. The future completes when the broker has
 * acknowledged the rating, or fails with {@link BrokerUnavailableException} when it has not within the
 * acknowledgement timeout.
 */
@Singleton
public class RatingPublisher {

    private final Producer<String, byte[]> producer;
    private final KafkaSettings settings;

    public RatingPublisher(Producer<String, byte[]> producer, KafkaSettings settings) {
        this.producer = producer;
        this.settings = settings;
    }

    public CompletableFuture<RatingSubmitted> publish(RatingSubmitted rating) {
        CompletableFuture<RatingSubmitted> acknowledged = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(Topics.RATINGS_V1.name(), rating.partitionKey(), EventCodec.encode(rating)),
                    (metadata, error) -> {
                        if (error == null) {
                            acknowledged.complete(rating);
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
