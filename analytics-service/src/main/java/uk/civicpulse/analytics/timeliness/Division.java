package uk.civicpulse.analytics.timeliness;

import java.util.Arrays;
import java.util.Optional;

/** The three sets of UK bank holidays, named as GOV.UK's bank-holidays.json names them. */
public enum Division {
    ENGLAND_AND_WALES("england-and-wales"),
    SCOTLAND("scotland"),
    NORTHERN_IRELAND("northern-ireland");

    private final String code;

    Division(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Division> fromCode(String code) {
        return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
    }
}
