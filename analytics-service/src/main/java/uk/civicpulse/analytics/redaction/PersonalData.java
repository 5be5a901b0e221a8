package uk.civicpulse.analytics.redaction;

/**
 * The kinds of personal data taken out of residents' comments, each with the placeholder that replaces it. When two
 * finders claim overlapping text, the kind declared first wins (an email address is never relabelled a name).
 */
public enum PersonalData {
    EMAIL("[email]"),
    REFERENCE("[reference]"),
    PHONE("[phone]"),
    POSTCODE("[postcode]"),
    NAME("[name]");

    private final String placeholder;

    PersonalData(String placeholder) {
        this.placeholder = placeholder;
    }

    public String placeholder() {
        return placeholder;
    }
}
