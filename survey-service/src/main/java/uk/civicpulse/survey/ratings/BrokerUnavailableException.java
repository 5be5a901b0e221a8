package uk.civicpulse.survey.ratings;

/** The broker did not acknowledge a rating in time; the client keeps it and retries with the same id. */
public class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(Throwable cause) {
        super("the rating could not be stored just now", cause);
    }
}
