-- What each council captures: its services and their scales, the "why?" reasons per service, and the
-- customer-group questions with their answers. Owned by survey-service; nothing else reads these tables.
CREATE TABLE council (
    code          text PRIMARY KEY CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
    name_en       text NOT NULL,
    name_cy       text,
    council_type  text NOT NULL
);

CREATE TABLE council_service (
    council   text NOT NULL REFERENCES council (code) ON DELETE CASCADE,
    code      text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
    name_en   text NOT NULL,
    name_cy   text,
    scale     text NOT NULL CHECK (scale IN ('faces-3', 'buttons-4', 'likert-5')),
    PRIMARY KEY (council, code)
);

CREATE TABLE service_reason (
    council   text NOT NULL,
    service   text NOT NULL,
    code      text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
    label_en  text NOT NULL,
    label_cy  text,
    position  int  NOT NULL DEFAULT 0,
    PRIMARY KEY (council, service, code),
    FOREIGN KEY (council, service) REFERENCES council_service (council, code) ON DELETE CASCADE
);

CREATE TABLE customer_group_question (
    council   text NOT NULL REFERENCES council (code) ON DELETE CASCADE,
    code      text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
    label_en  text NOT NULL,
    label_cy  text,
    position  int  NOT NULL DEFAULT 0,
    PRIMARY KEY (council, code)
);

CREATE TABLE customer_group_answer (
    council   text NOT NULL,
    question  text NOT NULL,
    code      text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,63}$' AND code <> 'prefer_not_to_say'),
    label_en  text NOT NULL,
    label_cy  text,
    position  int  NOT NULL DEFAULT 0,
    PRIMARY KEY (council, question, code),
    FOREIGN KEY (council, question) REFERENCES customer_group_question (council, code) ON DELETE CASCADE
);
