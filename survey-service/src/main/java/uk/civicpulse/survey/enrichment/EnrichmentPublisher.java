package uk.civicpulse.survey.enrichment;

import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.ProducerRecord;
import uk.civicpulse.events.EventCodec;
import uk.civicpulse.events.EventTypes;
import uk.civicpulse.events.RatingEnriched;
import uk.civicpulse.events.Topics;
import uk.civicpulse.survey.ratings.AcknowledgedSend;

import java.util.concurrent.CompletableFuture;

/**
 * Produces {@link RatingEnriched} to {@link Topics#RATINGS_V1} beside the ratings, keyed by council (so it follows its
 * rating in the same partition) and marked with the {@link EventTypes#HEADER} header. Completes once the broker has it.
 */
@Singleton
public class EnrichmentPublisher {

    private final AcknowledgedSend send;

    public EnrichmentPublisher(AcknowledgedSend send) {
        this.send = send;
    }

    public CompletableFuture<RatingEnriched> publish(RatingEnriched enrichment) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.RATINGS_V1.name(), enrichment.partitionKey(), EventCodec.encode(enrichment));
        record.headers().add(EventTypes.HEADER, EventTypes.headerValue(EventTypes.RATING_ENRICHED_V1));
        return send.send(record, enrichment);
    }
}
