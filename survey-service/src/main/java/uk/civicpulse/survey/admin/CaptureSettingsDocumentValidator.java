package uk.civicpulse.survey.admin;

import uk.civicpulse.events.CustomerGroups;
import uk.civicpulse.events.FieldError;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.events.Scale;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Everything wrong with a capture settings document, each problem named by its field path. Pure: no database. */
public final class CaptureSettingsDocumentValidator {

    static final Set<String> LANGUAGES = Set.of("en", "cy");
    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 2000;
    static final int MAX_ORIGINS = 50;
    static final Pattern STRING_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
    static final Pattern LINE = Pattern.compile("[A-Za-z0-9+][A-Za-z0-9_+-]{0,63}");
    static final Pattern DIGIT = Pattern.compile("[0-9*#]");
    static final Pattern ORIGIN = Pattern.compile("https?://[a-z0-9.-]+(:[0-9]{1,5})?|https?://\\[[0-9a-f:]+\\](:[0-9]{1,5})?");

    private CaptureSettingsDocumentValidator() {
    }

    public static List<FieldError> validate(CaptureSettingsDocument d) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Scale> services = new HashMap<>();
        if (required(d.services(), "services", errors)) {
            for (int i = 0; i < d.services().size(); i++) {
                CaptureSettingsDocument.Service s = d.services().get(i);
                String at = "services[" + i + "]";
                if (s == null) {
                    errors.add(new FieldError(at, "is required"));
                    continue;
                }
                code(s.code(), at + ".code", errors);
                if (s.code() != null && services.containsKey(s.code())) {
                    errors.add(new FieldError(at + ".code", "'" + s.code() + "' is given more than once"));
                }
                name(s.name(), at + ".name", true, errors);
                name(s.nameWelsh(), at + ".nameWelsh", false, errors);
                Optional<Scale> scale = Optional.ofNullable(s.scale()).flatMap(Scale::fromCode);
                if (scale.isEmpty()) {
                    errors.add(new FieldError(at + ".scale", "must be one of faces-3, buttons-4, likert-5"));
                }
                if (s.code() != null) {
                    services.put(s.code(), scale.orElse(null));
                }
                labels(s.reasons(), at + ".reasons", errors);
            }
        }
        if (required(d.customerGroupQuestions(), "customerGroupQuestions", errors)) {
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < d.customerGroupQuestions().size(); i++) {
                CaptureSettingsDocument.Question q = d.customerGroupQuestions().get(i);
                String at = "customerGroupQuestions[" + i + "]";
                if (q == null) {
                    errors.add(new FieldError(at, "is required"));
                    continue;
                }
                code(q.code(), at + ".code", errors);
                if (q.code() != null && !codes.add(q.code())) {
                    errors.add(new FieldError(at + ".code", "'" + q.code() + "' is given more than once"));
                }
                name(q.label(), at + ".label", true, errors);
                name(q.labelWelsh(), at + ".labelWelsh", false, errors);
                labels(q.answers(), at + ".answers", errors);
                if (q.answers() != null) {
                    for (int j = 0; j < q.answers().size(); j++) {
                        CaptureSettingsDocument.Label a = q.answers().get(j);
                        if (a != null && CustomerGroups.PREFER_NOT_TO_SAY.equals(a.code())) {
                            errors.add(new FieldError(at + ".answers[" + j + "].code",
                                    "prefer_not_to_say is offered with every question already"));
                        }
                    }
                }
            }
        }
        if (required(d.allowedOrigins(), "allowedOrigins", errors)) {
            if (d.allowedOrigins().size() > MAX_ORIGINS) {
                errors.add(new FieldError("allowedOrigins", "at most " + MAX_ORIGINS + " origins"));
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < d.allowedOrigins().size(); i++) {
                String o = d.allowedOrigins().get(i);
                if (o == null || !ORIGIN.matcher(o).matches() || !validPort(o)) {
                    errors.add(new FieldError("allowedOrigins[" + i + "]",
                            "must be an origin: scheme, lower-case host and optional port, no path, e.g. https://www.northmoor.gov.uk"));
                } else if (!seen.add(o)) {
                    errors.add(new FieldError("allowedOrigins[" + i + "]", "'" + o + "' is given more than once"));
                }
            }
        }
        Set<String> languages = new HashSet<>();
        if (required(d.languages(), "languages", errors)) {
            if (d.languages().isEmpty()) {
                errors.add(new FieldError("languages", "needs at least one language"));
            }
            for (int i = 0; i < d.languages().size(); i++) {
                String l = d.languages().get(i);
                if (l == null || !LANGUAGES.contains(l)) {
                    errors.add(new FieldError("languages[" + i + "]", "must be en or cy"));
                } else if (!languages.add(l)) {
                    errors.add(new FieldError("languages[" + i + "]", "'" + l + "' is given more than once"));
                }
            }
        }
        if (required(d.strings(), "strings", errors)) {
            d.strings().forEach((language, texts) -> {
                if (!languages.contains(language)) {
                    errors.add(new FieldError("strings." + language, "is not one of the council's languages"));
                    return;
                }
                if (texts == null) {
                    errors.add(new FieldError("strings." + language, "must be an object of string key to text"));
                    return;
                }
                texts.forEach((key, text) -> {
                    if (!STRING_KEY.matcher(key).matches()) {
                        errors.add(new FieldError("strings." + language + "." + key, "is not a string key (letters, digits, _ . -)"));
                    } else if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
                        errors.add(new FieldError("strings." + language + "." + key, "must be 1 to " + MAX_TEXT + " characters"));
                    }
                });
            });
        }
        if (d.kiosk() == null) {
            errors.add(new FieldError("kiosk", "is required"));
        } else {
            interval(d.kiosk().minimumIntervalSeconds(), "kiosk.minimumIntervalSeconds", true, 0, errors);
            interval(d.kiosk().idleSeconds(), "kiosk.idleSeconds", true, 5, errors);
        }
        if (required(d.kioskTouchpoints(), "kioskTouchpoints", errors)) {
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < d.kioskTouchpoints().size(); i++) {
                CaptureSettingsDocument.KioskTouchpoint k = d.kioskTouchpoints().get(i);
                String at = "kioskTouchpoints[" + i + "]";
                if (k == null) {
                    errors.add(new FieldError(at, "is required"));
                    continue;
                }
                code(k.code(), at + ".code", errors);
                if (k.code() != null && !codes.add(k.code())) {
                    errors.add(new FieldError(at + ".code", "'" + k.code() + "' is given more than once"));
                }
                name(k.name(), at + ".name", true, errors);
                if (k.service() == null || !services.containsKey(k.service())) {
                    errors.add(new FieldError(at + ".service", "must be one of the council's services"));
                }
                interval(k.minimumIntervalSeconds(), at + ".minimumIntervalSeconds", false, 0, errors);
                interval(k.idleSeconds(), at + ".idleSeconds", false, 5, errors);
            }
        }
        if (required(d.ivrLines(), "ivrLines", errors)) {
            Set<String> lines = new HashSet<>();
            for (int i = 0; i < d.ivrLines().size(); i++) {
                CaptureSettingsDocument.IvrLine l = d.ivrLines().get(i);
                String at = "ivrLines[" + i + "]";
                if (l == null) {
                    errors.add(new FieldError(at, "is required"));
                    continue;
                }
                if (l.line() == null || !LINE.matcher(l.line()).matches()) {
                    errors.add(new FieldError(at + ".line", "must be 1 to 64 letters, digits, _ + -"));
                } else if (!lines.add(l.line())) {
                    errors.add(new FieldError(at + ".line", "'" + l.line() + "' is given more than once"));
                }
                Scale scale = l.service() == null ? null : services.get(l.service());
                if (l.service() == null || !services.containsKey(l.service())) {
                    errors.add(new FieldError(at + ".service", "must be one of the council's services"));
                }
                if (l.digits() == null || l.digits().isEmpty()) {
                    errors.add(new FieldError(at + ".digits", "must map at least one keypad digit to a score"));
                } else {
                    l.digits().forEach((digit, score) -> {
                        if (!DIGIT.matcher(digit).matches()) {
                            errors.add(new FieldError(at + ".digits." + digit, "is not a keypad key (0-9, *, #)"));
                        } else if (score == null || score < 1 || (scale != null && !scale.isValidScore(score)) || score > 5) {
                            errors.add(new FieldError(at + ".digits." + digit, "must be a score 1 to "
                                    + (scale == null ? 5 : scale.size()) + " on the service's scale"));
                        }
                    });
                }
                if (l.secret() != null && (l.secret().length() < 16 || l.secret().length() > 200)) {
                    errors.add(new FieldError(at + ".secret", "must be 16 to 200 characters"));
                }
            }
        }
        return errors;
    }

    private static boolean required(Object value, String field, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "is required (an empty list or object clears it)"));
            return false;
        }
        return true;
    }

    private static void code(String code, String field, List<FieldError> errors) {
        if (!RatingSubmitted.isCode(code)) {
            errors.add(new FieldError(field, "must be 1 to 64 lower-case letters, digits, _ or -, starting with a letter or digit"));
        }
    }

    private static void name(String name, String field, boolean required, List<FieldError> errors) {
        if (name == null ? required : name.isBlank() || name.length() > MAX_NAME) {
            errors.add(new FieldError(field, (required ? "is required, " : "") + "1 to " + MAX_NAME + " characters"));
        }
    }

    private static void labels(List<CaptureSettingsDocument.Label> labels, String at, List<FieldError> errors) {
        if (labels == null) {
            errors.add(new FieldError(at, "is required (an empty list for none)"));
            return;
        }
        Set<String> codes = new HashSet<>();
        for (int j = 0; j < labels.size(); j++) {
            CaptureSettingsDocument.Label r = labels.get(j);
            if (r == null) {
                errors.add(new FieldError(at + "[" + j + "]", "is required"));
                continue;
            }
            code(r.code(), at + "[" + j + "].code", errors);
            if (r.code() != null && !codes.add(r.code())) {
                errors.add(new FieldError(at + "[" + j + "].code", "'" + r.code() + "' is given more than once"));
            }
            name(r.english(), at + "[" + j + "].english", true, errors);
            name(r.welsh(), at + "[" + j + "].welsh", false, errors);
        }
    }

    private static void interval(Integer seconds, String field, boolean required, int min, List<FieldError> errors) {
        if (seconds == null ? required : seconds < min || seconds > 3600) {
            errors.add(new FieldError(field, "must be " + min + " to 3600 seconds"));
        }
    }

    private static boolean validPort(String origin) {
        URI uri = URI.create(origin);
        return uri.getPort() == -1 || uri.getPort() >= 1 && uri.getPort() <= 65535;
    }
}
