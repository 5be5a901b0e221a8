package uk.civicpulse.survey.admin;

import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * Everything a council admin sets about capture, read and replaced as one document through the admin API. On a
 * replace every part is required (an empty list clears it), so nothing is wiped by a field left out by mistake.
 *
 * @param services               the services residents rate, each with its scale and "why?" reasons
 * @param customerGroupQuestions the council's optional questions about the resident (each also has "prefer not to say")
 * @param allowedOrigins         web origins (scheme://host[:port]) whose pages may post this council's ratings
 * @param languages              languages the widget offers, the first being the default: "en" and/or "cy"
 * @param strings                the council's wording, language to string key to text, overriding the widget's own
 * @param kiosk                  kiosk behaviour for the council
 * @param kioskTouchpoints       the council's reception kiosks
 * @param ivrLines               the council's phone lines with a post-call survey
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CaptureSettingsDocument(
        @Nullable List<Service> services,
        @Nullable List<Question> customerGroupQuestions,
        @Nullable List<String> allowedOrigins,
        @Nullable List<String> languages,
        @Nullable Map<String, Map<String, String>> strings,
        @Nullable Kiosk kiosk,
        @Nullable List<KioskTouchpoint> kioskTouchpoints,
        @Nullable List<IvrLine> ivrLines) {

    /** @param scale faces-3, buttons-4 or likert-5 */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Service(@Nullable String code, @Nullable String name, @Nullable String nameWelsh, @Nullable String scale,
                          @Nullable List<Label> reasons) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Question(@Nullable String code, @Nullable String label, @Nullable String labelWelsh,
                           @Nullable List<Label> answers) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Label(@Nullable String code, @Nullable String english, @Nullable String welsh) {
    }

    /**
     * @param minimumIntervalSeconds presses on one kiosk closer together than this count once (0 to 3600)
     * @param idleSeconds            back to the start after this long untouched (5 to 3600)
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Kiosk(@Nullable Integer minimumIntervalSeconds, @Nullable Integer idleSeconds) {
    }

    /** A kiosk; either interval left null follows the council's kiosk settings. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record KioskTouchpoint(@Nullable String code, @Nullable String name, @Nullable String service,
                                  @Nullable Integer minimumIntervalSeconds, @Nullable Integer idleSeconds) {
    }

    /**
     * A phone line. {@code secret} is write-only: left null on a replace it keeps the line's current secret (a new
     * line needs one); on reading it is always null and {@code secretSet} says whether one is held.
     *
     * @param digits keypad digit ("0"-"9", "*", "#") to score on the service's scale
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record IvrLine(@Nullable String line, @Nullable String service, @Nullable Map<String, Integer> digits,
                          @Nullable String secret, @Nullable Boolean secretSet) {
    }
}
