-- The languages a council works in, in its order (ISO 639-1: 'en', 'cy'). A council whose languages include Welsh
-- gets its alert emails in Welsh and English, Welsh first (Welsh Language Standards). Set by the platform admin
-- (PUT /api/v1/admin/councils/{code}); English alone until then.
ALTER TABLE council ADD COLUMN languages text[] NOT NULL DEFAULT ARRAY['en']
    CHECK (cardinality(languages) > 0 AND languages <@ ARRAY['en', 'cy']);

-- Alert email delivery: a send that fails is kept and tried again, with backoff, until it goes. An alert is due
-- while emailed_at is null and email_next_at has passed; a sender claims it by moving email_next_at on (a lease),
-- so two instances never send the same alert at once. email_next_at null: nothing to send (sent, or not to be
-- emailed, with the reason in email_error). Alerts raised before this migration are not sent late.
ALTER TABLE alert ADD COLUMN email_next_at timestamptz;
ALTER TABLE alert ALTER COLUMN email_next_at SET DEFAULT now();
ALTER TABLE alert ADD COLUMN email_attempts integer NOT NULL DEFAULT 0;
ALTER TABLE alert ADD COLUMN email_error text;
CREATE INDEX alert_email_due ON alert (email_next_at) WHERE emailed_at IS NULL AND email_next_at IS NOT NULL;
