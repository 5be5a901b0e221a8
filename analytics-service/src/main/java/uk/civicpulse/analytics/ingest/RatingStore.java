package uk.civicpulse.analytics.ingest;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import uk.civicpulse.analytics.cases.CaseOpener;
import uk.civicpulse.events.EventCodec;
import uk.civicpulse.events.RatingEnriched;
import uk.civicpulse.events.RatingSubmitted;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stores ratings and their later answers, and keeps the daily counts in step, in one transaction per batch. A rating
 * whose id has been seen before changes nothing, so a redelivered or resubmitted rating is counted once; an
 * enrichment replaces the answers it carries, so applying it twice changes nothing either.
 */
@Singleton
public class RatingStore {

    /** Councils are in the UK: a rating given at 00:30 on 1 July BST belongs to 1 July. */
    public static final ZoneId COUNCIL_TIME = ZoneId.of("Europe/London");

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final CaseOpener cases;
    private final Set<LocalDate> monthsWithPartitions = ConcurrentHashMap.newKeySet();

    public RatingStore(DataSource dataSource, CaseOpener cases) {
        this.cases = cases;
        // The plain pool: the consumer owns its transaction boundaries and commits offsets after the database.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /**
     * What one batch changed.
     *
     * @param stored           ratings new to the store
     * @param enriched         ratings whose answers were replaced
     * @param unmatchedEnrichments enrichments naming no stored rating of their council
     */
    public record BatchResult(int stored, int enriched, List<RatingEnriched> unmatchedEnrichments) {
    }

    /**
     * Stores the ratings, then applies the enrichments (an enrichment never precedes its rating in a partition, so
     * ratings first keeps each id's order), all in one transaction.
     *
     * @throws SQLException when the database refused or could not be reached; nothing of the batch is stored
     */
    public BatchResult apply(Collection<RatingSubmitted> ratings, List<RatingEnriched> enrichments) throws SQLException {
        return apply(prepare(ratings), enrichments);
    }

    /**
     * A batch of ratings made ready for the database with no database work: distinct ids, the months and councils
     * they fall in, and the rows and receipts as COPY text. The consumer prepares the next batch while the one before is being written.
     */
    public static final class Prepared {

        private final Collection<RatingSubmitted> ratings;
        private final Collection<RatingSubmitted> distinct;
        private final Set<LocalDate> months = new HashSet<>();
        private final Object[] councils;
        private final byte[] rows;
        private final byte[] receipts;

        private Prepared(Collection<RatingSubmitted> ratings) {
            this.ratings = ratings;
            Map<UUID, RatingSubmitted> unique = new LinkedHashMap<>();
            ratings.forEach(r -> unique.putIfAbsent(r.id(), r));
            this.distinct = unique.values();
            distinct.forEach(r -> months.add(RatingCopy.ratedOn(r).withDayOfMonth(1)));
            this.councils = distinct.stream().map(RatingSubmitted::council).distinct().toArray();
            this.rows = distinct.isEmpty() ? new byte[0] : RatingCopy.rows(distinct);
            this.receipts = distinct.isEmpty() ? new byte[0] : RatingCopy.receipts(distinct);
        }
    }

    public static Prepared prepare(Collection<RatingSubmitted> ratings) {
        return new Prepared(ratings);
    }

    /** As {@link #apply(Collection, List)}, for ratings already {@linkplain #prepare prepared}. */
    public BatchResult apply(Prepared prepared, List<RatingEnriched> enrichments) throws SQLException {
        Collection<RatingSubmitted> ratings = prepared.ratings;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Set<LocalDate> partitionsCreated = new HashSet<>();
                int stored = store(c, prepared, partitionsCreated);
                Map<UUID, RatingEnriched> latest = new LinkedHashMap<>();
                enrichments.forEach(e -> latest.put(e.ratingId(), e));
                Set<UUID> matched = enrich(c, latest.values());
                // a poor rating with a comment opens its case in this same transaction: exactly once
                cases.openFor(c, ratings, latest.values());
                c.commit();
                // Only now: a rolled-back CREATE TABLE must be run again by the retry.
                monthsWithPartitions.addAll(partitionsCreated);
                List<RatingEnriched> unmatched = latest.values().stream().filter(e -> !matched.contains(e.ratingId())).toList();
                return new BatchResult(stored, matched.size(), unmatched);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Erases one rating on request: its raw row goes and the counts drop by one; its id stays known, so it never returns. */
    public boolean erase(String council, UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(RatingSql.ERASE)) {
            st.setObject(1, id);
            st.setString(2, council);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    private int store(Connection c, Prepared batch, Set<LocalDate> partitionsCreated) throws SQLException {
        if (batch.distinct.isEmpty()) {
            return 0;
        }
        ensurePartitions(c, batch.months, partitionsCreated);
        // Nearly every batch is new ratings only: copy them straight in. A rating seen before (a redelivery after a
        // failure or rebalance, a client's retry) fails the receipts' COPY on their primary key; the savepoint takes
        // that back, and the batch goes the staged way, which skips the ratings already stored.
        try (PreparedStatement st = c.prepareStatement(RatingSql.COUNCILS)) {
            st.setArray(1, c.createArrayOf("text", batch.councils));
            st.execute();
        }
        Savepoint beforeCopy = c.setSavepoint();
        try {
            copy(c, RatingSql.COPY_RECEIPTS, batch.receipts);
            copy(c, RatingSql.COPY_RATINGS, batch.rows);
            c.releaseSavepoint(beforeCopy);
            return batch.distinct.size();
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(beforeCopy);
        }
        try (Statement st = c.createStatement()) {
            st.execute(RatingSql.STAGE);
        }
        copy(c, RatingSql.COPY_STAGE, batch.rows);
        // A plain statement, planned for each batch: a prepared one would keep the plan made for the batch staged when
        // it was first cached (row estimates come from the staging table's size), however big later batches are.
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(RatingSql.STORE)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void copy(Connection c, String sql, byte[] rows) throws SQLException {
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            copy.writeToCopy(rows, 0, rows.length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private Set<UUID> enrich(Connection c, Collection<RatingEnriched> enrichments) throws SQLException {
        Set<UUID> matched = new HashSet<>();
        if (enrichments.isEmpty()) {
            return matched;
        }
        List<RatingEnriched> list = new ArrayList<>(enrichments);
        int size = list.size();
        Object[][] columns = new Object[7][size];
        for (int i = 0; i < size; i++) {
            RatingEnriched e = list.get(i);
            columns[0][i] = e.ratingId();
            columns[1][i] = e.council();
            columns[2][i] = json(e.reasons());
            columns[3][i] = e.comment();
            columns[4][i] = json(e.keyAreas());
            columns[5][i] = json(e.customerGroup());
            columns[6][i] = Timestamp.from(e.enrichedAt());
        }
        String[] types = {"uuid", "text", "text", "text", "text", "text", "timestamptz"};
        try (PreparedStatement st = c.prepareStatement(RatingSql.ENRICH)) {
            for (int col = 0; col < columns.length; col++) {
                st.setArray(col + 1, c.createArrayOf(types[col], columns[col]));
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    matched.add((UUID) rs.getObject(1));
                }
            }
        }
        return matched;
    }

    private void ensurePartitions(Connection c, Set<LocalDate> months, Set<LocalDate> partitionsCreated) throws SQLException {
        List<LocalDate> missing = months.stream().filter(m -> !monthsWithPartitions.contains(m)).toList();
        if (missing.isEmpty()) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement("SELECT ensure_rating_partitions(?::date[])")) {
            st.setArray(1, c.createArrayOf("date", missing.stream().map(Date::valueOf).toArray()));
            st.execute();
        }
        partitionsCreated.addAll(missing);
    }

    private static String json(Object value) {
        return new String(EventCodec.encode(value), StandardCharsets.UTF_8);
    }
}
