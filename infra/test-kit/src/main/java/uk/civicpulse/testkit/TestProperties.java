package uk.civicpulse.testkit;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The properties an integration test gives a service's Micronaut context: the test class's own database, the JVM's
 * Kafka broker and a free HTTP port; for analytics-service also a consumer group of its own, so that it reads the
 * shared topics from the start and shares its partitions with no other test class. Entries added with
 * {@link #with(String, Object)} are added to these or override them.
 *
 * <pre>{@code
 * public Map<String, String> getProperties() {
 *     return TestProperties.of(database).newConsumerGroup("cases-it").asMap();
 * }
 * }</pre>
 */
public final class TestProperties {

    public static final String DATABASE_URL = "datasources.default.url";
    public static final String BOOTSTRAP_SERVERS = "civic-pulse.kafka.bootstrap-servers";
    public static final String CONSUMER_GROUP = "civic-pulse.kafka.consumer-group";
    public static final String SERVER_PORT = "micronaut.server.port";

    private final TestDatabase database;
    private final Map<String, String> added = new LinkedHashMap<>();

    private TestProperties(TestDatabase database) {
        this.database = database;
    }

    public static TestProperties of(TestDatabase database) {
        return new TestProperties(database);
    }

    /** Reads the topics in this consumer group (analytics-service). */
    public TestProperties consumerGroup(String group) {
        return with(CONSUMER_GROUP, group);
    }

    /** Reads the topics in a consumer group of its own: the prefix, a hyphen and a random UUID (analytics-service). */
    public TestProperties newConsumerGroup(String prefix) {
        return consumerGroup(prefix + "-" + UUID.randomUUID());
    }

    /** Adds the property, or overrides one of the defaults; the value is written as {@link String#valueOf(Object)}. */
    public TestProperties with(String name, Object value) {
        added.put(name, String.valueOf(value));
        return this;
    }

    /**
     * The properties, for {@code TestPropertyProvider.getProperties()}. The broker is started only if the bootstrap
     * servers are not overridden.
     */
    public Map<String, String> asMap() {
        Map<String, String> properties = new LinkedHashMap<>();
        // a free port: other test runs on this machine may hold the service's own
        properties.put(SERVER_PORT, "-1");
        properties.put(DATABASE_URL, database.jdbcUrl());
        if (!added.containsKey(BOOTSTRAP_SERVERS)) {
            properties.put(BOOTSTRAP_SERVERS, TestKafka.bootstrapServers());
        }
        properties.putAll(added);
        return properties;
    }

    /** The properties, for {@code ApplicationContext.run(Map)}. */
    public Map<String, Object> asObjectMap() {
        return new HashMap<>(asMap());
    }
}
