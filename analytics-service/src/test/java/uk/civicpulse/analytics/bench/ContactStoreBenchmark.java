package uk.civicpulse.analytics.bench;

import io.micronaut.context.ApplicationContext;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import uk.civicpulse.analytics.timeliness.ContactConsumer;
import uk.civicpulse.analytics.timeliness.ContactStore;
import uk.civicpulse.events.ContactChannel;
import uk.civicpulse.events.ContactHandled;
import uk.civicpulse.events.EventCodec;
import uk.civicpulse.events.Topics;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestKafka;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Where the contact consumer's time goes: the consumer from Kafka to PostgreSQL, then its parts alone: decoding the
 * events, {@link ContactStore} storing them in the consumer's batches (new contacts, then the same again as a
 * re-import), and a plain COPY of the same rows into the same table as the floor. Not a test; the whole product's
 * import is timed by {@code bin/contact-import-benchmark}.
 * <pre>
 * ./mvnw -q -o -B -pl analytics-service dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
 * cd analytics-service &amp;&amp; java -cp "target/test-classes:target/classes:$(cat target/benchmark.classpath)" \
 *     uk.civicpulse.analytics.bench.ContactStoreBenchmark [contacts] [batch] [all|consumer]   (default 200000 5000 all)
 * </pre>
 */
public final class ContactStoreBenchmark {

    private static final String[] SERVICES = {"waste", "council-tax", "housing", "planning", "parking", "libraries"};
    private static final ContactChannel[] CHANNELS = ContactChannel.values();

    private ContactStoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        List<ContactHandled> contacts = contacts(n);
        System.out.printf("%,d contacts of one council, batches of %,d, %d cores%n", n, batch, Runtime.getRuntime().availableProcessors());

        List<byte[]> encoded = contacts.stream().map(EventCodec::encode).toList();
        double decodeSeconds = 0;
        for (int pass = 0; pass < 2; pass++) { // the first pass warms the JIT up
            long t0 = System.nanoTime();
            for (byte[] bytes : encoded) {
                EventCodec.decode(bytes, ContactHandled.class).contractErrors();
            }
            decodeSeconds = seconds(t0);
        }

        // The consumer: Kafka -> decode -> ContactStore -> offsets committed, one council (one partition), as an import
        try (Producer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (int i = 0; i < n; i++) {
                producer.send(new ProducerRecord<>(Topics.CONTACTS_V1.name(), "northmoor", encoded.get(i)));
            }
        }
        double consumerSeconds;
        long timed;
        try (TestDatabase db = TestDatabase.create("bench_contacts_consumer");
             ApplicationContext context = ApplicationContext.run(Map.of("datasources.default.url", db.jdbcUrl(),
                     "civic-pulse.kafka.bootstrap-servers", TestKafka.bootstrapServers(),
                     "civic-pulse.kafka.consumer-group", "bench-" + System.nanoTime(),
                     "civic-pulse.timeliness.max-batch", batch,
                     "micronaut.server.port", -1))) {
            context.getBean(ContactConsumer.class);
            // the clock starts once the service is up; contacts stored during start-up are left out. Rows are counted
            // in the table (a batch read again after a rebalance is stored once, and counted once, there)
            try (Connection c = TestDatabase.server().connect(db.name()); Statement st = c.createStatement()) {
                long t = System.nanoTime();
                long atStart = rows(st);
                while (rows(st) < n) {
                    Thread.sleep(20);
                }
                consumerSeconds = seconds(t);
                timed = n - atStart;
            }
        }

        System.out.printf("consumer, Kafka to PostgreSQL (last %,d): %6.1f s  %,9.0f contacts/s%n", timed, consumerSeconds, timed / consumerSeconds);
        if (args.length > 2 && args[2].equals("consumer")) {
            System.exit(0);
        }

