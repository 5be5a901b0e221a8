package uk.civicpulse.survey.form;

import org.junit.jupiter.api.Test;
import uk.civicpulse.events.Scale;
import uk.civicpulse.survey.settings.CouncilSettings;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The council's wording over ours, per language, and the council's languages only. */
class WordsTest {

    private static CouncilSettings council(List<String> languages, Map<String, Map<String, String>> strings) {
        return new CouncilSettings("northmoor", "Northmoor", null, "district", Map.of(), Map.of(), languages, strings,
                new CouncilSettings.Kiosk(3, 30), Map.of(), List.of());
    }

    @Test
    void theCouncilsWordsWinInTheirOwnLanguageAndOursFillTheRest() {
        CouncilSettings c = council(List.of("en", "cy"), Map.of("en", Map.of("q", "100% honest: how was {s}?", "faces-3.3", "Great")));
        Words en = Words.of(c, "en");
        assertEquals("100% honest: how was Bins?", en.get("q", "Bins"), "a % in a council's text is only text");
        assertEquals("Great", en.scalePoint(Scale.FACES_3, Scale.FACES_3.points().get(2)));
        assertEquals("Average", en.scalePoint(Scale.FACES_3, Scale.FACES_3.points().get(1)));
        assertEquals("Send", en.get("send"));
        Words cy = Words.of(c, "cy");
        assertEquals("Sut oedd eich profiad o Biniau?", cy.get("q", "Biniau"), "an English override never reaches Welsh");
        assertEquals("Da", cy.scalePoint(Scale.FACES_3, Scale.FACES_3.points().get(2)));
    }

    @Test
    void onlyTheCouncilsLanguagesAreOfferedItsFirstBeingTheDefault() {
        CouncilSettings welshFirst = council(List.of("cy", "en"), Map.of());
        assertEquals("cy", Words.language(null, welshFirst));
        assertEquals("en", Words.language("en", welshFirst));
        assertEquals("cy", Words.language("fr", welshFirst));
        CouncilSettings welshOnly = council(List.of("cy"), Map.of());
        assertEquals("cy", Words.language("en", welshOnly));
        assertEquals(List.of("cy"), Words.offered(welshOnly));
        assertEquals(List.of("en", "cy"), Words.offered(council(List.of(), Map.of())), "none given: both, English first");
    }
}
