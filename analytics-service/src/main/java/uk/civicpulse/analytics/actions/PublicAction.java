package uk.civicpulse.analytics.actions;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/**
 * One "you said, we did" entry (CSE 1.2.2): what residents said and what the council did, in English and, where an
 * officer gave it, Welsh.
 *
 * @param service   the service it concerns, or null for the council as a whole
 * @param doneOn    when the council acted
 * @param published whether the public results page shows it
 */
public record PublicAction(long id, String council, @Nullable String service, String youSaidEn, String weDidEn,
                           @Nullable String youSaidCy, @Nullable String weDidCy, LocalDate doneOn, boolean published) {

    /** The text to show in the reader's language: Welsh where given, else the English. */
    public String youSaid(boolean welsh) {
        return welsh && hasWelsh() ? youSaidCy : youSaidEn;
    }

    public String weDid(boolean welsh) {
        return welsh && hasWelsh() ? weDidCy : weDidEn;
    }

    /** Whether both Welsh texts were given; otherwise a Welsh page shows the English, marked as English. */
    public boolean hasWelsh() {
        return youSaidCy != null && !youSaidCy.isBlank() && weDidCy != null && !weDidCy.isBlank();
    }
}
