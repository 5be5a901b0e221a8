package uk.civicpulse.analytics.actions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import uk.civicpulse.events.RatingSubmitted;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The action form as posted. Every field arrives as text so that a wrong value is shown back to the officer beside
 * its field rather than refused by the binder.
 *
 * @param csrfToken checked by the CSRF filter (when installed), ignored here
 */
@Serdeable
public record ActionForm(@Nullable String service, @Nullable String youSaidEn, @Nullable String weDidEn,
                         @Nullable String youSaidCy, @Nullable String weDidCy, @Nullable String doneOn,
                         @Nullable String published, @Nullable String csrfToken) {

    static final int MAX_LENGTH = 1000;

    static ActionForm empty(LocalDate today) {
        return new ActionForm("", "", "", "", "", today.toString(), "true", null);
    }

    static ActionForm of(PublicAction a) {
        return new ActionForm(a.service() == null ? "" : a.service(), a.youSaidEn(), a.weDidEn(),
                a.youSaidCy() == null ? "" : a.youSaidCy(), a.weDidCy() == null ? "" : a.weDidCy(), a.doneOn().toString(),
                a.published() ? "true" : null, null);
    }

    /** Message keys by field id, in the order the fields appear; empty when the form can be saved. */
    Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        String s = blankToNull(service);
        if (s != null && !RatingSubmitted.isCode(s)) {
            errors.put("service", "actions.error.service");
        }
        required(errors, "youSaidEn", youSaidEn, "actions.error.youSaidEn");
        required(errors, "weDidEn", weDidEn, "actions.error.weDidEn");
        boolean saidCy = blankToNull(youSaidCy) != null;
        boolean didCy = blankToNull(weDidCy) != null;
        if (saidCy != didCy) {
            errors.put(saidCy ? "weDidCy" : "youSaidCy", "actions.error.welshPair");
        }
        tooLong(errors, "youSaidCy", youSaidCy);
        tooLong(errors, "weDidCy", weDidCy);
        try {
            LocalDate day = LocalDate.parse(doneOn == null ? "" : doneOn.strip());
            if (day.getYear() < 2000 || day.isAfter(LocalDate.now().plusYears(1))) {
                errors.put("doneOn", "actions.error.doneOn");
            }
        } catch (DateTimeParseException e) {
            errors.put("doneOn", "actions.error.doneOn");
        }
        return errors;
    }

    private static void required(Map<String, String> errors, String field, String value, String key) {
        if (blankToNull(value) == null) {
            errors.put(field, key);
        } else {
            tooLong(errors, field, value);
        }
    }

    private static void tooLong(Map<String, String> errors, String field, String value) {
        if (value != null && value.strip().length() > MAX_LENGTH) {
            errors.putIfAbsent(field, "actions.error.tooLong");
        }
    }

    LocalDate doneOnDate() {
        return LocalDate.parse(doneOn.strip());
    }

    boolean publishes() {
        return published != null && (published.equals("true") || published.equals("on"));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
