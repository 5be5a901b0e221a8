package uk.civicpulse.analytics.satisfaction;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.civicpulse.analytics.ingest.RatingStore;
import uk.civicpulse.events.Channel;
import uk.civicpulse.events.RatingEnriched;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.events.Scale;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestProperties;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Slices read from the running monthly counts (and the daily counts at their edges) give exactly the figures of a
 * GROUP BY over the raw ratings, after three years of ratings written as the consumer writes them: live and late
 * ratings, whole months backfilled before the first, a month with no ratings, erasures and answers changed later.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunningCountsIT implements TestPropertyProvider {

    private static final String[] COUNCILS = {"running-north", "running-south"};
    private static final String[] SERVICES = {"waste", "housing", "parking"};
    private static final String[] TOUCHPOINTS = {"/a", "/b"};
    private static final String[] AGE_BANDS = {"16_24", "35_44", "65_74", "prefer_not_to_say"};
    private static final String[] SEXES = {"female", "male"};
    private static final LocalDate FIRST = LocalDate.of(2023, 3, 1);
    private static final LocalDate LAST = LocalDate.of(2026, 2, 27);
    /** No ratings at all in this month, so its running counts are carried over from the month before. */
    private static final LocalDate EMPTY_MONTH = LocalDate.of(2024, 6, 1);

    private final TestDatabase database = TestDatabase.create("analytics_running_counts");
    private final Random random = new Random(20261207);

    @Inject
    RatingStore store;

    @Inject
    SliceRepository slices;

    @Override
    public Map<String, String> getProperties() {
        // the consumer off and no broker: the ratings are written with RatingStore, as the consumer writes a batch
        return TestProperties.of(database).with("civic-pulse.kafka.consumer-enabled", false)
                .with(TestProperties.BOOTSTRAP_SERVERS, "127.0.0.1:1").asMap();
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @BeforeAll
    void writeThreeYearsAsTheConsumerWould() throws Exception {
        List<RatingSubmitted> all = new ArrayList<>();
        for (int i = 0; i < 2400; i++) {
            all.add(rating(randomDay(FIRST, LAST)));
        }
        all.sort(Comparator.comparing(RatingSubmitted::ratedAt));
        // live, in batches of 40 in time order, with one rating in ten held back and delivered months later
        List<RatingSubmitted> late = new ArrayList<>();
        List<RatingSubmitted> batch = new ArrayList<>();
        for (RatingSubmitted r : all) {
            if (random.nextInt(10) == 0) {
                late.add(r);
            } else {
                batch.add(r);
            }
            if (batch.size() == 40) {
                store.apply(batch, List.of());
                batch.clear();
                if (late.size() > 10) {
                    store.apply(late, List.of());
                    late.clear();
                }
            }
        }
        store.apply(batch, List.of());
        store.apply(late, List.of());
        // a council's history loaded afterwards: months before its first rating so far
        List<RatingSubmitted> backfill = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            backfill.add(rating(randomDay(LocalDate.of(2022, 1, 1), FIRST.minusDays(1))));
        }
        for (int from = 0; from < backfill.size(); from += 100) {
            store.apply(backfill.subList(from, from + 100), List.of());
        }
        all.addAll(backfill);
        // answers given later or changed: new answers, answers taken away, a question added
        List<RatingEnriched> enrichments = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            RatingSubmitted r = all.get(random.nextInt(all.size()));
            enrichments.add(new RatingEnriched(r.id(), r.council(), List.of(), null, Map.of(), customerGroup(),
                    r.receivedAt().plusSeconds(3600), RatingEnriched.SCHEMA_VERSION));
        }
        for (int from = 0; from < enrichments.size(); from += 50) {
            store.apply(List.of(), enrichments.subList(from, from + 50));
        }
        // erasures on request, one at a time, some of them of ratings whose answers changed
        for (int i = 0; i < 150; i++) {
            RatingSubmitted r = all.get(random.nextInt(all.size()));
            store.erase(r.council(), r.id());
        }
        // and a few live ratings after all that, in the newest month
        List<RatingSubmitted> newest = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            newest.add(rating(randomDay(LAST.withDayOfMonth(1), LAST)));
        }
        store.apply(newest, List.of());
    }

    @Test
    void slicesOverAnyRangeEqualGroupByOverTheRawRatings() throws Exception {
        List<LocalDate[]> ranges = new ArrayList<>(List.of(
                new LocalDate[] {LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)},   // twelve whole months
                new LocalDate[] {LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30)},    // the empty month
                new LocalDate[] {LocalDate.of(2024, 6, 1), LocalDate.of(2024, 7, 31)},    // from the empty month on
                new LocalDate[] {LocalDate.of(2024, 5, 1), LocalDate.of(2024, 6, 30)},    // up to the empty month
                new LocalDate[] {LocalDate.of(2020, 1, 1), LocalDate.of(2021, 12, 31)},   // before the first rating
                new LocalDate[] {LocalDate.of(2026, 4, 1), LocalDate.of(2027, 12, 31)},   // after the last
                new LocalDate[] {LocalDate.of(2021, 7, 15), LocalDate.of(2022, 2, 3)},    // across the first
                new LocalDate[] {LocalDate.of(2026, 1, 12), LocalDate.of(2026, 9, 30)},   // across the last
                new LocalDate[] {LocalDate.of(2020, 1, 1), LocalDate.of(2030, 12, 31)},   // everything
                new LocalDate[] {LocalDate.of(2022, 1, 1), LocalDate.of(2022, 1, 31)},    // the first month
                new LocalDate[] {LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)},    // the newest month
                new LocalDate[] {LocalDate.of(2024, 2, 29), LocalDate.of(2024, 2, 29)},   // a single day
                new LocalDate[] {LocalDate.of(2024, 3, 2), LocalDate.of(2024, 3, 30)}));  // inside one month
        for (int i = 0; i < 60; i++) {
            LocalDate a = randomDay(LocalDate.of(2021, 10, 1), LocalDate.of(2026, 6, 30));
            LocalDate b = randomDay(LocalDate.of(2021, 10, 1), LocalDate.of(2026, 6, 30));
            LocalDate from = a.isBefore(b) ? a : b;
            LocalDate to = a.isBefore(b) ? b : a;
            switch (i % 4) {
                case 0 -> ranges.add(new LocalDate[] {from.withDayOfMonth(1), to.withDayOfMonth(to.lengthOfMonth())});
                case 1 -> ranges.add(new LocalDate[] {from.withDayOfMonth(1), to});
                case 2 -> ranges.add(new LocalDate[] {from, to.withDayOfMonth(to.lengthOfMonth())});
                default -> ranges.add(new LocalDate[] {from, to});
            }
        }
        List<List<Dimension>> breakdowns = List.of(List.of(), List.of(Dimension.SERVICE), List.of(Dimension.SERVICE, Dimension.CHANNEL),
                List.of(Dimension.CHANNEL, Dimension.TOUCHPOINT), List.of(Dimension.CUSTOMER_GROUP),
                List.of(Dimension.SERVICE, Dimension.CHANNEL, Dimension.CUSTOMER_GROUP),
                List.of(Dimension.TOUCHPOINT, Dimension.SERVICE, Dimension.CUSTOMER_GROUP));
        int compared = 0;
        int nonEmpty = 0;
        try (Connection c = DriverManager.getConnection(database.jdbcUrl())) {
            for (int i = 0; i < ranges.size(); i++) {
                LocalDate[] range = ranges.get(i);
                String council = COUNCILS[i % COUNCILS.length];
                for (List<Dimension> by : breakdowns) {
                    for (int variant = 0; variant < 2; variant++) {
                        boolean group = by.contains(Dimension.CUSTOMER_GROUP) || variant == 1 && i % 3 == 0;
                        String question = group ? (i % 2 == 0 ? "age_band" : "sex") : null;
                        Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
                        if (variant == 1) {
                            if (!by.contains(Dimension.SERVICE)) {
                                filters.put(Dimension.SERVICE, SERVICES[i % SERVICES.length]);
                            }
                            if (!by.contains(Dimension.CHANNEL) && i % 2 == 1) {
                                filters.put(Dimension.CHANNEL, Channel.values()[i % 3].code());
                            }
                            if (group && !by.contains(Dimension.CUSTOMER_GROUP)) {
                                filters.put(Dimension.CUSTOMER_GROUP, question.equals("sex") ? SEXES[i % 2] : AGE_BANDS[i % 4]);
                            }
                        }
                        Slice slice = new Slice(council, range[0], range[1], by, filters, question, null);
                        List<String> expected = rawGroupBy(c, slice);
                        List<String> actual = slices.counts(slice).stream().map(RunningCountsIT::line).toList();
                        assertEquals(expected, actual, () -> "slice " + slice);
                        compared++;
                        nonEmpty += expected.isEmpty() ? 0 : 1;
                    }
                }
            }
        }
        assertTrue(compared > 1000, "compared " + compared);
        assertTrue(nonEmpty > compared / 2, "most slices hold ratings: " + nonEmpty + " of " + compared);
    }

    @Test
    void aTimeSeriesByMonthAddsUpToTheSameFiguresAsTheWholeRange() {
        LocalDate from = LocalDate.of(2024, 1, 10);
        LocalDate to = LocalDate.of(2025, 3, 20);
        Slice whole = new Slice(COUNCILS[0], from, to, List.of(Dimension.SERVICE), Map.of(), null, null);
        Slice series = new Slice(COUNCILS[0], from, to, List.of(Dimension.PERIOD, Dimension.SERVICE), Map.of(), null, Interval.MONTH);
        Map<String, long[]> summed = new HashMap<>();
        for (ScoreCounts row : slices.counts(series)) {
            long[] sum = summed.computeIfAbsent(row.group().get(Dimension.SERVICE) + "/" + row.scale().code(), k -> new long[row.counts().length]);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += row.counts()[i];
            }
        }
        Map<String, String> fromSeries = summed.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> Arrays.toString(e.getValue())));
        Map<String, String> fromRange = slices.counts(whole).stream().collect(Collectors.toMap(
                r -> r.group().get(Dimension.SERVICE) + "/" + r.scale().code(), r -> Arrays.toString(r.counts())));
        assertEquals(fromSeries, fromRange);
    }

    @Test
    void rebuildingTheRunningCountsFromTheDailyCountsGivesWhatTheTriggersKept() throws Exception {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl()); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            List<String> kept = rows(st, "SELECT * FROM rating_cumulative_count WHERE ratings <> '{0,0,0,0,0}' ORDER BY 1, 2, 3, 4, 5, 6");
            List<String> keptGroups = rows(st, "SELECT * FROM rating_cumulative_group_count WHERE ratings <> '{0,0,0,0,0}' ORDER BY 1, 2, 3, 4, 5, 6, 7, 8");
            st.execute("SELECT rebuild_rating_cumulative_counts()");
            assertEquals(kept, rows(st, "SELECT * FROM rating_cumulative_count ORDER BY 1, 2, 3, 4, 5, 6"));
            assertEquals(keptGroups, rows(st, "SELECT * FROM rating_cumulative_group_count ORDER BY 1, 2, 3, 4, 5, 6, 7, 8"));
            assertTrue(kept.size() > 1000, "running counts kept: " + kept.size());
            c.rollback();
        }
    }

    private static List<String> rows(Statement st, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(rs.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static String line(ScoreCounts row) {
        return row.group() + " " + row.scale().code() + " " + Arrays.toString(row.counts());
    }

    /** The reference: the same figures by GROUP BY over the raw ratings (what is left of them), in the API's order. */
    private static List<String> rawGroupBy(Connection c, Slice slice) throws Exception {
        String columns = slice.by().stream().map(d -> column(d) + " COLLATE \"C\", ").collect(Collectors.joining());
        StringBuilder sql = new StringBuilder("SELECT " + columns + "scale, score, count(*) FROM rating"
                + (slice.byCustomerGroup() ? ", jsonb_each_text(customer_group) AS g" : "")
                + " WHERE council = ? AND rated_on BETWEEN ? AND ?");
        List<Object> parameters = new ArrayList<>(List.of(slice.council(), slice.from(), slice.to()));
        if (slice.byCustomerGroup()) {
            sql.append(" AND g.key = ?");
            parameters.add(slice.question());
        }
        slice.filters().forEach((d, v) -> {
            sql.append(" AND ").append(column(d)).append(" = ?");
            parameters.add(v);
        });
        sql.append(" GROUP BY ").append(columns).append("scale, score ORDER BY ").append(columns).append("scale, score");
        Map<String, long[]> rows = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                st.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = st.executeQuery()) {
                int dims = slice.by().size();
                while (rs.next()) {
                    Map<Dimension, String> group = new EnumMap<>(Dimension.class);
                    for (int i = 0; i < dims; i++) {
                        group.put(slice.by().get(i), rs.getString(i + 1));
                    }
                    Scale scale = Scale.fromCode(rs.getString(dims + 1)).orElseThrow();
                    long[] counts = rows.computeIfAbsent(group + " " + scale.code(), k -> new long[scale.size()]);
                    counts[rs.getInt(dims + 2) - 1] += rs.getLong(dims + 3);
                }
            }
        }
        return rows.entrySet().stream().map(e -> e.getKey() + " " + Arrays.toString(e.getValue())).toList();
    }

    private static String column(Dimension d) {
        return switch (d) {
            case SERVICE -> "service";
            case CHANNEL -> "channel";
            case TOUCHPOINT -> "touchpoint";
            case CUSTOMER_GROUP -> "g.value";
            case PERIOD -> throw new IllegalArgumentException("not a column");
        };
    }

    private LocalDate randomDay(LocalDate from, LocalDate to) {
        LocalDate day;
        do {
            day = from.plusDays(random.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
        } while (day.withDayOfMonth(1).equals(EMPTY_MONTH));
        return day;
    }

    private RatingSubmitted rating(LocalDate day) {
        Scale scale = random.nextInt(4) == 0 ? Scale.LIKERT_5 : Scale.FACES_3;
        // noon UTC is the same day in Europe/London
        var at = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        return new RatingSubmitted(UUID.randomUUID(), COUNCILS[random.nextInt(COUNCILS.length)], SERVICES[random.nextInt(SERVICES.length)],
                Channel.values()[random.nextInt(3)], TOUCHPOINTS[random.nextInt(TOUCHPOINTS.length)], scale,
                1 + random.nextInt(scale.size()), List.of(), null, Map.of(), customerGroup(), at, at, RatingSubmitted.SCHEMA_VERSION);
    }

    private Map<String, String> customerGroup() {
        Map<String, String> group = new HashMap<>();
        if (random.nextInt(3) > 0) {
            group.put("age_band", AGE_BANDS[random.nextInt(AGE_BANDS.length)]);
        }
        if (random.nextBoolean()) {
            group.put("sex", SEXES[random.nextInt(SEXES.length)]);
        }
        return group;
    }
}
