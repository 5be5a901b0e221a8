-- Improvement alerts: a Making Data Count rule broken on the high side of a p-chart (a sustained rise in
-- satisfaction), raised once per breach like a dip, worded as an improvement.
ALTER TABLE alert DROP CONSTRAINT alert_kind_check;
ALTER TABLE alert ADD CONSTRAINT alert_kind_check CHECK (kind IN ('dip', 'improvement', 'target_missed', 'standard_missed'));
