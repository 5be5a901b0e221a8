package uk.civicpulse.analytics.alerts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** Alerts raised for a council (dips, targets and standards newly missed), and who is emailed them. */
@Controller("/api/v1/councils/{council}/alerts")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Alerts")
public class AlertsController {

    private final AlertService alerts;

    public AlertsController(AlertService alerts) {
        this.alerts = alerts;
    }

    /** The addresses a council's alerts are emailed to. */
    @Serdeable
    public record Recipients(@Nullable List<String> emails) {
    }

    @Operation(summary = "Alerts, newest first", description = "Each names its kind (dip, target_missed, standard_missed), "
            + "its rule (the Making Data Count rule, the target or the standard), the figure with its 95% interval and n.")
    @ApiResponse(responseCode = "400", description = "an unknown status")
    @ApiResponse(responseCode = "403", description = "another council's alerts")
    @Get
    public List<Alert> list(@PathVariable String council,
                            @Parameter(description = "unacknowledged or all (default)") @Nullable @QueryValue String status,
                            Authentication who) {
        return alerts.list(who, council, status);
    }

    @Operation(summary = "Acknowledge an alert", description = "Records who acknowledged it and when.")
    @ApiResponse(responseCode = "404", description = "no such alert for this council")
    @ApiResponse(responseCode = "409", description = "already acknowledged")
    @Post("/{id}/acknowledge")
    public Alert acknowledge(@PathVariable String council, @PathVariable long id, Authentication who) {
        return alerts.acknowledge(who, council, id);
    }

    @Operation(summary = "Who is emailed the council's alerts")
    @Get("/recipients")
    public Recipients recipients(@PathVariable String council, Authentication who) {
        return new Recipients(alerts.recipients(who, council));
    }

    @Operation(summary = "Set who is emailed the council's alerts (council admins)")
    @ApiResponse(responseCode = "400", description = "an address that is not an email address")
    @ApiResponse(responseCode = "403", description = "not a council admin of this council")
    @Put("/recipients")
    public Recipients setRecipients(@PathVariable String council, @Body Recipients body, Authentication who) {
        return new Recipients(alerts.setRecipients(who, council, body.emails()));
    }
}
