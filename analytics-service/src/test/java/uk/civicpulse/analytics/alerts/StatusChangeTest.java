package uk.civicpulse.analytics.alerts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A target or standard raises an alert when it becomes "not met", not while it stays so. */
class StatusChangeTest {

    @ParameterizedTest(name = "{0} -> {1}: newly missed {2}")
    @CsvSource(nullValues = "null", value = {
            "null, not_met, true",                 // first judged, and missed
            "unseen, not_met, true",
            "met, not_met, true",                  // newly missed
            "too_close_to_call, not_met, true",
            "no_responses, not_met, true",
            "not_met, not_met, false",             // still missed
            "not_met, met, false",                 // recovered
            "not_met, too_close_to_call, false",
            "met, met, false",
            "null, met, false",
            "met, too_close_to_call, false"})
    void onlyAChangeToNotMetIsNew(String previous, String current, boolean raised) {
        assertEquals(raised, StatusChange.newlyMissed(previous, current));
    }
}
