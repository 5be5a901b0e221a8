-- Each service owns its database; neither reads the other's tables.
CREATE DATABASE civic_pulse_survey;
CREATE DATABASE civic_pulse_analytics;
