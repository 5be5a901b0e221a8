package uk.civicpulse.analytics.ingest;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * @param bootstrapServers the Kafka brokers
 * @param consumerGroup    instances sharing this group share the topic's partitions
 * @param maxBatch         the most ratings stored in one database transaction
 */
@ConfigurationProperties("civic-pulse.kafka")
public record IngestSettings(String bootstrapServers, String consumerGroup, int maxBatch) {
}
