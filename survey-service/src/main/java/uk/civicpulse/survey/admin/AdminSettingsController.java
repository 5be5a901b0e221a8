package uk.civicpulse.survey.admin;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import uk.civicpulse.events.FieldError;
import uk.civicpulse.survey.ratings.RatingIntake;
import uk.civicpulse.survey.ratings.RatingRefusedException;
import uk.civicpulse.survey.settings.CaptureSettings;
import uk.civicpulse.survey.settings.CouncilSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A council's capture settings for its staff: officers read them, council admins (own council) and platform admins
 * (any council) replace them. A change is live at once on this instance and within the settings refresh interval on
 * others.
 */
@Controller("/api/v1/admin/councils/{council}/capture-settings")
@Secured({StaffAccess.OFFICER, StaffAccess.COUNCIL_ADMIN, StaffAccess.PLATFORM_ADMIN})
@Tag(name = "Capture settings administration")
@SecurityRequirement(name = "bearer")
public class AdminSettingsController {

    private final CaptureSettings settings;
    private final AdminSettingsRepository repository;
    private final StaffAccess access;

    public AdminSettingsController(CaptureSettings settings, AdminSettingsRepository repository, StaffAccess access) {
        this.settings = settings;
        this.repository = repository;
        this.access = access;
    }

    @Get
    @Operation(summary = "Read a council's capture settings (phone line secrets are never returned)")
    public CaptureSettingsDocument read(Authentication who, @PathVariable String council) {
        access.requireStaffOf(who, council);
        return document(council);
    }

    @Put
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a council's capture settings; 422 names every bad field")
    public CaptureSettingsDocument replace(Authentication who, @PathVariable String council, @Body CaptureSettingsDocument body) {
        access.requireAdminOf(who, council);
        if (settings.council(council).isEmpty()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no council with code '" + council + "'");
        }
        List<FieldError> errors = new ArrayList<>(CaptureSettingsDocumentValidator.validate(body));
        if (errors.isEmpty()) {
            try {
                errors.addAll(repository.replace(council, body));
            } catch (AdminSettingsRepository.CouncilNotFoundException e) {
                throw new HttpStatusException(HttpStatus.NOT_FOUND, e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new RatingRefusedException(new RatingIntake.Refused(HttpStatus.UNPROCESSABLE_ENTITY,
                    "The capture settings were not saved; check: " + String.join(", ", errors.stream().map(FieldError::field).distinct().toList()),
                    errors, Optional.empty(), false));
        }
        settings.reload();
        return document(council);
    }

    private CaptureSettingsDocument document(String council) {
        CouncilSettings c = settings.council(council)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no council with code '" + council + "'"));
        List<CaptureSettingsDocument.Service> services = c.services().values().stream()
                .map(s -> new CaptureSettingsDocument.Service(s.code(), s.name(), s.nameWelsh(), s.scale(), labels(s.reasons())))
                .toList();
        List<CaptureSettingsDocument.Question> questions = c.customerGroupQuestions().values().stream()
                .map(q -> new CaptureSettingsDocument.Question(q.code(), q.label(), q.labelWelsh(), labels(q.answers())))
                .toList();
        List<CaptureSettingsDocument.KioskTouchpoint> kiosks = c.kioskTouchpoints().values().stream()
                .map(k -> new CaptureSettingsDocument.KioskTouchpoint(k.code(), k.name(), k.service(),
                        k.kiosk().minimumIntervalSeconds(), k.kiosk().idleSeconds()))
                .toList();
        List<CaptureSettingsDocument.IvrLine> lines = settings.ivrLines(council).stream()
                .map(l -> new CaptureSettingsDocument.IvrLine(l.line(), l.service(), new LinkedHashMap<>(l.digits()), null, true))
                .toList();
        Map<String, Map<String, String>> strings = new LinkedHashMap<>(c.strings());
        return new CaptureSettingsDocument(services, questions, c.allowedOrigins(), c.languages(), strings,
                new CaptureSettingsDocument.Kiosk(c.kiosk().minimumIntervalSeconds(), c.kiosk().idleSeconds()), kiosks, lines);
    }

    private static List<CaptureSettingsDocument.Label> labels(List<CouncilSettings.Label> labels) {
        return labels.stream().map(l -> new CaptureSettingsDocument.Label(l.code(), l.english(), l.welsh())).toList();
    }
}
