package uk.civicpulse.events;

/** Codes shared by every customer-group question. */
public final class CustomerGroups {

    /** A valid answer to every customer-group question; counted, never treated as missing. */
    public static final String PREFER_NOT_TO_SAY = "prefer_not_to_say";

    private CustomerGroups() {
    }
}
