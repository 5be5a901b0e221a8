-- CSE criterion 5: contacts as the council's systems report them, the standards they are judged by, and the
-- working-day calendar those standards count in.

-- Which UK bank holidays a council keeps. A council without a row keeps England and Wales's.
CREATE TABLE council_calendar (
    council   text PRIMARY KEY REFERENCES council (code) ON DELETE CASCADE,
    division  text NOT NULL CHECK (division IN ('england-and-wales', 'scotland', 'northern-ireland'))
);

-- Days a council is closed beyond weekends and bank holidays (e.g. the days between Christmas and New Year).
CREATE TABLE council_closure_day (
    council      text NOT NULL REFERENCES council (code) ON DELETE CASCADE,
    day          date NOT NULL,
    description  text NOT NULL,
    PRIMARY KEY (council, day)
);

-- One row per contact: the same council and source id sent again (a re-import, a redelivery, an update when the
-- contact is resolved) updates the row; a time left out keeps the stored one. received_on is the Europe/London day.
CREATE TABLE contact (
    council                    text        NOT NULL,
    source_id                  text        NOT NULL,
    service                    text        NOT NULL,
    channel                    text        NOT NULL,
    contact_type               text        NOT NULL,
    received_at                timestamptz NOT NULL,
    received_on                date        NOT NULL,
    first_response_at          timestamptz,
    resolved_at                timestamptz,
    resolved_at_first_contact  boolean,
    updated_at                 timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (council, source_id)
);
-- Every results query is bounded by one council and a range of days.
CREATE INDEX contact_council_received_on ON contact (council, received_on);

-- Versions of each standard: a version applies to contacts received from its effective_from day until the next
-- version of the same code. Versions are never changed: a new standard is a new version.
CREATE TABLE timeliness_standard (
    council         text          NOT NULL REFERENCES council (code) ON DELETE CASCADE,
    code            text          NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
    effective_from  date          NOT NULL,
    service         text,
    channel         text,
    contact_type    text          NOT NULL,
    measure         text          NOT NULL CHECK (measure IN ('first_response', 'resolution')),
    limit_value     integer       NOT NULL CHECK (limit_value > 0),
    limit_unit      text          NOT NULL CHECK (limit_unit IN ('seconds', 'minutes', 'hours', 'working_days')),
    target_share    numeric(5, 4) NOT NULL CHECK (target_share > 0 AND target_share <= 1),
    promise_en      text          NOT NULL,
    promise_cy      text          NOT NULL,
    created_by      text,
    created_at      timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (council, code, effective_from)
);
