package uk.civicpulse.analytics.web;

/** A field of a request body is wrong; answered 400 with a problem naming it. */
public class BadFieldException extends RuntimeException {

    private final String field;

    public BadFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
