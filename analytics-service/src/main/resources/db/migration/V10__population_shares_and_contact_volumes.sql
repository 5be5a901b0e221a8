-- What a council knows about the people it serves, for weighting and representativeness: the population share of
-- each answer to a customer-group question (for example census age bands), managed by the council's admins.
CREATE TABLE population_share (
    council   text             NOT NULL REFERENCES council (code) ON DELETE CASCADE,
    question  text             NOT NULL,
    answer    text             NOT NULL,
    share     double precision NOT NULL CHECK (share >= 0 AND share <= 1),
    source    text,
    PRIMARY KEY (council, question, answer)
);

-- How many contacts each service had on each channel in each month: the population N behind the finite population
-- correction, and the denominator of the response rate.
CREATE TABLE contact_volume (
    council   text   NOT NULL REFERENCES council (code) ON DELETE CASCADE,
    month     date   NOT NULL CHECK (extract(day FROM month) = 1),
    service   text   NOT NULL,
    channel   text   NOT NULL,
    contacts  bigint NOT NULL CHECK (contacts >= 0),
    PRIMARY KEY (council, month, service, channel)
);
