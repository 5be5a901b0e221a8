package uk.civicpulse.analytics.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.ApplicationContext;
import org.postgresql.ds.PGSimpleDataSource;
import uk.civicpulse.analytics.satisfaction.Dimension;
import uk.civicpulse.analytics.satisfaction.ScoreCounts;
import uk.civicpulse.analytics.satisfaction.Slice;
import uk.civicpulse.analytics.satisfaction.SliceRepository;
import uk.civicpulse.stack.PostgresServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates a national-scale store (default 20 million ratings, 400 councils, 3 years) and times the satisfaction
 * slice of one council over 12 months by service x channel x customer group, from the counts (as the API does: the
 * running monthly counts, and the daily counts for ragged ends) and by GROUP BY over the raw ratings, in the same run;
 * each query checks that both ways count the same ratings.
 * <pre>
 * bin/benchmark slices [ratings] [councils] [years] [queries] [jit on|off]     (default 20000000 400 3 40 off)
 * </pre>
 * The data stays in {@code target/slice-benchmark-pg} (embedded PostgreSQL) or on {@code CIVIC_PULSE_POSTGRES_URL};
 * a second run with the same size reuses it.
 */
public final class SliceBenchmark {

    private static final String DATABASE = "civic_pulse_slice_benchmark";
    private static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 1);

    public static void main(String[] args) throws Exception {
        long ratings = args.length > 0 ? Long.parseLong(args[0]) : 20_000_000L;
        int councils = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        int years = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int queries = args.length > 3 ? Integer.parseInt(args[3]) : 40;
        Path dataDir = Path.of("target", "slice-benchmark-pg").toAbsolutePath();
        Files.createDirectories(dataDir.getParent());
        try (PostgresServer server = PostgresServer.fromEnvironmentOr(dataDir, true)) {
            server.createDatabase(DATABASE);
            migrate(server.jdbcUrl(DATABASE));
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(server.jdbcUrl(DATABASE));
            // jit=on|off (5th argument) for both paths alike; analytics-service runs with jit off (see application.yml)
            String jit = args.length > 4 ? args[4] : "off";
            ds.setOptions("-c jit=" + jit);
            System.out.println("PostgreSQL jit: " + jit);
            try (Connection c = ds.getConnection()) {
                long have = single(c, "SELECT count(*) FROM rating_receipt");
                if (have != ratings) {
                    generate(c, ratings, councils, years);
                }
                System.out.printf("store: %,d ratings, %,d daily count rows, %,d customer-group count rows, %,d + %,d running monthly"
                                + " count rows, database %s%n",
                        single(c, "SELECT count(*) FROM rating_receipt"), single(c, "SELECT count(*) FROM rating_daily_count"),
                        single(c, "SELECT count(*) FROM rating_daily_group_count"), single(c, "SELECT count(*) FROM rating_cumulative_count"),
                        single(c, "SELECT count(*) FROM rating_cumulative_group_count"),
                        text(c, "SELECT pg_size_pretty(pg_database_size(current_database()))"));
            }
            // pooled, as in the service: a slice is one statement on a connection already open
            HikariConfig pool = new HikariConfig();
            pool.setJdbcUrl(server.jdbcUrl(DATABASE));
            pool.addDataSourceProperty("options", "-c jit=" + jit);
            pool.setMaximumPoolSize(2);
            try (HikariDataSource pooled = new HikariDataSource(pool)) {
                SliceRepository repository = new SliceRepository(pooled);
                LocalDate to = FIRST_DAY.plusYears(years).minusDays(1);
                LocalDate from = to.minusYears(1).plusDays(1);
                measure(ds, repository, "12 whole months " + from + " to " + to, councils, queries, from, to);
                measure(ds, repository, "12 months with ragged ends " + from.minusDays(20) + " to " + to.minusDays(20), councils, queries,
                        from.minusDays(20), to.minusDays(20));
            }
        }
        System.exit(0);
    }

    /** Times the slice from the counts (the API's SliceRepository) and by GROUP BY over the raw ratings, alternately. */
    private static void measure(PGSimpleDataSource ds, SliceRepository repository, String label, int councils, int queries,
                                LocalDate from, LocalDate to) throws Exception {
        Random random = new Random(7);
        long[] fromCounts = new long[queries];
        long[] fromRaw = new long[queries];
        warmUp(repository, councils, from, to);
        try (Connection c = ds.getConnection()) {
            // ten unmeasured rounds first: both ways then run as server-side prepared statements with warm caches
            for (int i = -10; i < queries; i++) {
                String council = "council-" + random.nextInt(councils);
                Slice slice = serviceChannelAgeBand(council, from, to);
                long t0 = System.nanoTime();
                List<ScoreCounts> counted = repository.counts(slice);
                long t1 = System.nanoTime();
                long[] raw = rawGroupBy(c, council, from, to);
                long t2 = System.nanoTime();
                long total = counted.stream().mapToLong(ScoreCounts::n).sum();
                if (total != raw[1]) {
                    throw new IllegalStateException("the counts give " + total + " ratings for " + council + ", the raw ratings " + raw[1]);
                }
                if (i >= 0) {
                    fromCounts[i] = t1 - t0;
                    fromRaw[i] = t2 - t1;
                }
                if (i == 0) {
                    System.out.printf("one slice: %d groups from the counts, %d cells from the raw ratings, %d ratings both ways%n",
                            counted.size(), raw[0], total);
                }
            }
        }
        report("alternating, each slice right after a raw scan", label, queries, fromCounts, fromRaw);
        // Councils drawn as above (the same seed, without the ten unmeasured rounds), each way in a block of its own: the raw scans read some 10,000 pages a slice through
        // the server's 128 MB of shared buffers and so push out the few pages of running counts the next slice needs;
        // a service answering slices keeps those pages in memory. Both orders are printed.
        Random again = new Random(7);
        String[] councilOrder = new String[queries];
        for (int i = 0; i < queries; i++) {
            councilOrder[i] = "council-" + again.nextInt(councils);
        }
        // the raw scans of the alternating phase have pushed the running counts out of the shared buffers: read them in
        // again, as a service answering slices all day keeps them
        warmUp(repository, councils, from, to);
        for (int i = 0; i < queries; i++) {
            long t0 = System.nanoTime();
            repository.counts(serviceChannelAgeBand(councilOrder[i], from, to));
            fromCounts[i] = System.nanoTime() - t0;
        }
        try (Connection c = ds.getConnection()) {
            for (int i = 0; i < queries; i++) {
                long t0 = System.nanoTime();
                rawGroupBy(c, councilOrder[i], from, to);
                fromRaw[i] = System.nanoTime() - t0;
            }
        }
        report("in blocks, all slices then all raw scans", label, queries, fromCounts, fromRaw);
    }

    /**
     * 2,000 unmeasured slices of councils drawn at random. The service answers slices for hours in one JVM: time the
     * steady state, not the JIT compiling the JDBC driver and SliceRepository (the first few hundred calls run
     * interpreted, several times slower), nor the first read of pages a busy service keeps in its shared buffers.
     */
    private static void warmUp(SliceRepository repository, int councils, LocalDate from, LocalDate to) {
        Random warmUp = new Random(11);
        for (int i = 0; i < 2000; i++) {
            repository.counts(serviceChannelAgeBand("council-" + warmUp.nextInt(councils), from, to));
        }
    }

    private static Slice serviceChannelAgeBand(String council, LocalDate from, LocalDate to) {
        return new Slice(council, from, to, List.of(Dimension.SERVICE, Dimension.CHANNEL, Dimension.CUSTOMER_GROUP), Map.of(), "age_band", null);
    }

    private static void report(String order, String label, int queries, long[] fromCounts, long[] fromRaw) {
        double p50c = percentile(fromCounts, 50), p95c = percentile(fromCounts, 95);
        double p50r = percentile(fromRaw, 50), p95r = percentile(fromRaw, 95);
        System.out.printf("satisfaction slice, one council, %s, service x channel x age band (%d queries, %s):%n"
                + "  from the counts (the API):  p50 %.2f ms, p95 %.2f ms (target p95 <= 50 ms)%n"
                + "  GROUP BY over raw ratings:  p50 %.1f ms, p95 %.1f ms%n"
                + "  speed-up at p50: %.0fx, at p95: %.0fx (target >= 100x)%n",
                label, queries, order, p50c, p95c, p50r, p95r, p50r / p50c, p95r / p95c);
    }

    private static void migrate(String url) {
        // out of order: the store outlives builds, and migrations of several version ranges are merged in any order
        try (ApplicationContext ignored = ApplicationContext.run(Map.of("datasources.default.url", url,
                "civic-pulse.kafka.consumer-enabled", "false", "civic-pulse.kafka.bootstrap-servers", "127.0.0.1:1",
                "flyway.datasources.default.out-of-order", "true"))) {
            // Flyway runs at start-up
        }
    }

    /** The same figures the counts give, by scanning the raw ratings of the council's 12 months. */
    private static long[] rawGroupBy(Connection c, String council, LocalDate from, LocalDate to) throws Exception {
        try (PreparedStatement st = c.prepareStatement("""
                SELECT service, channel, g.value, scale, score, count(*)
                FROM rating, jsonb_each_text(customer_group) AS g
                WHERE council = ? AND rated_on BETWEEN ? AND ? AND g.key = 'age_band'
                GROUP BY service, channel, g.value, scale, score""")) {
            st.setString(1, council);
            st.setObject(2, from);
            st.setObject(3, to);
            long cells = 0;
            long ratings = 0;
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    cells++;
                    ratings += rs.getLong(6);
                }
            }
            return new long[] {cells, ratings};
        }
    }

    /** Ratings generated inside PostgreSQL in chunks, then the receipts and counts built from them as the consumer would. */
    private static void generate(Connection c, long ratings, int councils, int years) throws Exception {
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute("TRUNCATE rating, rating_receipt, rating_daily_count, rating_daily_group_count, rating_cumulative_count,"
                    + " rating_cumulative_group_count");
            st.execute("SELECT ensure_rating_partitions(ARRAY(SELECT generate_series('" + FIRST_DAY + "'::date, '"
                    + FIRST_DAY.plusYears(years) + "'::date, '1 month')::date))");
            int days = (int) (FIRST_DAY.plusYears(years).toEpochDay() - FIRST_DAY.toEpochDay());
            // the counts are built below in one pass each, not by the rating table's triggers chunk after chunk
            st.execute("ALTER TABLE rating DISABLE TRIGGER USER");
            long chunk = 1_000_000;
            long t0 = System.nanoTime();
            for (long done = 0; done < ratings; done += chunk) {
                long size = Math.min(chunk, ratings - done);
                // every random() in the select list, so each row draws its own (an uncorrelated LATERAL subquery
                // would be evaluated once for the whole statement)
                st.execute(String.format("""
                        INSERT INTO rating (id, council, service, channel, touchpoint, scale, score, reasons, comment, key_areas,
                                            customer_group, agent_entered, submitted_at, received_at, rated_on)
                        SELECT gen_random_uuid(), 'council-' || floor(random() * %d)::int, service, channel, '/' || service,
                               'faces-3', CASE WHEN r < 0.9 THEN 3 WHEN r < 0.95 THEN 2 ELSE 1 END,
                               '{}', NULL, '{}', answers, false, d::timestamptz, d::timestamptz, d
                        FROM (
                            SELECT (ARRAY['waste','council_tax','housing','planning','parking','libraries','benefits','highways'])[1 + floor(random() * 8)::int] AS service,
                                   (ARRAY['web','face_to_face','phone'])[1 + floor(random() * 3)::int] AS channel,
                                   random() AS r,
                                   '%s'::date + floor(random() * %d)::int AS d,
                                   CASE WHEN random() < 0.6 THEN jsonb_build_object(
                                            'age_band', (ARRAY['16_24','25_34','35_44','45_54','55_64','65_74','75_plus','prefer_not_to_say'])[1 + floor(random() * 8)::int],
                                            'sex', (ARRAY['female','male','prefer_not_to_say'])[1 + floor(random() * 3)::int])
                                        ELSE '{}'::jsonb END AS answers
                            FROM generate_series(1, %d) AS i
                        ) AS drawn
                        """, councils, FIRST_DAY, days, size));
                System.out.printf("generated %,d of %,d ratings (%.0f s)%n", done + size, ratings, (System.nanoTime() - t0) / 1e9);
            }
            st.execute("INSERT INTO rating_receipt (id, council, rated_on) SELECT id, council, rated_on FROM rating");
            // the daily counts in one pass each, and the running monthly counts built from them in one pass by the
            // function V90 backfills with: the rows the consumer's triggers keep, without replaying 36 months of
            // batches (RunningCountsIT checks that the two agree)
            st.execute("ALTER TABLE rating_daily_count DISABLE TRIGGER USER");
            st.execute("ALTER TABLE rating_daily_group_count DISABLE TRIGGER USER");
            st.execute("""
                    INSERT INTO rating_daily_count (council, rated_on, service, channel, touchpoint, scale, score, ratings)
                    SELECT council, rated_on, service, channel, touchpoint, scale, score, count(*) FROM rating
                    GROUP BY council, rated_on, service, channel, touchpoint, scale, score""");
            st.execute("""
                    INSERT INTO rating_daily_group_count (council, question, rated_on, service, channel, touchpoint, answer, scale, score, ratings)
                    SELECT council, g.key, rated_on, service, channel, touchpoint, g.value, scale, score, count(*)
                    FROM rating, jsonb_each_text(customer_group) AS g
                    GROUP BY council, g.key, rated_on, service, channel, touchpoint, g.value, scale, score""");
            st.execute("ALTER TABLE rating_daily_count ENABLE TRIGGER USER");
            st.execute("ALTER TABLE rating_daily_group_count ENABLE TRIGGER USER");
            st.execute("ALTER TABLE rating ENABLE TRIGGER USER");
            st.execute("SELECT rebuild_rating_cumulative_counts()");
            st.execute("VACUUM ANALYZE");
            System.out.printf("receipts and counts built (%.0f s in all)%n", (System.nanoTime() - t0) / 1e9);
        }
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static long single(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
