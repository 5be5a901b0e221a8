-- Councils analytics-service knows: seeded by the platform (demo seed for now) and added on a council's first rating.
CREATE TABLE council (
    code          text PRIMARY KEY,
    name          text,
    council_type  text,
    first_seen    timestamptz NOT NULL DEFAULT now()
);

-- One row per rating id ever accepted, kept even when the rating is erased: this is what makes a redelivered or
-- resubmitted rating a no-op, and what lets the raw ratings be partitioned by month (a partitioned table cannot
-- have a unique key without its partition key).
CREATE TABLE rating_receipt (
    id        uuid PRIMARY KEY,
    council   text NOT NULL,
    rated_on  date NOT NULL
);

-- The raw ratings, partitioned by month of the day they were given (Europe/London). Comments and reasons stay
-- here for drill-down and for erasing one rating on request. Statistics never scan this table.
CREATE TABLE rating (
    id              uuid        NOT NULL,
    council         text        NOT NULL,
    service         text        NOT NULL,
    channel         text        NOT NULL,
    touchpoint      text        NOT NULL,
    scale           text        NOT NULL,
    score           smallint    NOT NULL,
    reasons         text[]      NOT NULL DEFAULT '{}',
    comment         text,
    key_areas       jsonb       NOT NULL DEFAULT '{}',
    customer_group  jsonb       NOT NULL DEFAULT '{}',
    agent_entered   boolean     NOT NULL DEFAULT false,
    submitted_at    timestamptz,
    received_at     timestamptz NOT NULL,
    enriched_at     timestamptz,
    rated_on        date        NOT NULL,
    ingested_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id, rated_on)
) PARTITION BY RANGE (rated_on);
CREATE INDEX rating_council_day ON rating (council, rated_on);

-- Creates the monthly partitions that the given days fall in, where missing. Called by the consumer before a batch.
CREATE FUNCTION ensure_rating_partitions(days date[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    month date;
BEGIN
    FOR month IN SELECT DISTINCT date_trunc('month', d)::date FROM unnest(days) AS d LOOP
        EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF rating FOR VALUES FROM (%L) TO (%L)',
                       'rating_' || to_char(month, 'YYYY_MM'), month, (month + interval '1 month')::date);
    END LOOP;
END $$;

-- Counts kept current by the consumer in the same transaction as the ratings: statistics read these.
CREATE TABLE rating_daily_count (
    council     text     NOT NULL,
    rated_on    date     NOT NULL,
    service     text     NOT NULL,
    channel     text     NOT NULL,
    touchpoint  text     NOT NULL,
    scale       text     NOT NULL,
    score       smallint NOT NULL,
    ratings     bigint   NOT NULL CHECK (ratings >= 0),
    PRIMARY KEY (council, rated_on, service, channel, touchpoint, scale, score)
);

-- The same counts broken down by the answer to one customer-group question (a rating with three answers adds to
-- three rows). Unanswered questions add nothing; "prefer_not_to_say" is an answer.
CREATE TABLE rating_daily_group_count (
    council     text     NOT NULL,
    rated_on    date     NOT NULL,
    service     text     NOT NULL,
    channel     text     NOT NULL,
    touchpoint  text     NOT NULL,
    question    text     NOT NULL,
    answer      text     NOT NULL,
    scale       text     NOT NULL,
    score       smallint NOT NULL,
    ratings     bigint   NOT NULL CHECK (ratings >= 0),
    PRIMARY KEY (council, question, rated_on, service, channel, touchpoint, answer, scale, score)
);

-- People who sign in to the officer API. Roles: officer, council_admin (their council), platform_admin (all).
CREATE TABLE officer (
    username       text PRIMARY KEY,
    password_hash  text NOT NULL,
    council        text REFERENCES council (code),
    role           text NOT NULL CHECK (role IN ('officer', 'council_admin', 'platform_admin')),
    CHECK (role = 'platform_admin' OR council IS NOT NULL)
);
