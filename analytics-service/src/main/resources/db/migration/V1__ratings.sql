-- Councils analytics-service knows: seeded by the platform (demo seed for now) and added on a council's first rating.
CREATE TABLE council (
    code        text PRIMARY KEY,
    name        text,
    first_seen  timestamptz NOT NULL DEFAULT now()
);

-- Every rating exactly once: the primary key on the client-chosen id makes a resubmission a no-op.
-- Comments and reasons stay here for drill-down and for erasing one rating on request.
CREATE TABLE rating (
    id              uuid PRIMARY KEY,
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
    submitted_at    timestamptz,
    received_at     timestamptz NOT NULL,
    rated_on        date        NOT NULL,
    ingested_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rating_council_day ON rating (council, rated_on);

-- Counts kept current by the consumer in the same transaction as the rating: statistics read these, not raw rows.
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

-- People who sign in to the officer API. Roles: officer, council_admin (their council), platform_admin (all).
CREATE TABLE officer (
    username       text PRIMARY KEY,
    password_hash  text NOT NULL,
    council        text REFERENCES council (code),
    role           text NOT NULL CHECK (role IN ('officer', 'council_admin', 'platform_admin')),
    CHECK (role = 'platform_admin' OR council IS NOT NULL)
);
