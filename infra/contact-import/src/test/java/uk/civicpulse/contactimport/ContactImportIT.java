package uk.civicpulse.contactimport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.civicpulse.events.ContactHandled;
import uk.civicpulse.events.EventCodec;
import uk.civicpulse.events.EventTypes;
import uk.civicpulse.events.Topics;
import uk.civicpulse.testkit.TestKafka;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tool against a real broker: valid rows arrive keyed by council with the event-type header; exit code 1 for a reject. */
class ContactImportIT {

    @TempDir
    Path dir;

    @Test
    void sendsEveryValidRowToTheContactsTopicAndReportsTheRejectedOne() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path csv = dir.resolve("export.csv");
        Files.writeString(csv, "id,service,channel,type,received,answered\n"
                + run + "-1,waste,phone,call,2026-03-02T10:00:00Z,2026-03-02T10:00:40Z\n"
                + run + "-2,waste,letter,letter,02/03/2026 10:00,09/03/2026 12:00\n"
                + run + "-3,waste,pigeon,letter,02/03/2026 10:00,\n"
                + run + "-4,housing,email,email,2026-03-03,\n", StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ContactImport.run(new String[]{"--council", "westshire", "--bootstrap-servers", TestKafka.bootstrapServers(), csv.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        assertEquals(1, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("line 4: channel: 'pigeon'"), err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("4 rows read"), out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("3 sent to Kafka and acknowledged, 1 rejected"), out.toString(StandardCharsets.UTF_8));

        List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = TestKafka.consumerFromStart(Topics.CONTACTS_V1.name())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (mine.size() < 3 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (EventCodec.decode(r.value(), ContactHandled.class).sourceId().startsWith(run)) {
                        mine.add(r);
                    }
                }
            }
        }
        assertEquals(List.of(run + "-1", run + "-2", run + "-4"),
                mine.stream().map(r -> EventCodec.decode(r.value(), ContactHandled.class).sourceId()).sorted().toList());
        for (ConsumerRecord<String, byte[]> r : mine) {
            assertEquals("westshire", r.key());
            assertEquals(EventTypes.CONTACT_HANDLED_V1, new String(r.headers().lastHeader(EventTypes.HEADER).value(), StandardCharsets.UTF_8));
        }
    }
}
