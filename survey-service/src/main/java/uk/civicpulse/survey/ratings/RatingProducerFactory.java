package uk.civicpulse.survey.ratings;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

@Factory
class RatingProducerFactory {

    @Singleton
    @Bean(preDestroy = "close")
    Producer<String, byte[]> ratingProducer(KafkaSettings settings,
                                            @Value("${civic-pulse.kafka.linger:1ms}") Duration linger,
                                            @Value("${civic-pulse.kafka.batch-size:262144}") int batchSize) {
        long ackTimeoutMs = settings.ackTimeout().toMillis();
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "survey-service");
        // A rating is acknowledged to the resident only once every in-sync replica has it.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // Retries inside the producer never write a rating twice or out of order.
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // send() blocks while it fetches metadata; with the broker gone it must give up within the request's budget.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, ackTimeoutMs);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1000, ackTimeoutMs));
        // Keep retrying a little past the answer's deadline; a late write is de-duplicated downstream by its id.
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(5000, 2 * ackTimeoutMs + 1000));
        // 1 ms lets ratings arriving together share a request; more adds to every answer, since each waits for its ack.
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) linger.toMillis());
        // Room for a whole kiosk or import batch (1,000 ratings of ~0.5 KB) in a few requests instead of ~30 of the 16 KB default.
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, batchSize);
        // No client metrics pushed to the broker (KIP-714): nothing here reads them, and the producer's network thread
        // formatted a string for the check on every poll (about 1 % of survey-service's CPU per rating when profiled).
        config.put(ProducerConfig.ENABLE_METRICS_PUSH_CONFIG, false);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(config);
    }
}
