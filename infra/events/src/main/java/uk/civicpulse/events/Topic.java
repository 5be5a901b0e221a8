package uk.civicpulse.events;

/**
 * A Kafka topic of the contract.
 *
 * @param name       the topic name; its suffix is the event's schema version
 * @param partitions how many partitions to create it with; records are keyed by council, so this caps how many
 *                   consumer instances share the work
 */
public record Topic(String name, int partitions) {
}
