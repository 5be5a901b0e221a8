-- What the running monthly counts (V90/V91 triggers) cost the write path: count upserts shaped like RatingSql.STORE's,
-- 20 batches of 1,000 ratings over 40 councils, with the triggers on and off in the same run, live (one day) and
-- backfill (300 days). Run against a scratch database migrated to V91 or later, never a real one:
--   psql -d scratch -f analytics-service/src/test/sql/running-counts-write-cost.sql
DO $$
DECLARE i int; t0 timestamptz; mode text; days int; base date;
BEGIN
  FOREACH mode IN ARRAY ARRAY['live-on','live-off','backfill-on','backfill-off'] LOOP
    days := CASE WHEN mode LIKE 'live%' THEN 1 ELSE 300 END;
    base := CASE mode WHEN 'live-on' THEN date '2025-06-10' WHEN 'live-off' THEN date '2025-06-11' WHEN 'backfill-on' THEN date '2024-01-01' ELSE date '2023-01-01' END;
    IF mode LIKE '%off' THEN
      ALTER TABLE rating_daily_count DISABLE TRIGGER USER; ALTER TABLE rating_daily_group_count DISABLE TRIGGER USER;
    ELSE
      ALTER TABLE rating_daily_count ENABLE TRIGGER USER; ALTER TABLE rating_daily_group_count ENABLE TRIGGER USER;
    END IF;
    t0 := clock_timestamp();
    FOR i IN 1..20 LOOP
      WITH r AS (
        SELECT 'council-' || floor(random() * 40)::int AS council, base + floor(random() * days)::int AS rated_on,
               (ARRAY['waste','council_tax','housing','planning','parking','libraries','benefits','highways'])[1 + floor(random() * 8)::int] AS service,
               (ARRAY['web','face_to_face','phone'])[1 + floor(random() * 3)::int] AS channel,
               1 + floor(random() * 3)::int AS score,
               (ARRAY['16_24','25_34','35_44','45_54','55_64','65_74','75_plus','prefer_not_to_say'])[1 + floor(random() * 8)::int] AS age,
               (ARRAY['female','male','prefer_not_to_say'])[1 + floor(random() * 3)::int] AS sex
        FROM generate_series(1, 1000)
      ), c AS (
        INSERT INTO rating_daily_count AS d (council, rated_on, service, channel, touchpoint, scale, score, ratings)
        SELECT council, rated_on, service, channel, '/' || service, 'faces-3', score, count(*) FROM r GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
        ON CONFLICT (council, rated_on, service, channel, touchpoint, scale, score) DO UPDATE SET ratings = d.ratings + EXCLUDED.ratings
      )
      INSERT INTO rating_daily_group_count AS d (council, question, rated_on, service, channel, touchpoint, answer, scale, score, ratings)
      SELECT council, q, rated_on, service, channel, '/' || service, a, 'faces-3', score, count(*)
      FROM r, LATERAL (VALUES ('age_band', age), ('sex', sex)) g(q, a) GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
      ON CONFLICT (council, question, rated_on, service, channel, touchpoint, answer, scale, score) DO UPDATE SET ratings = d.ratings + EXCLUDED.ratings;
    END LOOP;
    RAISE NOTICE '% : % ms per batch of 1000 ratings', mode, round(extract(epoch from clock_timestamp() - t0) * 1000 / 20, 1);
  END LOOP;
END $$;
