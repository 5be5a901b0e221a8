package uk.civicpulse.survey.settings;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** Public read of what each council captures: the widget, kiosk and demo generator draw on it. */
@Controller("/api/v1/councils")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Capture settings")
public class CaptureSettingsController {

    private final CaptureSettings settings;

    public CaptureSettingsController(CaptureSettings settings) {
        this.settings = settings;
    }

    @Get
    public List<CouncilSummary> councils() {
        return settings.councils().stream()
                .map(c -> new CouncilSummary(c.code(), c.name(), c.nameWelsh(), c.councilType()))
                .toList();
    }

    @Get("/{council}/capture-settings")
    public CouncilSettings captureSettings(@PathVariable String council) {
        return settings.council(council)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no council with code '" + council + "'"));
    }

    @Serdeable
    public record CouncilSummary(String code, String name, String nameWelsh, String councilType) {
    }
}
