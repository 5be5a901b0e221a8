package uk.civicpulse.analytics.ingest;

/**
 * The statements that store, enrich and erase raw ratings, one round trip each. The counts follow from the rating
 * table's own triggers (V102), in the same statement and transaction.
 */
final class RatingSql {

    private RatingSql() {
    }

    /**
     * The batch is first copied (COPY ... FROM STDIN, see {@link RatingCopy}) into this table of the connection's own,
     * emptied at every commit or rollback: a batch reaches the server as one stream of rows, not as 15 arrays encoded
     * as text and parsed again. A temporary table writes no WAL and is seen by no other session; created once per
     * connection (the statement is a no-op afterwards).
     */
    static final String STAGE = """
            CREATE TEMPORARY TABLE IF NOT EXISTS rating_stage (
                id uuid NOT NULL, council text NOT NULL, service text NOT NULL, channel text NOT NULL,
                touchpoint text NOT NULL, scale text NOT NULL, score smallint NOT NULL, reasons text[] NOT NULL,
                comment text, key_areas jsonb NOT NULL, customer_group jsonb NOT NULL, agent_entered boolean NOT NULL,
                submitted_at timestamptz, received_at timestamptz NOT NULL, rated_on date NOT NULL
            ) ON COMMIT DELETE ROWS""";

    /** Fills {@link #STAGE} with one batch; the columns in {@link RatingCopy}'s order. */
    static final String COPY_STAGE = "COPY rating_stage (id, council, service, channel, touchpoint, scale, score, reasons,"
            + " comment, key_areas, customer_group, agent_entered, submitted_at, received_at, rated_on) FROM STDIN";

    /**
     * The fast way for a batch of ratings none of which has been seen (nearly every batch): its receipts, then its
     * rows, copied straight into the tables, with no staging table and no per-row conflict check. A receipt already
     * there fails the first COPY on the receipts' primary key (the batch then goes the staged way, {@link #STORE}).
     */
    static final String COPY_RECEIPTS = "COPY rating_receipt (id, council, rated_on) FROM STDIN";

    /** The rows of a batch whose receipts were all new; the columns in {@link RatingCopy}'s order. */
    static final String COPY_RATINGS = "COPY rating (id, council, service, channel, touchpoint, scale, score, reasons,"
            + " comment, key_areas, customer_group, agent_entered, submitted_at, received_at, rated_on) FROM STDIN";

    /** The councils of a batch, added on their first rating; run before either way of storing it. */
    static final String COUNCILS = "INSERT INTO council (code) SELECT DISTINCT unnest(?::text[]) ORDER BY 1 ON CONFLICT (code) DO NOTHING";

    /**
     * Stores the staged batch (distinct ids); returns how many ratings were new. The daily counts (and through them
     * the running monthly counts) are moved by the rating table's own triggers (V102), in this statement.
     */
    static final String STORE = """
            WITH incoming AS NOT MATERIALIZED (
                SELECT * FROM rating_stage
            ), receipts AS (
                INSERT INTO rating_receipt (id, council, rated_on) SELECT id, council, rated_on FROM incoming
                ON CONFLICT (id) DO NOTHING
                RETURNING id
            ), inserted AS (
                INSERT INTO rating (id, council, service, channel, touchpoint, scale, score, reasons, comment, key_areas,
                                    customer_group, agent_entered, submitted_at, received_at, rated_on)
                SELECT i.id, i.council, i.service, i.channel, i.touchpoint, i.scale, i.score, i.reasons, i.comment,
                       i.key_areas, i.customer_group, i.agent_entered, i.submitted_at, i.received_at, i.rated_on
                FROM incoming i WHERE i.id IN (SELECT id FROM receipts)
            )
            SELECT count(*) FROM receipts
            """;

    /**
     * Replaces the answers of stored ratings of the same council; the rating table's update trigger moves their
     * customer-group counts (V102).
     */
    static final String ENRICH = """
            WITH incoming AS (
                SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
                    AS e(id, council, reasons, comment, key_areas, customer_group, enriched_at)
            )
            UPDATE rating r
            SET reasons = ARRAY(SELECT jsonb_array_elements_text(e.reasons::jsonb)), comment = e.comment,
                key_areas = e.key_areas::jsonb, customer_group = e.customer_group::jsonb, enriched_at = e.enriched_at
            FROM incoming e
            JOIN rating_receipt rr ON rr.id = e.id AND rr.council = e.council
            WHERE r.id = rr.id AND r.rated_on = rr.rated_on
            RETURNING r.id
            """;

    /**
     * Deletes one rating of one council (its delete trigger takes it out of the counts, V102); returns how many were
     * erased (0 or 1).
     */
    static final String ERASE = """
            WITH gone AS (
                DELETE FROM rating r USING rating_receipt rr
                WHERE rr.id = ? AND rr.council = ? AND r.id = rr.id AND r.rated_on = rr.rated_on
                RETURNING r.id
            )
            SELECT count(*) FROM gone
            """;
}
