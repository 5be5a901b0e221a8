-- Two writers (two analytics instances, or the consumer and an import) may meet a new month at the same moment; the
-- second CREATE TABLE then waits for the first and fails with "already exists" once the first commits, failing its
-- whole batch. The second now finds the partition made and goes on.
CREATE OR REPLACE FUNCTION ensure_rating_partitions(days date[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    month date;
BEGIN
    FOR month IN SELECT DISTINCT date_trunc('month', d)::date FROM unnest(days) AS d LOOP
        BEGIN
            EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF rating FOR VALUES FROM (%L) TO (%L)',
                           'rating_' || to_char(month, 'YYYY_MM'), month, (month + interval '1 month')::date);
        EXCEPTION WHEN duplicate_table OR unique_violation THEN
            NULL; -- made by a concurrent writer that committed first
        END;
    END LOOP;
END $$;
