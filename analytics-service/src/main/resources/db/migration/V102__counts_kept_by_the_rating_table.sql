-- The daily counts are kept by the rating table itself: statement-level triggers with transition tables on `rating`
-- move `rating_daily_count` and `rating_daily_group_count` for every row inserted, updated or deleted, whoever writes
-- it (the consumer's STORE, ENRICH and ERASE, a COPY of historical ratings, test fixtures). Until now the consumer's
-- statements carried the count upserts themselves, so any other writer of `rating` had to repeat them by hand. The
-- running monthly counts follow the daily counts as before (V100's triggers on the daily tables).
--
-- One function holds the statements (as V100 does for the running counts) and takes the changed ratings as two
-- arrays, added and removed: INSERT passes its new rows, DELETE its old rows, UPDATE both, so an enrichment that
-- changes a rating's answers moves its customer-group counts and leaves its daily counts alone (their net change is
-- zero). Decrements are UPDATEs (an INSERT of a negative count would fail the table's CHECK before its conflict is
-- seen); increments are upserts. Both are grouped and ordered by key, so two writers never wait on each other's rows
-- in opposite orders.
--
-- The triggers sit on the partitioned parent: its transition tables hold the rows of every partition the statement
-- touched. A bulk load may `ALTER TABLE rating DISABLE TRIGGER USER` and build the counts itself.

CREATE TYPE rating_counted AS (
    council text, rated_on date, service text, channel text, touchpoint text, scale text, score smallint,
    customer_group jsonb
);

CREATE FUNCTION rating_daily_counts_apply(added rating_counted[], removed rating_counted[])
    RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
    WITH net AS (
        SELECT council, rated_on, service, channel, touchpoint, scale, score, sum(d) AS d
        FROM (SELECT council, rated_on, service, channel, touchpoint, scale, score, 1 AS d FROM unnest(added)
              UNION ALL
              SELECT council, rated_on, service, channel, touchpoint, scale, score, -1 FROM unnest(removed)) c
        GROUP BY council, rated_on, service, channel, touchpoint, scale, score
        HAVING sum(d) <> 0
    ), taken AS (
        UPDATE rating_daily_count t SET ratings = t.ratings + n.d
        FROM net n
        WHERE n.d < 0 AND t.council = n.council AND t.rated_on = n.rated_on AND t.service = n.service
          AND t.channel = n.channel AND t.touchpoint = n.touchpoint AND t.scale = n.scale AND t.score = n.score
    )
    INSERT INTO rating_daily_count AS t (council, rated_on, service, channel, touchpoint, scale, score, ratings)
    SELECT council, rated_on, service, channel, touchpoint, scale, score, d
    FROM net
    WHERE d > 0
    ORDER BY council, rated_on, service, channel, touchpoint, scale, score
    ON CONFLICT (council, rated_on, service, channel, touchpoint, scale, score)
        DO UPDATE SET ratings = t.ratings + EXCLUDED.ratings;

    WITH net AS (
        SELECT council, question, rated_on, service, channel, touchpoint, answer, scale, score, sum(d) AS d
        FROM (SELECT a.council, g.key AS question, a.rated_on, a.service, a.channel, a.touchpoint, g.value AS answer,
                     a.scale, a.score, 1 AS d
              FROM unnest(added) a, jsonb_each_text(a.customer_group) g
              UNION ALL
              SELECT r.council, g.key, r.rated_on, r.service, r.channel, r.touchpoint, g.value, r.scale, r.score, -1
              FROM unnest(removed) r, jsonb_each_text(r.customer_group) g) c
        GROUP BY council, question, rated_on, service, channel, touchpoint, answer, scale, score
        HAVING sum(d) <> 0
    ), taken AS (
        UPDATE rating_daily_group_count t SET ratings = t.ratings + n.d
        FROM net n
        WHERE n.d < 0 AND t.council = n.council AND t.question = n.question AND t.rated_on = n.rated_on
          AND t.service = n.service AND t.channel = n.channel AND t.touchpoint = n.touchpoint AND t.answer = n.answer
          AND t.scale = n.scale AND t.score = n.score
    )
    INSERT INTO rating_daily_group_count AS t (council, question, rated_on, service, channel, touchpoint, answer, scale,
                                               score, ratings)
    SELECT council, question, rated_on, service, channel, touchpoint, answer, scale, score, d
    FROM net
    WHERE d > 0
    ORDER BY council, question, rated_on, service, channel, touchpoint, answer, scale, score
    ON CONFLICT (council, question, rated_on, service, channel, touchpoint, answer, scale, score)
        DO UPDATE SET ratings = t.ratings + EXCLUDED.ratings;
END $fn$;

CREATE FUNCTION rating_daily_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM rating_daily_counts_apply(
            ARRAY(SELECT (n.council, n.rated_on, n.service, n.channel, n.touchpoint, n.scale, n.score,
                          n.customer_group)::rating_counted FROM new_rows n), '{}');
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM rating_daily_counts_apply(
            ARRAY(SELECT (n.council, n.rated_on, n.service, n.channel, n.touchpoint, n.scale, n.score,
                          n.customer_group)::rating_counted FROM new_rows n),
            ARRAY(SELECT (o.council, o.rated_on, o.service, o.channel, o.touchpoint, o.scale, o.score,
                          o.customer_group)::rating_counted FROM old_rows o));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM rating_daily_counts_apply('{}',
            ARRAY(SELECT (o.council, o.rated_on, o.service, o.channel, o.touchpoint, o.scale, o.score,
                          o.customer_group)::rating_counted FROM old_rows o));
    END IF;
    RETURN NULL;
END $fn$;

CREATE TRIGGER daily_counts_after_insert AFTER INSERT ON rating
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rating_daily_counts_follow();
CREATE TRIGGER daily_counts_after_update AFTER UPDATE ON rating
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rating_daily_counts_follow();
CREATE TRIGGER daily_counts_after_delete AFTER DELETE ON rating
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rating_daily_counts_follow();
