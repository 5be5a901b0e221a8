package uk.civicpulse.analytics.web;

/** A query parameter is wrong; answered 400 with a problem naming it. */
public class BadParameterException extends RuntimeException {

    private final String parameter;

    public BadParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
