-- TRUNCATE of a daily count table empties its running counts. V90 did so with TRUNCATE, which fails when the same
-- command also truncates the running counts ("being used by active queries in this session"), as the slice
-- benchmark's generator does; DELETE works in both cases.
CREATE OR REPLACE FUNCTION rating_cumulative_counts_clear() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_TABLE_NAME = 'rating_daily_count' THEN
        DELETE FROM rating_cumulative_count;
    ELSE
        DELETE FROM rating_cumulative_group_count;
    END IF;
    RETURN NULL;
END $fn$;
