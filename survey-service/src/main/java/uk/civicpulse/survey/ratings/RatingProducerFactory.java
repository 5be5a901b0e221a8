package uk.civicpulse.survey.ratings;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.Map;

@Factory
class RatingProducerFactory {

    @Singleton
    @Bean(preDestroy = "close")
    Producer<String, byte[]> ratingProducer(KafkaSettings settings) {
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
        // A couple of milliseconds of batching buys throughput under load at a latency cost nobody sees.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(config);
    }
}
