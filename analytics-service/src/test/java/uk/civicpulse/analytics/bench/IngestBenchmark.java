package uk.civicpulse.analytics.bench;

import io.micronaut.context.ApplicationContext;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import uk.civicpulse.analytics.ingest.RatingConsumer;
import uk.civicpulse.analytics.ingest.RatingStore;
import uk.civicpulse.events.EventCodec;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.events.Topics;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestKafka;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Consumer throughput into PostgreSQL against a COPY of the same rows into the same table, in one run.
 * <pre>
 * bin/benchmark ingest [ratings] [live|backfill] [batch] [rounds]     (default 500000 live 10000 3)
 * </pre>
 * The rating table keeps its daily counts by its own triggers (V102; the running monthly counts follow those), which
 * fire for COPY as for the consumer; beyond that the consumer records each id (for exactly-once), decodes and checks
 * each record and commits Kafka offsets. Target: at least 0.5x COPY's rate, as the median of the rounds' ratios (one
 * pair says little on a shared machine). Also printed: COPY with the count triggers disabled (the raw rows alone).
 */
public final class IngestBenchmark {

    private static final Median MEDIAN = new Median();

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        // live: ratings arrive on the day they are given (the daily counts of the last two days are hit again and
        // again); backfill: a year of ratings at once, nearly every rating a count row of its own.
        boolean backfill = args.length > 1 && args[1].equals("backfill");
        // the service's default civic-pulse.kafka.max-batch (ANALYTICS_MAX_BATCH)
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        List<RatingSubmitted> ratings = new ArrayList<>(n);
        Random random = new Random(42);
        LocalDate start = LocalDate.of(2026, 1, 1);
        for (int i = 0; i < n; i++) {
            LocalDate day = backfill ? start.plusDays(random.nextInt(300)) : start.plusDays(i * 2L / n);
            ratings.add(SyntheticRatings.rating(random, "council-" + (i % 40), day));
        }
        System.out.printf("%d ratings, %s, 40 councils, batches of up to %d%n", n, backfill ? "backfill: spread over 300 days" : "live: two days", batch);
        try (Producer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (RatingSubmitted r : ratings) {
                producer.send(new ProducerRecord<>(Topics.RATINGS_V1.name(), r.partitionKey(), EventCodec.encode(r)));
            }
        }

        // The same rows as COPY text, for the baselines.
        String copyText = ratings.stream().map(IngestBenchmark::copyLine).collect(Collectors.joining());

