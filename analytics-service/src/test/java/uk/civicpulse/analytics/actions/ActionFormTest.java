package uk.civicpulse.analytics.actions;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActionFormTest {

    private static ActionForm form(String service, String youSaid, String weDid, String youSaidCy, String weDidCy, String doneOn) {
        return new ActionForm(service, youSaid, weDid, youSaidCy, weDidCy, doneOn, "true", null);
    }

    @Test
    void aCompleteFormHasNoMistakes() {
        assertTrue(form("waste", "Bins missed", "New round", "", "", "2026-03-01").errors().isEmpty());
        assertTrue(form("", "Bins missed", "New round", "Biniau", "Rownd newydd", "2026-03-01").errors().isEmpty());
    }

    @Test
    void eachMistakeIsNamedByItsFieldInTheOrderTheFieldsAppear() {
        Map<String, String> errors = form("Waste Dept", " ", null, "Dim ond un", "", "31/03/2026").errors();
        assertEquals(List.of("service", "youSaidEn", "weDidEn", "weDidCy", "doneOn"), List.copyOf(errors.keySet()));
        assertEquals("actions.error.welshPair", errors.get("weDidCy"));
    }

    @Test
    void textsOverAThousandCharactersAndImpossibleDatesAreRefused() {
        String long1001 = "a".repeat(1001);
        assertEquals("actions.error.tooLong", form(null, long1001, "x", null, null, "2026-03-01").errors().get("youSaidEn"));
        assertFalse(form(null, "a".repeat(1000), "x", null, null, "2026-03-01").errors().containsKey("youSaidEn"));
        assertEquals("actions.error.doneOn", form(null, "a", "b", null, null, "2026-02-30").errors().get("doneOn"));
        assertEquals("actions.error.doneOn", form(null, "a", "b", null, null, "1999-12-31").errors().get("doneOn"));
    }

    @Test
    void anUncheckedBoxIsNotPublished() {
        assertFalse(new ActionForm(null, "a", "b", null, null, "2026-03-01", null, null).publishes());
        assertTrue(new ActionForm(null, "a", "b", null, null, "2026-03-01", "on", null).publishes());
    }
}
