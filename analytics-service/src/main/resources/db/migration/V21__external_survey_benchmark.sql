-- An external survey wave's benchmark: a comparable proportion satisfied the officer supplies (for example the LGA
-- national residents' survey figure), around which the wave is placed on Spiegelhalter funnel limits.
ALTER TABLE external_survey ADD COLUMN benchmark double precision CHECK (benchmark >= 0 AND benchmark <= 1);
ALTER TABLE external_survey ADD COLUMN benchmark_source text;
