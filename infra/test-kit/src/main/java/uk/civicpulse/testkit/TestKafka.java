package uk.civicpulse.testkit;

import uk.civicpulse.events.Topics;
import uk.civicpulse.stack.EmbeddedKafkaBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * One real Kafka broker per test JVM, started on first use with every topic of the contract, stopped when the JVM
 * exits. Tests that restart the broker call {@link EmbeddedKafkaBroker#stop()} and {@link EmbeddedKafkaBroker#start()}
 * on {@link #broker()}; the port and data stay.
 */
public final class TestKafka {

    private static EmbeddedKafkaBroker broker;

    private TestKafka() {
    }

    public static synchronized EmbeddedKafkaBroker broker() {
        if (broker == null) {
            try {
                EmbeddedKafkaBroker started = new EmbeddedKafkaBroker(Files.createTempDirectory("civic-pulse-test-kafka"), 0).start();
                started.createTopics(Topics.ALL);
                Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "test-kafka-stop"));
                broker = started;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return broker;
    }

    public static String bootstrapServers() {
        return broker().bootstrapServers();
    }
}
