package uk.civicpulse.survey.ratings;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * @param bootstrapServers the Kafka brokers
 * @param ackTimeout       how long a request waits for the broker's acknowledgement before answering 503
 */
@ConfigurationProperties("civic-pulse.kafka")
public record KafkaSettings(String bootstrapServers, Duration ackTimeout) {
}
