-- Satisfaction targets (CSE 1.3.4): the proportion satisfied a council aims for per service and channel. The
-- channel 'all' applies to every channel of the service that has no target of its own.
CREATE TABLE satisfaction_target (
    council     text             NOT NULL REFERENCES council (code) ON DELETE CASCADE,
    service     text             NOT NULL CHECK (service ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
    channel     text             NOT NULL CHECK (channel IN ('all', 'web', 'face_to_face', 'phone')),
    target      double precision NOT NULL CHECK (target >= 0 AND target <= 1),
    updated_by  text             NOT NULL,
    updated_at  timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (council, service, channel)
);

-- Counts from surveys run outside the platform (a residents' survey by a polling firm, a paper survey at an
-- event). Waves of the same survey share a title and are ordered by the last day of fieldwork.
CREATE TABLE external_survey (
    id            uuid             PRIMARY KEY,
    council       text             NOT NULL REFERENCES council (code) ON DELETE CASCADE,
    title         text             NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    wave          text             NOT NULL CHECK (length(wave) BETWEEN 1 AND 100),
    fielded_from  date             NOT NULL,
    fielded_to    date             NOT NULL CHECK (fielded_to >= fielded_from),
    service       text,
    respondents   bigint           NOT NULL CHECK (respondents >= 0),
    satisfied     bigint           NOT NULL CHECK (satisfied >= 0 AND satisfied <= respondents),
    target        double precision CHECK (target >= 0 AND target <= 1),
    groups        jsonb            NOT NULL DEFAULT '[]',
    submitted_by  text             NOT NULL,
    submitted_at  timestamptz      NOT NULL DEFAULT now(),
    UNIQUE (council, title, wave)
);
CREATE INDEX external_survey_council ON external_survey (council, title, fielded_to);
