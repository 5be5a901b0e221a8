package uk.civicpulse.survey.enrichment;

import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import uk.civicpulse.events.EventCodec;
import uk.civicpulse.events.EventTypes;
import uk.civicpulse.events.RatingEnriched;
import uk.civicpulse.events.Topics;
import uk.civicpulse.survey.ratings.BrokerUnavailableException;
import uk.civicpulse.survey.ratings.KafkaSettings;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Produces {@link RatingEnriched} to {@link Topics#RATINGS_V1} beside the ratings, keyed by council (so it follows its
 * rating in the same partition) and marked with the {@link EventTypes#HEADER} header. Completes once the broker has it.
 */
@Singleton
public class EnrichmentPublisher {

    private final Producer<String, byte[]> producer;
    private final KafkaSettings settings;

    public EnrichmentPublisher(Producer<String, byte[]> producer, KafkaSettings settings) {
        this.producer = producer;
        this.settings = settings;
    }

    public CompletableFuture<RatingEnriched> publish(RatingEnriched enrichment) {
        CompletableFuture<RatingEnriched> acknowledged = new CompletableFuture<>();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.RATINGS_V1.name(), enrichment.partitionKey(), EventCodec.encode(enrichment));
        record.headers().add(EventTypes.HEADER, EventTypes.headerValue(EventTypes.RATING_ENRICHED_V1));
        try {
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    acknowledged.complete(enrichment);
                } else {
                    acknowledged.completeExceptionally(new BrokerUnavailableException(error));
                }
            });
        } catch (KafkaException e) {
            acknowledged.completeExceptionally(new BrokerUnavailableException(e));
        }
        return acknowledged
                .orTimeout(settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(
                        e instanceof TimeoutException ? new BrokerUnavailableException(e) : e));
    }
}
