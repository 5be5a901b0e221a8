-- "You said, we did" (CSE 1.2.2): what residents told a council and what it did about it, entered by the council's
-- officers and published on its public results page in English and, where given, Welsh.
CREATE TABLE public_action (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    council      text        NOT NULL REFERENCES council (code) ON DELETE CASCADE,
    service      text,
    you_said_en  text        NOT NULL CHECK (length(you_said_en) BETWEEN 1 AND 1000),
    we_did_en    text        NOT NULL CHECK (length(we_did_en) BETWEEN 1 AND 1000),
    you_said_cy  text        CHECK (length(you_said_cy) <= 1000),
    we_did_cy    text        CHECK (length(we_did_cy) <= 1000),
    done_on      date        NOT NULL,
    published    boolean     NOT NULL DEFAULT true,
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_by   text,
    updated_at   timestamptz
);
CREATE INDEX public_action_council ON public_action (council, done_on DESC);
