package uk.civicpulse.survey.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one council captures and how. Public: the widget and kiosk read it to draw the right scale, reasons,
 * questions and wording. Holds nothing secret (phone line secrets live in {@link IvrLine}, never here).
 *
 * @param languages        the languages the widget offers, first is the default, e.g. ["en", "cy"]
 * @param strings          the council's own wording, language to string key to text, overriding the widget's
 * @param kiosk            kiosk behaviour for the council's kiosks unless a touchpoint overrides it
 * @param kioskTouchpoints the council's reception kiosks by touchpoint code, with their effective kiosk behaviour
 * @param allowedOrigins   web origins whose pages may post this council's ratings from a browser
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CouncilSettings(
        String code,
        String name,
        String nameWelsh,
        String councilType,
        Map<String, ServiceSettings> services,
        Map<String, CustomerGroupQuestion> customerGroupQuestions,
        List<String> languages,
        Map<String, Map<String, String>> strings,
        Kiosk kiosk,
        Map<String, KioskTouchpoint> kioskTouchpoints,
        List<String> allowedOrigins) {

    public Optional<ServiceSettings> service(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(services.get(code));
    }

    public Optional<CustomerGroupQuestion> question(String code) {
        return Optional.ofNullable(customerGroupQuestions.get(code));
    }

    public boolean allowsOrigin(String origin) {
        return allowedOrigins.contains(origin);
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ServiceSettings(String code, String name, String nameWelsh, String scale, List<Label> reasons) {

        public boolean hasReason(String code) {
            for (Label reason : reasons) {
                if (reason.code().equals(code)) {
                    return true;
                }
            }
            return false;
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CustomerGroupQuestion(String code, String label, String labelWelsh, List<Label> answers) {

        public boolean hasAnswer(String code) {
            for (Label answer : answers) {
                if (answer.code().equals(code)) {
                    return true;
                }
            }
            return false;
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Label(String code, String english, String welsh) {
    }

    /**
     * @param minimumIntervalSeconds presses on one kiosk closer together than this count once
     * @param idleSeconds            the kiosk goes back to its start after this long untouched
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Kiosk(int minimumIntervalSeconds, int idleSeconds) {
    }

    /** A reception tablet: {@code code} is the touchpoint of its ratings on channel face_to_face. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record KioskTouchpoint(String code, String name, String service, Kiosk kiosk) {
    }
}
