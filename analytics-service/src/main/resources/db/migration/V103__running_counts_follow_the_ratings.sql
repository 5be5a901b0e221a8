-- The running monthly counts follow the ratings' changes directly, in the same function as the daily counts, instead
-- of following the daily counts' changes through triggers of their own (V90-V100).
--
-- Why: a batch's count upsert (INSERT ... ON CONFLICT DO UPDATE) fired both the INSERT and the UPDATE statement
-- triggers of each daily count table, and the UPDATE trigger passed every updated row twice (old and new version) to
-- be grouped again; that is four running-count calls per batch, each re-grouping rows the daily statement had just
-- grouped. Here the batch's net change per day and cell is grouped once, held in an array, and given to the daily
-- upserts and to the running counts' functions (V100's, unchanged) alike: two running-count calls per batch.
--
-- The daily and the running counts are now both kept from `rating`; nothing else should write the daily counts.
-- A writer that does (a bulk load with `rating`'s triggers disabled) rebuilds the running counts afterwards with
-- `rebuild_rating_cumulative_counts()`, as before. TRUNCATE of a daily count table still empties its running counts
-- (V92's trigger stays).

DROP TRIGGER cumulative_after_insert ON rating_daily_count;
DROP TRIGGER cumulative_after_update ON rating_daily_count;
DROP TRIGGER cumulative_after_delete ON rating_daily_count;
DROP TRIGGER cumulative_after_insert ON rating_daily_group_count;
DROP TRIGGER cumulative_after_update ON rating_daily_group_count;
DROP TRIGGER cumulative_after_delete ON rating_daily_group_count;

CREATE OR REPLACE FUNCTION rating_daily_counts_apply(added rating_counted[], removed rating_counted[])
    RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
    -- the net change per day and cell; `ratings` is signed here (a composite value does not check the table's CHECK)
    daily rating_daily_count[];
    grouped rating_daily_group_count[];
BEGIN
    SELECT coalesce(array_agg(ROW(council, rated_on, service, channel, touchpoint, scale, score, d)::rating_daily_count), '{}')
    INTO daily
    FROM (SELECT council, rated_on, service, channel, touchpoint, scale, score, sum(d) AS d
          FROM (SELECT council, rated_on, service, channel, touchpoint, scale, score, 1 AS d FROM unnest(added)
                UNION ALL
                SELECT council, rated_on, service, channel, touchpoint, scale, score, -1 FROM unnest(removed)) c
          GROUP BY council, rated_on, service, channel, touchpoint, scale, score
          HAVING sum(d) <> 0) net;

    IF cardinality(daily) > 0 THEN
        UPDATE rating_daily_count t SET ratings = t.ratings + n.ratings
        FROM unnest(daily) n
        WHERE n.ratings < 0 AND t.council = n.council AND t.rated_on = n.rated_on AND t.service = n.service
          AND t.channel = n.channel AND t.touchpoint = n.touchpoint AND t.scale = n.scale AND t.score = n.score;

        INSERT INTO rating_daily_count AS t (council, rated_on, service, channel, touchpoint, scale, score, ratings)
        SELECT council, rated_on, service, channel, touchpoint, scale, score, ratings
        FROM unnest(daily)
        WHERE ratings > 0
        ORDER BY council, rated_on, service, channel, touchpoint, scale, score
        ON CONFLICT (council, rated_on, service, channel, touchpoint, scale, score)
            DO UPDATE SET ratings = t.ratings + EXCLUDED.ratings;

        PERFORM rating_cumulative_count_apply(daily, '{}');
    END IF;

    SELECT coalesce(array_agg(ROW(council, rated_on, service, channel, touchpoint, question, answer, scale, score, d)
                                  ::rating_daily_group_count), '{}')
    INTO grouped
    FROM (SELECT council, question, rated_on, service, channel, touchpoint, answer, scale, score, sum(d) AS d
          FROM (SELECT a.council, g.key AS question, a.rated_on, a.service, a.channel, a.touchpoint, g.value AS answer,
                       a.scale, a.score, 1 AS d
                FROM unnest(added) a, jsonb_each_text(a.customer_group) g
                UNION ALL
                SELECT r.council, g.key, r.rated_on, r.service, r.channel, r.touchpoint, g.value, r.scale, r.score, -1
                FROM unnest(removed) r, jsonb_each_text(r.customer_group) g) c
          GROUP BY council, question, rated_on, service, channel, touchpoint, answer, scale, score
          HAVING sum(d) <> 0) net;

    IF cardinality(grouped) > 0 THEN
        UPDATE rating_daily_group_count t SET ratings = t.ratings + n.ratings
        FROM unnest(grouped) n
        WHERE n.ratings < 0 AND t.council = n.council AND t.question = n.question AND t.rated_on = n.rated_on
          AND t.service = n.service AND t.channel = n.channel AND t.touchpoint = n.touchpoint AND t.answer = n.answer
          AND t.scale = n.scale AND t.score = n.score;

        INSERT INTO rating_daily_group_count AS t (council, question, rated_on, service, channel, touchpoint, answer,
                                                   scale, score, ratings)
        SELECT council, question, rated_on, service, channel, touchpoint, answer, scale, score, ratings
        FROM unnest(grouped)
        WHERE ratings > 0
        ORDER BY council, question, rated_on, service, channel, touchpoint, answer, scale, score
        ON CONFLICT (council, question, rated_on, service, channel, touchpoint, answer, scale, score)
            DO UPDATE SET ratings = t.ratings + EXCLUDED.ratings;

        PERFORM rating_cumulative_group_count_apply(grouped, '{}');
    END IF;
END $fn$;
