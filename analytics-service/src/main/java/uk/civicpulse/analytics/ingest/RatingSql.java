package uk.civicpulse.analytics.ingest;

/**
 * The statements that keep raw ratings and their counts in step. Each is one round trip; the counts are grouped
 * and ordered before they are upserted, so two transactions never wait on each other's rows in opposite orders.
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

    /** Stores the staged batch (distinct ids); returns how many ratings were new. */
    static final String STORE = """
            WITH incoming AS NOT MATERIALIZED (
                SELECT * FROM rating_stage
            ), new_councils AS (
                INSERT INTO council (code) SELECT DISTINCT council FROM incoming ORDER BY council ON CONFLICT (code) DO NOTHING
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

    /** Replaces the answers of stored ratings of the same council and moves their customer-group counts. */
    static final String ENRICH = """
            WITH incoming AS (
                SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
                    AS e(id, council, reasons, comment, key_areas, customer_group, enriched_at)
            ), target AS (
                SELECT r.id, r.rated_on, r.council, r.service, r.channel, r.touchpoint, r.scale, r.score,
                       r.customer_group AS old_group, e.customer_group::jsonb AS new_group
                FROM incoming e
                JOIN rating_receipt rr ON rr.id = e.id AND rr.council = e.council
                JOIN rating r ON r.id = rr.id AND r.rated_on = rr.rated_on
            ), updated AS (
                UPDATE rating r
                SET reasons = ARRAY(SELECT jsonb_array_elements_text(e.reasons::jsonb)), comment = e.comment,
                    key_areas = e.key_areas::jsonb, customer_group = e.customer_group::jsonb, enriched_at = e.enriched_at
                FROM incoming e, target t
                WHERE r.id = t.id AND r.rated_on = t.rated_on AND e.id = t.id
                RETURNING r.id
            ), deltas AS (
                SELECT t.council, g.key AS question, t.rated_on, t.service, t.channel, t.touchpoint, g.value AS answer,
                       t.scale, t.score, -1 AS d
                FROM target t, jsonb_each_text(t.old_group) AS g
                UNION ALL
                SELECT t.council, g.key, t.rated_on, t.service, t.channel, t.touchpoint, g.value, t.scale, t.score, 1
                FROM target t, jsonb_each_text(t.new_group) AS g
            ), net AS (
                SELECT council, question, rated_on, service, channel, touchpoint, answer, scale, score, sum(d) AS d
                FROM deltas
                GROUP BY council, question, rated_on, service, channel, touchpoint, answer, scale, score
                HAVING sum(d) <> 0
            ), taken AS (
                -- answers given before: those rows exist, so an UPDATE (an INSERT of a negative count would fail the
                -- table's check before its conflict is seen)
                UPDATE rating_daily_group_count d SET ratings = d.ratings + n.d
                FROM net n
                WHERE n.d < 0 AND d.council = n.council AND d.question = n.question AND d.rated_on = n.rated_on
                  AND d.service = n.service AND d.channel = n.channel AND d.touchpoint = n.touchpoint
                  AND d.answer = n.answer AND d.scale = n.scale AND d.score = n.score
            ), added AS (
                INSERT INTO rating_daily_group_count AS d (council, question, rated_on, service, channel, touchpoint, answer,
                                                          scale, score, ratings)
                SELECT council, question, rated_on, service, channel, touchpoint, answer, scale, score, d
                FROM net
                WHERE d > 0
                ORDER BY council, question, rated_on, service, channel, touchpoint, answer, scale, score
                ON CONFLICT (council, question, rated_on, service, channel, touchpoint, answer, scale, score)
                    DO UPDATE SET ratings = d.ratings + EXCLUDED.ratings
            )
            SELECT id FROM updated
            """;

    /** Deletes one rating of one council and takes it out of the counts; returns how many were erased (0 or 1). */
    static final String ERASE = """
            WITH gone AS (
                DELETE FROM rating r USING rating_receipt rr
                WHERE rr.id = ? AND rr.council = ? AND r.id = rr.id AND r.rated_on = rr.rated_on
                RETURNING r.council, r.rated_on, r.service, r.channel, r.touchpoint, r.scale, r.score, r.customer_group
            ), counted AS (
                UPDATE rating_daily_count d SET ratings = d.ratings - 1
                FROM gone g
                WHERE d.council = g.council AND d.rated_on = g.rated_on AND d.service = g.service AND d.channel = g.channel
                  AND d.touchpoint = g.touchpoint AND d.scale = g.scale AND d.score = g.score
            ), grouped AS (
                UPDATE rating_daily_group_count d SET ratings = d.ratings - 1
                FROM gone g, jsonb_each_text(g.customer_group) AS a
                WHERE d.council = g.council AND d.question = a.key AND d.rated_on = g.rated_on AND d.service = g.service
                  AND d.channel = g.channel AND d.touchpoint = g.touchpoint AND d.answer = a.value AND d.scale = g.scale
                  AND d.score = g.score
            )
            SELECT count(*) FROM gone
            """;
}
