package uk.civicpulse.analytics.ingest;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.postgresql.PGConnection;
import uk.civicpulse.analytics.bench.ServerCpu;
import uk.civicpulse.analytics.bench.SyntheticRatings;
import uk.civicpulse.events.EventCodec;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestKafka;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Where the rating store's time goes, phase by phase, on the benchmark's ratings (not a benchmark of its own: a
 * breakdown to decide what to make faster).
 * <pre>
 * java ... uk.civicpulse.analytics.ingest.IngestProfile [ratings] [batch] [C]     (default 100000 1000)
 * </pre>
 * Prints: JSON decoding of the records; the batch written as COPY text in Java; the batch copied into the staging
 * table (nothing else written); for comparison, the same batch bound as 15 text-encoded arrays and unnested (how
 * batches were sent before staging); the store itself ({@link RatingStore#apply}); one-row commits; and EXPLAIN
 * (ANALYZE, BUFFERS) of the store statement on two more batches at the end (its plan nodes time each insert). The
 * store and a COPY of the same rows into rating (the benchmark's baseline) are timed by the clock and by the CPU
 * the database server spent on them, which other programs on a shared machine hardly change.
 */
public final class IngestProfile {

    /**
     * The store statement before batches were staged with COPY (commit 35a89d0), with the count upserts it carried
     * until V102 moved them into triggers on rating (run with those triggers disabled), for a before/after in one run.
     */
    private static final String BEFORE_STAGING = """
            WITH incoming AS (
                SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::smallint[],
                                     ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::timestamptz[],
                                     ?::timestamptz[], ?::date[])
                    AS r(id, council, service, channel, touchpoint, scale, score, reasons, comment, key_areas,
                         customer_group, agent_entered, submitted_at, received_at, rated_on)
            ), new_councils AS (
                INSERT INTO council (code) SELECT DISTINCT council FROM incoming ORDER BY council ON CONFLICT (code) DO NOTHING
            ), receipts AS (
                INSERT INTO rating_receipt (id, council, rated_on) SELECT id, council, rated_on FROM incoming
                ON CONFLICT (id) DO NOTHING
                RETURNING id
            ), inserted AS (
                INSERT INTO rating (id, council, service, channel, touchpoint, scale, score, reasons, comment, key_areas,
                                    customer_group, agent_entered, submitted_at, received_at, rated_on)
                SELECT i.id, i.council, i.service, i.channel, i.touchpoint, i.scale, i.score,
                       ARRAY(SELECT jsonb_array_elements_text(i.reasons::jsonb)), i.comment, i.key_areas::jsonb,
                       i.customer_group::jsonb, i.agent_entered, i.submitted_at, i.received_at, i.rated_on
                FROM incoming i JOIN receipts USING (id)
                RETURNING council, rated_on, service, channel, touchpoint, scale, score, customer_group
            ), counted AS (
                INSERT INTO rating_daily_count AS d (council, rated_on, service, channel, touchpoint, scale, score, ratings)
                SELECT council, rated_on, service, channel, touchpoint, scale, score, count(*)
                FROM inserted
                GROUP BY council, rated_on, service, channel, touchpoint, scale, score
                ORDER BY council, rated_on, service, channel, touchpoint, scale, score
                ON CONFLICT (council, rated_on, service, channel, touchpoint, scale, score)
                    DO UPDATE SET ratings = d.ratings + EXCLUDED.ratings
            ), grouped AS (
                INSERT INTO rating_daily_group_count AS d (council, question, rated_on, service, channel, touchpoint, answer,
                                                          scale, score, ratings)
                SELECT council, g.key, rated_on, service, channel, touchpoint, g.value, scale, score, count(*)
                FROM inserted, jsonb_each_text(inserted.customer_group) AS g
                GROUP BY council, g.key, rated_on, service, channel, touchpoint, g.value, scale, score
                ORDER BY council, g.key, rated_on, service, channel, touchpoint, g.value, scale, score
                ON CONFLICT (council, question, rated_on, service, channel, touchpoint, answer, scale, score)
                    DO UPDATE SET ratings = d.ratings + EXCLUDED.ratings
            )
            SELECT count(*) FROM receipts
            """;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        // "C": every database of the run created with the C locale (byte-order text comparison) instead of the server's
        boolean cLocale = args.length > 2 && args[2].equals("C");
        Random random = new Random(42);
        LocalDate start = LocalDate.of(2026, 1, 1);
        List<RatingSubmitted> ratings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ratings.add(SyntheticRatings.rating(random, "council-" + (i % 40), start.plusDays(i * 2L / n)));
        }
        List<byte[]> encoded = ratings.stream().map(EventCodec::encode).toList();

        // 1. decoding, as the consumer does (twice: the first pass warms the JIT)
        double decodeSeconds = 0;
        for (int pass = 0; pass < 2; pass++) {
            long t = System.nanoTime();
            int errors = 0;
            for (byte[] bytes : encoded) {
                errors += EventCodec.decode(bytes, RatingSubmitted.class).contractErrors().size();
            }
            decodeSeconds = (System.nanoTime() - t) / 1e9;
            if (errors != 0) {
                throw new IllegalStateException("synthetic ratings break the contract");
            }
        }

        try (TestDatabase db = locale(TestDatabase.create("ingest_profile"), cLocale);
             ApplicationContext context = ApplicationContext.run(Map.of("datasources.default.url", db.jdbcUrl(),
                     "civic-pulse.kafka.consumer-enabled", "false", "civic-pulse.kafka.bootstrap-servers", TestKafka.bootstrapServers(),
                     "micronaut.server.port", -1))) {
            RatingStore store = context.getBean(RatingStore.class);
            DataSource dataSource = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT datcollate FROM pg_database WHERE datname = current_database()")) {
                    rs.next();
                    System.out.printf("  %-20s %s%n", "collation", rs.getString(1));
                }
                for (String setting : List.of("shared_buffers", "wal_buffers", "max_wal_size", "checkpoint_timeout",
                        "synchronous_commit", "fsync", "work_mem", "wal_level", "full_page_writes", "server_version")) {
                    try (ResultSet rs = st.executeQuery("SHOW " + setting)) {
                        rs.next();
                        System.out.printf("  %-20s %s%n", setting, rs.getString(1));
                    }
                }
            }

            // 2. the batch as COPY text (Java only), then copied into the staging table and rolled back
            double encodeSeconds = 0;
            for (int pass = 0; pass < 2; pass++) {
                long t = System.nanoTime();
                long bytes = 0;
                for (int from = 0; from < n; from += batch) {
                    bytes += RatingCopy.rows(ratings.subList(from, Math.min(n, from + batch))).length;
                }
                encodeSeconds = (System.nanoTime() - t) / 1e9;
                if (bytes == 0) {
                    throw new IllegalStateException();
                }
            }
            double stageSeconds;
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                long t = System.nanoTime();
                for (int from = 0; from < n; from += batch) {
                    stage(c, ratings.subList(from, Math.min(n, from + batch)));
                    c.rollback();
                }
                stageSeconds = (System.nanoTime() - t) / 1e9;
            }

            // 2b. as before staging: 15 arrays sent as text and unnested on the server, nothing written
            double bindSeconds;
            try (Connection c = dataSource.getConnection()) {
                long t = System.nanoTime();
                for (int from = 0; from < n; from += batch) {
                    bindOnly(c, ratings.subList(from, Math.min(n, from + batch)));
                }
                bindSeconds = (System.nanoTime() - t) / 1e9;
            }

            // 3. the store (staging included), with EXPLAIN ANALYZE of one extra batch half-way and at the end
            List<String> plans = new ArrayList<>();
            double storeCpuBefore = ServerCpu.seconds(db.name());
            long storeJavaCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long t = System.nanoTime();
            for (int from = 0; from < n; from += batch) {
                store.apply(ratings.subList(from, Math.min(n, from + batch)), List.of());
            }
            double storeSeconds = (System.nanoTime() - t) / 1e9;
            double storeJavaCpuSeconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - storeJavaCpu) / 1e9;
            double storeCpuSeconds = ServerCpu.seconds(db.name()) - storeCpuBefore;
            String updates = countTableUpdates(dataSource);
            // then twice a batch more on the last day, explained and rolled back
            for (int k = 0; k < 2; k++) {
                List<RatingSubmitted> extra = new ArrayList<>();
                for (int i = 0; i < batch; i++) {
                    extra.add(SyntheticRatings.rating(random, "council-" + (i % 40), start.plusDays(1)));
                }
                plans.add(explain(dataSource, extra));
            }

            // 3b. COPY of the same rows into rating of a second database, as the benchmark's baseline
            double copySeconds;
            double copyCpuSeconds;
            try (TestDatabase copied = locale(TestDatabase.create("ingest_profile_copy"), cLocale)) {
                try (ApplicationContext migrated = ApplicationContext.run(Map.of("datasources.default.url", copied.jdbcUrl(),
                        "civic-pulse.kafka.consumer-enabled", "false", "civic-pulse.kafka.bootstrap-servers", TestKafka.bootstrapServers(),
                        "micronaut.server.port", -1))) {
                    // migrations only
                }
                try (Connection c = TestDatabase.server().connect(copied.name()); Statement st = c.createStatement()) {
                    st.execute("SELECT ensure_rating_partitions(ARRAY(SELECT generate_series('2026-01-01'::date, '2026-12-31', '1 month')::date))");
                    byte[] rows = RatingCopy.rows(ratings);
                    double before = ServerCpu.seconds(copied.name());
                    long t1 = System.nanoTime();
                    c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY rating (id, council, service, channel, touchpoint,"
                            + " scale, score, reasons, comment, key_areas, customer_group, agent_entered, submitted_at, received_at,"
                            + " rated_on) FROM STDIN", new java.io.ByteArrayInputStream(rows));
                    copySeconds = (System.nanoTime() - t1) / 1e9;
                    copyCpuSeconds = ServerCpu.seconds(copied.name()) - before;
                }
            }

            // 3c. the store as it was before staging (15 arrays, unnest, the counts upserted by the statement), same
            // batches, into a third database
            double beforeSeconds;
            double beforeCpuSeconds;
            try (TestDatabase before = locale(TestDatabase.create("ingest_profile_before"), cLocale)) {
                try (ApplicationContext migrated = ApplicationContext.run(Map.of("datasources.default.url", before.jdbcUrl(),
                        "civic-pulse.kafka.consumer-enabled", "false", "civic-pulse.kafka.bootstrap-servers", TestKafka.bootstrapServers(),
                        "micronaut.server.port", -1))) {
                    // migrations only
                }
                try (Connection c = TestDatabase.server().connect(before.name()); Statement st = c.createStatement()) {
                    st.execute("SELECT ensure_rating_partitions(ARRAY(SELECT generate_series('2026-01-01'::date, '2026-12-31', '1 month')::date))");
                    // the old statement upserts the daily counts itself (before V102's triggers on rating did)
                    st.execute("ALTER TABLE rating DISABLE TRIGGER USER");
                    c.setAutoCommit(false);
                    double cpu = ServerCpu.seconds(before.name());
                    long t1 = System.nanoTime();
                    for (int from = 0; from < n; from += batch) {
                        try (PreparedStatement ps = c.prepareStatement(BEFORE_STAGING)) {
                            bind(c, ps, ratings.subList(from, Math.min(n, from + batch)));
                            try (ResultSet rs = ps.executeQuery()) {
                                rs.next();
                            }
                        }
                        c.commit();
                    }
                    beforeSeconds = (System.nanoTime() - t1) / 1e9;
                    beforeCpuSeconds = ServerCpu.seconds(before.name()) - cpu;
                }
            }

            // 4. commits of a one-row write: the WAL flush each batch pays
            double commitSeconds;
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE TEMP TABLE tick (n int)");
                c.setAutoCommit(false);
                long t1 = System.nanoTime();
                for (int i = 0; i < n / batch; i++) {
                    st.execute("INSERT INTO council (code) VALUES ('tick-" + i + "')");
                    c.commit();
                }
                commitSeconds = (System.nanoTime() - t1) / 1e9;
                st.execute("DELETE FROM council WHERE code LIKE 'tick-%'");
                c.commit();
            }

            System.out.printf("%n%d ratings in batches of %d%n", n, batch);
            System.out.printf("decode JSON + contract checks:           %6.2f s (%8.0f ratings/s)%n", decodeSeconds, n / decodeSeconds);
            System.out.printf("COPY text written in Java:                %6.2f s%n", encodeSeconds);
            System.out.printf("CREATE + COPY into rating_stage, rolled back: %6.2f s%n", stageSeconds);
            System.out.printf("(before) bind 15 arrays + unnest, nothing written: %6.2f s%n", bindSeconds);
            System.out.printf("RatingStore.apply:                        %6.2f s (%8.0f ratings/s); server CPU %.2f s, Java CPU %.2f s%n",
                    storeSeconds, n / storeSeconds, storeCpuSeconds, storeJavaCpuSeconds);
            System.out.printf("COPY into rating, its count triggers fire: %6.2f s (%8.0f ratings/s); server CPU %.2f s%n",
                    copySeconds, n / copySeconds, copyCpuSeconds);
            System.out.printf("(before) arrays + unnest store:           %6.2f s (%8.0f ratings/s); server CPU %.2f s%n",
                    beforeSeconds, n / beforeSeconds, beforeCpuSeconds);
            System.out.printf("store / COPY: %.2fx by the clock, %.2fx by server CPU; before staging: %.2fx, %.2fx%n",
                    copySeconds / storeSeconds, copyCpuSeconds / storeCpuSeconds, copySeconds / beforeSeconds,
                    copyCpuSeconds / beforeCpuSeconds);
            System.out.printf("%d one-row commits:                      %6.2f s%n", n / batch, commitSeconds);
            System.out.print(updates);
            for (String plan : plans) {
                System.out.println();
                System.out.println(plan);
            }
        }
        System.exit(0);
    }

    /**
     * Updates of the count tables during the store and how many were HOT (the new version on the row's own page, no new
     * index entry), from the statistics collector (flushed by other sessions within a second or so).
     */
    private static String countTableUpdates(DataSource dataSource) throws Exception {
        Thread.sleep(1500);
        StringBuilder out = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, pg_relation_size(relid),"
                     + " pg_indexes_size(relid) FROM pg_stat_user_tables WHERE relname LIKE 'rating%count' ORDER BY relname")) {
            while (rs.next()) {
                out.append(String.format("%-31s inserted %7d, updated %7d (HOT %7d), table %6d kB, indexes %6d kB%n",
                        rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5) / 1024, rs.getLong(6) / 1024));
            }
        }
        return out.toString();
    }

    /** The database made again, empty, with the C locale when asked (same name, so closing it still drops it). */
    private static TestDatabase locale(TestDatabase db, boolean cLocale) throws Exception {
        if (cLocale) {
            try (Connection c = TestDatabase.server().connect("postgres"); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE " + db.name());
                st.execute("CREATE DATABASE " + db.name() + " TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'");
            }
        }
        return db;
    }

    private static void stage(Connection c, List<RatingSubmitted> ratings) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute(RatingSql.STAGE);
        }
        byte[] rows = RatingCopy.rows(ratings);
        var copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(RatingSql.COPY_STAGE);
        copy.writeToCopy(rows, 0, rows.length);
        copy.endCopy();
    }

    private static void bindOnly(Connection c, List<RatingSubmitted> ratings) throws Exception {
        String sql = """
                SELECT count(*), sum(length(comment)) FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::smallint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::timestamptz[],
                    ?::timestamptz[], ?::date[])
                    AS r(id, council, service, channel, touchpoint, scale, score, reasons, comment, key_areas,
                         customer_group, agent_entered, submitted_at, received_at, rated_on)""";
        try (PreparedStatement st = c.prepareStatement(sql)) {
            bind(c, st, ratings);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
            }
        }
    }

    private static String explain(DataSource dataSource, List<RatingSubmitted> ratings) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            stage(c, ratings);
            try (PreparedStatement st = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + RatingSql.STORE);
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            c.rollback();
        }
        return plan.toString();
    }

    private static void bind(Connection c, PreparedStatement st, List<RatingSubmitted> ratings) throws Exception {
        int size = ratings.size();
        Object[][] columns = new Object[15][size];
        for (int i = 0; i < size; i++) {
            RatingSubmitted r = ratings.get(i);
            LocalDate ratedOn = LocalDate.ofInstant(r.ratedAt(), RatingStore.COUNCIL_TIME);
            columns[0][i] = r.id();
            columns[1][i] = r.council();
            columns[2][i] = r.service();
            columns[3][i] = r.channel().code();
            columns[4][i] = r.touchpoint();
            columns[5][i] = r.scale().code();
            columns[6][i] = (short) r.score();
            columns[7][i] = json(r.reasons());
            columns[8][i] = r.comment();
            columns[9][i] = json(r.keyAreas());
            columns[10][i] = json(r.customerGroup());
            columns[11][i] = r.agentEntered();
            columns[12][i] = r.submittedAt() == null ? null : Timestamp.from(r.submittedAt());
            columns[13][i] = Timestamp.from(r.receivedAt());
            columns[14][i] = Date.valueOf(ratedOn);
        }
        String[] types = {"uuid", "text", "text", "text", "text", "text", "int2", "text", "text", "text", "text", "bool",
                "timestamptz", "timestamptz", "date"};
        for (int col = 0; col < columns.length; col++) {
            st.setArray(col + 1, c.createArrayOf(types[col], columns[col]));
        }
    }

    private static String json(Object value) {
        return new String(EventCodec.encode(value), StandardCharsets.UTF_8);
    }
}
