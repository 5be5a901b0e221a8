-- The running-count triggers of V91 with fixed statements instead of dynamic SQL. V91 built each statement as text
-- (EXECUTE format(...)) for the operation at hand, so PostgreSQL parsed and planned two statements on every call
-- (about 1.5 ms a call, four calls per batch: docs/slices-benchmark.md, "Cost on the write path"). Here one
-- function per running-count table holds the statements, written out, and takes the changed rows as two arrays
-- (added and removed); PL/pgSQL parses them once per session and keeps the plan. The trigger functions only pass
-- their transition tables (INSERT: new rows; UPDATE: new and old; DELETE: old), which a shared statement cannot name. The statements are V91's: the same delta, horizon, carry-forward to a new month and spread of a late
-- rating, erasure or changed answer up to the horizon; the same advisory lock per council, taken in a statement of
-- its own before the horizon is read. TRUNCATE keeps V92's function. V91 stays as it was (databases have run it).
--
-- The plans here are hash or index joins on at most a few hundred councils and questions, so a plan made for one row
-- stays sound for 10,000 (RunningCountsIT, IngestProfile: docs/ingest-benchmark.md).

-- rating_daily_count -> rating_cumulative_count (V91's statement, unchanged but for where its changes come from)
CREATE FUNCTION rating_cumulative_count_apply(added rating_daily_count[], removed rating_daily_count[])
    RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
    PERFORM count(pg_advisory_xact_lock(k))
    FROM (SELECT DISTINCT hashtextextended('rating_cumulative/' || council, 0) AS k
          FROM (SELECT council FROM unnest(added) UNION ALL SELECT council FROM unnest(removed)) c ORDER BY k) l;
    WITH delta AS (
        SELECT council, date_trunc('month', rated_on)::date AS month, service, channel, touchpoint, scale, score,
               sum(ratings) AS ratings
        FROM (SELECT council, rated_on, service, channel, touchpoint, scale, score, ratings FROM unnest(added)
              UNION ALL
              SELECT council, rated_on, service, channel, touchpoint, scale, score, -ratings FROM unnest(removed)) c
        GROUP BY 1, 2, 3, 4, 5, 6, 7
        HAVING sum(ratings) <> 0
    ), horizon AS (
        SELECT b.council, l.last, greatest(b.newest, l.last) AS upto
        FROM (SELECT council, max(month) AS newest FROM delta GROUP BY council) b
        LEFT JOIN LATERAL (SELECT max(t.month) AS last FROM rating_cumulative_count t WHERE t.council = b.council) l ON true
    ), carried AS (
        SELECT t.council, m.month::date AS month, t.service, t.channel, t.touchpoint, t.scale,
               t.ratings[1] AS s1, t.ratings[2] AS s2, t.ratings[3] AS s3, t.ratings[4] AS s4, t.ratings[5] AS s5
        FROM horizon h
        JOIN rating_cumulative_count t ON t.council = h.council AND t.month = h.last
        CROSS JOIN generate_series(h.last + interval '1 month', h.upto, interval '1 month') AS m(month)
        WHERE h.upto > h.last AND t.ratings <> '{0,0,0,0,0}'
    ), spread AS (
        SELECT d.council, m.month::date AS month, d.service, d.channel, d.touchpoint, d.scale,
               CASE d.score WHEN 1 THEN d.ratings ELSE 0 END AS s1, CASE d.score WHEN 2 THEN d.ratings ELSE 0 END AS s2,
               CASE d.score WHEN 3 THEN d.ratings ELSE 0 END AS s3, CASE d.score WHEN 4 THEN d.ratings ELSE 0 END AS s4,
               CASE d.score WHEN 5 THEN d.ratings ELSE 0 END AS s5
        FROM delta d
        JOIN horizon h ON h.council = d.council
        CROSS JOIN generate_series(d.month, h.upto, interval '1 month') AS m(month)
    )
    INSERT INTO rating_cumulative_count AS t (council, month, service, channel, touchpoint, scale, ratings)
    SELECT council, month, service, channel, touchpoint, scale, ARRAY[sum(s1), sum(s2), sum(s3), sum(s4), sum(s5)]::bigint[]
    FROM (SELECT * FROM carried UNION ALL SELECT * FROM spread) x
    GROUP BY council, month, service, channel, touchpoint, scale
    ORDER BY council, month, service, channel, touchpoint, scale
    ON CONFLICT (council, month, service, channel, touchpoint, scale) DO UPDATE
        SET ratings = ARRAY[t.ratings[1] + EXCLUDED.ratings[1], t.ratings[2] + EXCLUDED.ratings[2],
                            t.ratings[3] + EXCLUDED.ratings[3], t.ratings[4] + EXCLUDED.ratings[4],
                            t.ratings[5] + EXCLUDED.ratings[5]];
END $fn$;

CREATE OR REPLACE FUNCTION rating_cumulative_count_follow() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM rating_cumulative_count_apply(ARRAY(SELECT n::rating_daily_count FROM new_rows n), '{}');
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM rating_cumulative_count_apply(ARRAY(SELECT n::rating_daily_count FROM new_rows n),
                                              ARRAY(SELECT o::rating_daily_count FROM old_rows o));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM rating_cumulative_count_apply('{}', ARRAY(SELECT o::rating_daily_count FROM old_rows o));
    END IF;
    RETURN NULL;
END $fn$;

-- rating_daily_group_count -> rating_cumulative_group_count; the horizon is per council and question
CREATE FUNCTION rating_cumulative_group_count_apply(added rating_daily_group_count[], removed rating_daily_group_count[])
    RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
    PERFORM count(pg_advisory_xact_lock(k))
    FROM (SELECT DISTINCT hashtextextended('rating_cumulative/' || council, 0) AS k
          FROM (SELECT council FROM unnest(added) UNION ALL SELECT council FROM unnest(removed)) c ORDER BY k) l;
    WITH delta AS (
        SELECT council, question, date_trunc('month', rated_on)::date AS month, service, channel, touchpoint, answer,
               scale, score, sum(ratings) AS ratings
        FROM (SELECT council, question, rated_on, service, channel, touchpoint, answer, scale, score, ratings FROM unnest(added)
              UNION ALL
              SELECT council, question, rated_on, service, channel, touchpoint, answer, scale, score, -ratings FROM unnest(removed)) c
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
        HAVING sum(ratings) <> 0
    ), horizon AS (
        SELECT b.council, b.question, l.last, greatest(b.newest, l.last) AS upto
        FROM (SELECT council, question, max(month) AS newest FROM delta GROUP BY council, question) b
        LEFT JOIN LATERAL (SELECT max(t.month) AS last FROM rating_cumulative_group_count t
                           WHERE t.council = b.council AND t.question = b.question) l ON true
    ), carried AS (
        SELECT t.council, t.question, m.month::date AS month, t.service, t.channel, t.touchpoint, t.answer, t.scale,
               t.ratings[1] AS s1, t.ratings[2] AS s2, t.ratings[3] AS s3, t.ratings[4] AS s4, t.ratings[5] AS s5
        FROM horizon h
        JOIN rating_cumulative_group_count t ON t.council = h.council AND t.question = h.question AND t.month = h.last
        CROSS JOIN generate_series(h.last + interval '1 month', h.upto, interval '1 month') AS m(month)
        WHERE h.upto > h.last AND t.ratings <> '{0,0,0,0,0}'
    ), spread AS (
        SELECT d.council, d.question, m.month::date AS month, d.service, d.channel, d.touchpoint, d.answer, d.scale,
               CASE d.score WHEN 1 THEN d.ratings ELSE 0 END AS s1, CASE d.score WHEN 2 THEN d.ratings ELSE 0 END AS s2,
               CASE d.score WHEN 3 THEN d.ratings ELSE 0 END AS s3, CASE d.score WHEN 4 THEN d.ratings ELSE 0 END AS s4,
               CASE d.score WHEN 5 THEN d.ratings ELSE 0 END AS s5
        FROM delta d
        JOIN horizon h ON h.council = d.council AND h.question = d.question
        CROSS JOIN generate_series(d.month, h.upto, interval '1 month') AS m(month)
    )
    INSERT INTO rating_cumulative_group_count AS t (council, question, month, service, channel, touchpoint, answer,
                                                   scale, ratings)
    SELECT council, question, month, service, channel, touchpoint, answer, scale,
           ARRAY[sum(s1), sum(s2), sum(s3), sum(s4), sum(s5)]::bigint[]
    FROM (SELECT * FROM carried UNION ALL SELECT * FROM spread) x
    GROUP BY council, question, month, service, channel, touchpoint, answer, scale
    ORDER BY council, question, month, service, channel, touchpoint, answer, scale
    ON CONFLICT (council, question, month, service, channel, touchpoint, answer, scale) DO UPDATE
        SET ratings = ARRAY[t.ratings[1] + EXCLUDED.ratings[1], t.ratings[2] + EXCLUDED.ratings[2],
                            t.ratings[3] + EXCLUDED.ratings[3], t.ratings[4] + EXCLUDED.ratings[4],
                            t.ratings[5] + EXCLUDED.ratings[5]];
END $fn$;

CREATE OR REPLACE FUNCTION rating_cumulative_group_count_follow() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM rating_cumulative_group_count_apply(ARRAY(SELECT n::rating_daily_group_count FROM new_rows n), '{}');
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM rating_cumulative_group_count_apply(ARRAY(SELECT n::rating_daily_group_count FROM new_rows n),
                                                    ARRAY(SELECT o::rating_daily_group_count FROM old_rows o));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM rating_cumulative_group_count_apply('{}', ARRAY(SELECT o::rating_daily_group_count FROM old_rows o));
    END IF;
    RETURN NULL;
END $fn$;
