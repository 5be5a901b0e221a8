-- Keys that let a council's systems (telephony, CRM, scripts) send contacts to POST /api/v1/contacts. Only a SHA-256
-- of each key is kept; a key is shown once, when it is made. A key sends contacts for its own council only.
CREATE TABLE integration_key (
    key_sha256   text PRIMARY KEY CHECK (key_sha256 ~ '^[0-9a-f]{64}$'),
    council      text NOT NULL REFERENCES council (code) ON DELETE CASCADE,
    description  text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    revoked_at   timestamptz
);
CREATE INDEX integration_key_council ON integration_key (council);
