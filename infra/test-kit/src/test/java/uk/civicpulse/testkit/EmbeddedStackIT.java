package uk.civicpulse.testkit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import uk.civicpulse.events.Topics;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EmbeddedStackIT {

    @Test
    void aRecordProducedBeforeTheBrokerRestartsIsStillThereAfterIt() throws Exception {
        String topic = Topics.RATINGS_V1.name();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, "test-council", "before-restart")).get(30, TimeUnit.SECONDS);
        }

        TestKafka.broker().stop();
        TestKafka.broker().start();

        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "embedded-stack-it",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!values.contains("before-restart") && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
        }
        assertEquals(List.of("before-restart"), values);
    }

    @Test
    void eachTestDatabaseIsItsOwnAndIsDroppedAfterwards() throws SQLException {
        TestDatabase first = TestDatabase.create("stack");
        try (TestDatabase second = TestDatabase.create("stack")) {
            try (Connection c = TestDatabase.server().connect(first.name()); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE only_in_first (x int)");
            }
            try (Connection c = TestDatabase.server().connect(second.name()); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_first'")) {
                rs.next();
                assertEquals(0, rs.getInt(1));
            }
        }
        first.close();
        assertThrows(SQLException.class, () -> TestDatabase.server().connect(first.name()).close());
    }
}