        // Rounds of consumer, COPY and COPY of the raw rows, each into a fresh database: on this kind of machine the
        // same COPY takes 12 s in one minute and 19 s in the next, so one pair says little; the median of the
        // rounds' ratios is the figure.
        double[] byClock = new double[rounds];
        double[] fromFirstBatch = new double[rounds];
        double[] byCpu = new double[rounds];
        double[] againstRaw = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            Consumed consumed = consume(n, batch);
            double[] copy;
            try (TestDatabase copied = TestDatabase.create("bench_copy")) {
                copy = copy(copied, copyText, true);
            }
            double[] bare;
            try (TestDatabase rawOnly = TestDatabase.create("bench_copy_raw")) {
                bare = copy(rawOnly, copyText, false);
            }
            double consumerRate = consumed.timedRatings() / consumed.seconds();
            double copyRate = n / copy[0];
            byClock[round] = consumerRate / copyRate;
            fromFirstBatch[round] = consumed.steadyRate() / copyRate;
            // the database's work per rating, which other programs on a shared machine change less than the clock
            byCpu[round] = (copy[1] / n) / (consumed.cpu() / consumed.timedRatings());
            againstRaw[round] = consumerRate / (n / bare[0]);
            System.out.printf("round %d: consumer %.1f s (%.0f ratings/s, %.0f/s after its first batch), COPY %.1f s (%.0f/s),"
                            + " COPY of raw rows %.1f s; server CPU consumer %.2f s, COPY %.2f s, raw rows %.2f s%n"
                            + "  consumer / COPY %.2fx, from its first batch %.2fx, by server CPU %.2fx; / COPY of raw rows %.2fx%n",
                    round + 1, consumed.seconds(), consumerRate, consumed.steadyRate(), copy[0], copyRate, bare[0], consumed.cpu(),
                    copy[1], bare[1], byClock[round], fromFirstBatch[round], byCpu[round], againstRaw[round]);
        }
        System.out.printf("%nmedian of %d rounds, %d ratings: consumer / COPY %.2fx (target >= 0.5x), from its first batch %.2fx,"
                        + " by server CPU %.2fx; consumer / COPY of raw rows alone %.2fx%n",
                rounds, n, MEDIAN.evaluate(byClock), MEDIAN.evaluate(fromFirstBatch), MEDIAN.evaluate(byCpu), MEDIAN.evaluate(againstRaw));
        System.out.printf("range: %.2f-%.2fx by the clock, %.2f-%.2fx by server CPU%n", StatUtils.min(byClock), StatUtils.max(byClock),
                StatUtils.min(byCpu), StatUtils.max(byCpu));

        // The store alone (no Kafka), in batches of the same size, into a database of its own: where the consumer's
        // time goes. Its batches hold all 40 councils; the consumer's come a few partitions at a time.
        try (TestDatabase direct = TestDatabase.create("bench_store");
             ApplicationContext context = ApplicationContext.run(Map.of("datasources.default.url", direct.jdbcUrl(),
                     "civic-pulse.kafka.consumer-enabled", "false", "civic-pulse.kafka.bootstrap-servers", TestKafka.bootstrapServers(),
                     "micronaut.server.port", -1))) {
            RatingStore store = context.getBean(RatingStore.class);
            double storeCpu = -ServerCpu.seconds(direct.name());
            long t = System.nanoTime();
            for (int from = 0; from < n; from += batch) {
                store.apply(ratings.subList(from, Math.min(n, from + batch)), List.of());
            }
            double storeSeconds = (System.nanoTime() - t) / 1e9;
            storeCpu += ServerCpu.seconds(direct.name());
            System.out.printf("RatingStore alone, same rows in batches of %d (no Kafka): %.1f s (%.0f ratings/s), server CPU %.2f s%n",
                    batch, storeSeconds, n / storeSeconds, storeCpu);
        }
        System.exit(0);
    }

    /** The consumer's run: clock and server CPU from start-up (migrations done), and its rate after its first batch. */
    private record Consumed(double seconds, double cpu, double steadyRate, long timedRatings) {
    }

    /** A fresh database and consumer group reading the whole topic with the service's consumer. */
    private static Consumed consume(int n, int batch) throws Exception {
        try (TestDatabase database = TestDatabase.create("bench_consumer");
             ApplicationContext context = ApplicationContext.run(Map.of(
                     "datasources.default.url", database.jdbcUrl(),
                     "civic-pulse.kafka.bootstrap-servers", TestKafka.bootstrapServers(),
                     "civic-pulse.kafka.consumer-group", "bench-" + System.nanoTime(),
                     "civic-pulse.kafka.max-batch", batch,
                     "micronaut.server.port", -1))) {
            RatingConsumer consumer = context.getBean(RatingConsumer.class);
            double cpu = -ServerCpu.seconds(database.name());
            // The clock starts once the service is up (migrations done); rows stored during start-up are left out.
            long t0 = System.nanoTime();
            long storedAtStart = consumer.storedCount();
            // the first batch's commit: before it the consumer joins its group and fetches (once per instance)
            long firstStored = 0;
            long storedByFirst = 0;
            while (consumer.storedCount() < n) {
                long stored = consumer.storedCount();
                if (firstStored == 0 && stored > storedAtStart) {
                    firstStored = System.nanoTime();
                    storedByFirst = stored;
                }
                Thread.sleep(2);
            }
            long end = System.nanoTime();
            cpu += ServerCpu.seconds(database.name());
            System.out.printf("consumer: first batch (%d ratings) stored %.2f s after start-up; %d batches, %.0f ratings per batch%n",
                    storedByFirst - storedAtStart, (firstStored - t0) / 1e9, consumer.batchCount(),
                    (double) consumer.storedCount() / Math.max(1, consumer.batchCount()));
            return new Consumed((end - t0) / 1e9, cpu, (n - storedByFirst) / ((end - firstStored) / 1e9), n - storedAtStart);
        }
    }


    /** Migrates the database, then COPYs the rows into rating in one statement: {seconds, server CPU seconds}. */
    private static double[] copy(TestDatabase database, String copyText, boolean countTriggers) throws Exception {
        try (ApplicationContext context = ApplicationContext.run(Map.of("datasources.default.url", database.jdbcUrl(),
                "civic-pulse.kafka.consumer-enabled", "false", "civic-pulse.kafka.bootstrap-servers", TestKafka.bootstrapServers(),
                "micronaut.server.port", -1))) {
            // migrations only
        }
        try (Connection c = TestDatabase.server().connect(database.name()); Statement st = c.createStatement()) {
            st.execute("SELECT ensure_rating_partitions(ARRAY(SELECT generate_series('2026-01-01'::date, '2026-12-31', '1 month')::date))");
            if (!countTriggers) {
                st.execute("ALTER TABLE rating DISABLE TRIGGER USER");
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            double cpu = -ServerCpu.seconds(database.name());
            long t = System.nanoTime();
            long rows = copy.copyIn("COPY rating (id, council, service, channel, touchpoint, scale, score, reasons, comment, key_areas,"
                    + " customer_group, agent_entered, submitted_at, received_at, rated_on) FROM STDIN", new StringReader(copyText));
            double seconds = (System.nanoTime() - t) / 1e9;
            cpu += ServerCpu.seconds(database.name());
            long counted = 0;
            try (ResultSet rs = st.executeQuery("SELECT coalesce(sum(ratings), 0) FROM rating_daily_count")) {
                rs.next();
                counted = rs.getLong(1);
            }
            if (counted != (countTriggers ? rows : 0)) {
                throw new IllegalStateException("COPY of " + rows + " rows left " + counted + " ratings in the daily counts");
            }
            return new double[] {seconds, cpu};
        }
    }

    private static String copyLine(RatingSubmitted r) {
        LocalDate ratedOn = LocalDate.ofInstant(r.ratedAt(), RatingStore.COUNCIL_TIME);
        return String.join("\t", r.id().toString(), r.council(), r.service(), r.channel().code(), r.touchpoint(), r.scale().code(),
                String.valueOf(r.score()), "{" + String.join(",", r.reasons()) + "}", r.comment() == null ? "\\N" : r.comment(),
                json(r.keyAreas()), json(r.customerGroup()), String.valueOf(r.agentEntered()), r.submittedAt().toString(),
                r.receivedAt().toString(), ratedOn.toString()) + "\n";
    }

    private static String json(Object value) {
        return new String(EventCodec.encode(value), StandardCharsets.UTF_8);
    }
}
