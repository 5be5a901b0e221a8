package uk.civicpulse.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The rating scales a council can choose. Scores run from 1 (worst) to {@link #size()} (best).
 * <p>
 * "Satisfied" is the scale's top box: the best answer on three faces (as GovMetric reports "Good"),
 * the two happy buttons of four (HappyOrNot's positive share), and "satisfied" or "very satisfied" on
 * the five-point scale (as GOV.UK reports user satisfaction). Net satisfaction weights each answer
 * +1, 0 or -1 (GovMetric's net score). The rescaled mean puts the worst answer at 0 and the best
 * at 100 with equal steps between, as GOV.UK's satisfaction score does.
 */
public enum Scale {
    FACES_3("faces-3", List.of(
            point(1, "poor", "Poor", "Gwael", false, -1, 3),
            point(2, "average", "Average", "Cyfartalog", false, 0, 3),
            point(3, "good", "Good", "Da", true, 1, 3))),
    BUTTONS_4("buttons-4", List.of(
            point(1, "very_unhappy", "Very unhappy", "Anhapus iawn", false, -1, 4),
            point(2, "unhappy", "Unhappy", "Anhapus", false, -1, 4),
            point(3, "happy", "Happy", "Hapus", true, 1, 4),
            point(4, "very_happy", "Very happy", "Hapus iawn", true, 1, 4))),
    LIKERT_5("likert-5", List.of(
            point(1, "very_dissatisfied", "Very dissatisfied", "Anfodlon iawn", false, -1, 5),
            point(2, "dissatisfied", "Dissatisfied", "Anfodlon", false, -1, 5),
            point(3, "neither", "Neither satisfied nor dissatisfied", "Ddim yn fodlon nac yn anfodlon", false, 0, 5),
            point(4, "satisfied", "Satisfied", "Bodlon", true, 1, 5),
            point(5, "very_satisfied", "Very satisfied", "Bodlon iawn", true, 1, 5)));

    private final String code;
    private final List<ScalePoint> points;

    Scale(String code, List<ScalePoint> points) {
        this.code = code;
        this.points = points;
    }

    private static ScalePoint point(int score, String code, String english, String welsh, boolean satisfied, int net, int size) {
        return new ScalePoint(score, code, english, welsh, satisfied, net, 100.0 * (score - 1) / (size - 1));
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The answers from worst to best. */
    public List<ScalePoint> points() {
        return points;
    }

    public int size() {
        return points.size();
    }

    public boolean isValidScore(int score) {
        return score >= 1 && score <= size();
    }

    /** @throws IllegalArgumentException if the score is not on this scale */
    public ScalePoint point(int score) {
        if (!isValidScore(score)) {
            throw new IllegalArgumentException("score " + score + " is not on scale " + code + " (1-" + size() + ")");
        }
        return points.get(score - 1);
    }

    public boolean isSatisfied(int score) {
        return point(score).satisfied();
    }

    public static Optional<Scale> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    @JsonCreator
    static Scale fromJson(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException("unknown scale: " + code));
    }
}
