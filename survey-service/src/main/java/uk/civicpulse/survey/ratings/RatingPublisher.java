package uk.civicpulse.survey.ratings;

import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.ProducerRecord;
import uk.civicpulse.events.EventCodec;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.events.Topics;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Produces ratings to {@link Topics#RATINGS_V1}, keyed by council. The future completes when the broker has
 * acknowledged the rating, or fails with {@link BrokerUnavailableException} when it has not within the
 * acknowledgement timeout.
 */
@Singleton
public class RatingPublisher {

    private final AcknowledgedSend send;

    public RatingPublisher(AcknowledgedSend send) {
        this.send = send;
    }

    public CompletableFuture<RatingSubmitted> publish(RatingSubmitted rating) {
        return send.send(record(rating), rating);
    }

    /** Produces all the ratings at once; {@code eachAcknowledged} hears of each as the broker has it. */
    public CompletableFuture<Void> publishAll(List<RatingSubmitted> ratings, Consumer<RatingSubmitted> eachAcknowledged) {
        return send.sendAll(ratings.stream().map(RatingPublisher::record).toList(), ratings, eachAcknowledged);
    }

    private static ProducerRecord<String, byte[]> record(RatingSubmitted rating) {
        return new ProducerRecord<>(Topics.RATINGS_V1.name(), rating.partitionKey(), EventCodec.encode(rating));
    }
}
