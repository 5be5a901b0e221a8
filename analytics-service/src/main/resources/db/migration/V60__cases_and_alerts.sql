-- Cases (CSE 4.3, 5.2.5): a rating at the bottom of its scale (score 1: "Poor", "Very unhappy", "Very dissatisfied")
-- with a comment opens one case, in the same transaction that stores the rating, so a redelivered rating opens none.
-- The comment is not copied: it is read from the rating, so erasing the rating erases it from the case too.
CREATE TABLE service_case (
    id           bigserial   PRIMARY KEY,
    council      text        NOT NULL,
    rating_id    uuid        NOT NULL UNIQUE,
    rated_on     date        NOT NULL,
    service      text        NOT NULL,
    channel      text        NOT NULL,
    touchpoint   text        NOT NULL,
    scale        text        NOT NULL,
    score        smallint    NOT NULL,
    status       text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    assigned_to  text,
    response     text,
    -- when the resident gave the rating: time to close runs from here
    opened_at    timestamptz NOT NULL,
    closed_at    timestamptz,
    CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX service_case_council ON service_case (council, status, opened_at);

-- Every step of a case, with who took it and when.
CREATE TABLE service_case_event (
    id       bigserial   PRIMARY KEY,
    case_id  bigint      NOT NULL REFERENCES service_case (id) ON DELETE CASCADE,
    kind     text        NOT NULL CHECK (kind IN ('opened', 'assigned', 'noted', 'responded', 'closed')),
    actor    text        NOT NULL,
    detail   text,
    at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX service_case_event_case ON service_case_event (case_id, at);

-- Alerts: one row per breach, whatever the number of evaluations or instances that see it (alert_key is unique).
CREATE TABLE alert (
    id               bigserial        PRIMARY KEY,
    council          text             NOT NULL,
    alert_key        text             NOT NULL UNIQUE,
    kind             text             NOT NULL CHECK (kind IN ('dip', 'target_missed', 'standard_missed')),
    service          text,
    channel          text,
    -- the Making Data Count rule, or the target, or the standard's code
    rule             text             NOT NULL,
    period_from      date             NOT NULL,
    period_to        date             NOT NULL,
    figure           double precision,
    lower            double precision,
    upper            double precision,
    n                bigint           NOT NULL,
    -- the line the figure was judged against: the control limit, the target or the standard's target share
    threshold        double precision,
    summary          text             NOT NULL,
    raised_at        timestamptz      NOT NULL DEFAULT now(),
    emailed_at       timestamptz,
    acknowledged_by  text,
    acknowledged_at  timestamptz
);
CREATE INDEX alert_council ON alert (council, raised_at DESC);

-- The last status seen of each target and standard, so that only a change to "not met" raises an alert; misses
-- counts the times it has become "not met", which keys each alert.
CREATE TABLE alert_watch (
    council     text        NOT NULL,
    kind        text        NOT NULL,
    subject     text        NOT NULL,
    status      text        NOT NULL,
    misses      integer     NOT NULL DEFAULT 0,
    checked_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (council, kind, subject)
);

-- Who is emailed a council's alerts (set by its council admin).
CREATE TABLE alert_recipient (
    council   text        NOT NULL,
    email     text        NOT NULL,
    added_by  text        NOT NULL,
    added_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (council, email)
);
