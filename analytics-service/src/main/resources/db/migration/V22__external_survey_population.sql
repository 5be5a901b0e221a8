-- The size of the population an external survey's respondents were drawn from (e.g. residents aged 16+, or the
-- contacts in the period), when the officer gives it: the interval then takes the finite population correction.
ALTER TABLE external_survey ADD COLUMN population bigint CHECK (population >= respondents);