        double storeSeconds;
        double againSeconds;
        try (TestDatabase db = TestDatabase.create("bench_contacts");
             ApplicationContext context = ApplicationContext.run(Map.of("datasources.default.url", db.jdbcUrl(),
                     "civic-pulse.kafka.consumer-enabled", "false", "civic-pulse.kafka.bootstrap-servers", TestKafka.bootstrapServers(),
                     "micronaut.server.port", -1))) {
            ContactStore store = context.getBean(ContactStore.class);
            store.apply(contacts.subList(0, 100)); // warm-up (and the council row)
            long t = System.nanoTime();
            for (int from = 100; from < n; from += batch) {
                store.apply(contacts.subList(from, Math.min(n, from + batch)));
            }
            storeSeconds = seconds(t);
            long t2 = System.nanoTime();
            for (int from = 0; from < n; from += batch) {
                store.apply(contacts.subList(from, Math.min(n, from + batch)));
            }
            againSeconds = seconds(t2);
        }

        double copySeconds;
        try (TestDatabase db = TestDatabase.create("bench_contacts_copy");
             ApplicationContext ignored = ApplicationContext.run(Map.of("datasources.default.url", db.jdbcUrl(),
                     "civic-pulse.kafka.consumer-enabled", "false", "civic-pulse.kafka.bootstrap-servers", TestKafka.bootstrapServers(),
                     "micronaut.server.port", -1));
             Connection c = TestDatabase.server().connect(db.name()); Statement st = c.createStatement()) {
            st.execute("INSERT INTO council (code) VALUES ('northmoor') ON CONFLICT DO NOTHING");
            StringBuilder text = new StringBuilder();
            for (ContactHandled h : contacts) {
                text.append(h.council()).append('\t').append(h.sourceId()).append('\t').append(h.service()).append('\t')
                        .append(h.channel().code()).append('\t').append(h.contactType()).append('\t').append(h.receivedAt()).append('\t')
                        .append(LocalDate.ofInstant(h.receivedAt(), ZoneId.of("Europe/London"))).append('\t')
                        .append(h.firstResponseAt() == null ? "\\N" : h.firstResponseAt().toString()).append('\t')
                        .append(h.resolvedAt() == null ? "\\N" : h.resolvedAt().toString()).append('\t')
                        .append(h.resolvedAtFirstContact() == null ? "\\N" : h.resolvedAtFirstContact().toString()).append('\n');
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            long t = System.nanoTime();
            copy.copyIn("COPY contact (council, source_id, service, channel, contact_type, received_at, received_on,"
                    + " first_response_at, resolved_at, resolved_at_first_contact) FROM STDIN", new StringReader(text.toString()));
            copySeconds = seconds(t);
        }
        int stored = n - 100;
        System.out.printf("decode + contract check (2nd pass): %6.1f s  %,9.0f contacts/s%n", decodeSeconds, n / decodeSeconds);
        System.out.printf("ContactStore, new contacts:  %6.1f s  %,9.0f contacts/s%n", storeSeconds, stored / storeSeconds);
        System.out.printf("ContactStore, same again:    %6.1f s  %,9.0f contacts/s%n", againSeconds, n / againSeconds);
        System.out.printf("COPY into contact (no upsert, one statement): %6.1f s  %,9.0f contacts/s%n", copySeconds, n / copySeconds);
        System.exit(0);
    }

    /** Contacts spread over 2025 as the launcher's benchmark export makes them (3% unanswered, half resolved). */
    static List<ContactHandled> contacts(int n) {
        Random random = new Random(42);
        Instant first = Instant.parse("2025-01-01T07:00:00Z");
        List<ContactHandled> contacts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Instant received = first.plusSeconds(random.nextInt(364) * 86_400L + random.nextInt(12 * 3600));
            Instant answered = random.nextDouble() < 0.03 ? null : received.plusSeconds((long) (-40 * Math.log(1 - random.nextDouble())));
            Instant resolved = answered != null && random.nextBoolean() ? answered.plusSeconds(random.nextInt(20) * 86_400L) : null;
            Boolean fcr = random.nextDouble() < 0.3 ? null : random.nextBoolean();
            contacts.add(new ContactHandled("NM-" + (1_000_000 + i), "northmoor", SERVICES[random.nextInt(SERVICES.length)],
                    CHANNELS[random.nextInt(CHANNELS.length)], "call", received, answered, resolved, fcr, 1));
        }
        return contacts;
    }

    private static long rows(Statement st) throws java.sql.SQLException {
        try (java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM contact")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
