package uk.civicpulse.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScaleTest {

    @Test
    void facesCountOnlyGoodAsSatisfiedAsGovMetricDoes() {
        assertEquals(List.of(false, false, true), Scale.FACES_3.points().stream().map(ScalePoint::satisfied).toList());
        assertEquals(List.of(-1, 0, 1), Scale.FACES_3.points().stream().map(ScalePoint::net).toList());
        assertEquals(List.of(0.0, 50.0, 100.0), Scale.FACES_3.points().stream().map(ScalePoint::rescaled).toList());
    }

    @Test
    void buttonsCountBothHappyButtonsAsSatisfied() {
        assertEquals(List.of(false, false, true, true), Scale.BUTTONS_4.points().stream().map(ScalePoint::satisfied).toList());
        assertEquals(List.of(-1, -1, 1, 1), Scale.BUTTONS_4.points().stream().map(ScalePoint::net).toList());
    }

    @Test
    void likertRescalesAsGovUkDoes() {
        assertEquals(List.of(0.0, 25.0, 50.0, 75.0, 100.0), Scale.LIKERT_5.points().stream().map(ScalePoint::rescaled).toList());
        assertEquals(List.of(false, false, false, true, true), Scale.LIKERT_5.points().stream().map(ScalePoint::satisfied).toList());
    }

    @ParameterizedTest
    @EnumSource(Scale.class)
    void scoresRunFromOneToTheSizeAndHaveLabelsInBothLanguages(Scale scale) {
        for (int score = 1; score <= scale.size(); score++) {
            ScalePoint point = scale.point(score);
            assertEquals(score, point.score());
            assertFalse(point.english().isBlank());
            assertFalse(point.welsh().isBlank());
        }
        assertTrue(scale.isSatisfied(scale.size()));
        assertFalse(scale.isSatisfied(1));
        assertThrows(IllegalArgumentException.class, () -> scale.point(0));
        assertThrows(IllegalArgumentException.class, () -> scale.point(scale.size() + 1));
        assertEquals(scale, Scale.fromCode(scale.code()).orElseThrow());
    }
}
