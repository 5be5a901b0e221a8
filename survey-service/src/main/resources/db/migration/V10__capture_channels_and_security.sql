-- Issue 3: what each council allows beyond services and questions: the web origins that may embed the widget,
-- the languages and wording it shows, its reception kiosks, and its phone (IVR) lines.

-- Languages the council's widget offers, in order; English and Welsh by default.
ALTER TABLE council ADD COLUMN languages text[] NOT NULL DEFAULT ARRAY['en', 'cy'];
-- Kiosk behaviour for the whole council; a kiosk touchpoint may override either.
ALTER TABLE council ADD COLUMN kiosk_minimum_interval_seconds int NOT NULL DEFAULT 3 CHECK (kiosk_minimum_interval_seconds BETWEEN 0 AND 3600);
ALTER TABLE council ADD COLUMN kiosk_idle_seconds int NOT NULL DEFAULT 30 CHECK (kiosk_idle_seconds BETWEEN 5 AND 3600);

-- Web origins (scheme://host[:port]) whose pages may post this council's ratings from a browser.
CREATE TABLE council_allowed_origin (
    council  text NOT NULL REFERENCES council (code) ON DELETE CASCADE,
    origin   text NOT NULL CHECK (origin ~ '^https?://[^/?#\s]+$'),
    PRIMARY KEY (council, origin)
);

-- The council's own wording for any widget or kiosk string, per language.
CREATE TABLE council_string (
    council   text NOT NULL REFERENCES council (code) ON DELETE CASCADE,
    language  text NOT NULL CHECK (language ~ '^[a-z]{2,3}$'),
    key       text NOT NULL CHECK (key ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$'),
    text      text NOT NULL CHECK (length(text) <= 2000),
    PRIMARY KEY (council, language, key)
);

-- A reception tablet: its touchpoint code is the rating's touchpoint on channel face_to_face.
CREATE TABLE kiosk_touchpoint (
    council                   text NOT NULL REFERENCES council (code) ON DELETE CASCADE,
    code                      text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
    name                      text NOT NULL,
    service                   text NOT NULL,
    minimum_interval_seconds  int CHECK (minimum_interval_seconds BETWEEN 0 AND 3600),
    idle_seconds              int CHECK (idle_seconds BETWEEN 5 AND 3600),
    PRIMARY KEY (council, code),
    FOREIGN KEY (council, service) REFERENCES council_service (council, code) ON DELETE CASCADE
);

-- A phone line whose post-call survey the telephony platform reports through the IVR webhook. The line code is
-- unique across councils: the webhook names only the line. The shared secret signs the platform's posts.
CREATE TABLE ivr_line (
    line      text PRIMARY KEY CHECK (line ~ '^[A-Za-z0-9+][A-Za-z0-9_+-]{0,63}$'),
    council   text NOT NULL REFERENCES council (code) ON DELETE CASCADE,
    service   text NOT NULL,
    secret    text NOT NULL CHECK (length(secret) >= 16),
    FOREIGN KEY (council, service) REFERENCES council_service (council, code) ON DELETE CASCADE
);

-- Which keypad digit means which score on the line's service scale.
CREATE TABLE ivr_digit (
    line   text NOT NULL REFERENCES ivr_line (line) ON DELETE CASCADE,
    digit  text NOT NULL CHECK (digit ~ '^[0-9*#]$'),
    score  int  NOT NULL CHECK (score BETWEEN 1 AND 5),
    PRIMARY KEY (line, digit)
);
