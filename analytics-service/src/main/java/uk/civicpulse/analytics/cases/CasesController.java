package uk.civicpulse.analytics.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
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
import uk.civicpulse.analytics.web.BadParameterException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Cases opened by poor ratings with comments (CSE 4.3, 5.2.5), for officers of the council. */
@Controller("/api/v1/councils/{council}/cases")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Cases")
public class CasesController {

    static final int MAX_PAGE_SIZE = 200;

    private final CaseService cases;

    public CasesController(CaseService cases) {
        this.cases = cases;
    }

    /** The officer to assign a case to (a username of an officer of the same council). */
    @Serdeable
    public record Assignment(@Nullable String officer) {
    }

    /** A note on a case, seen by officers only. */
    @Serdeable
    public record Note(@Nullable String note) {
    }

    /** What the council told the resident. */
    @Serdeable
    public record Response(@Nullable String response) {
    }

    @Operation(summary = "Cases, newest first", description = "Filtered by status (open or closed) and service; paged from page 0, up to 200 a page.")
    @ApiResponse(responseCode = "200", description = "the cases")
    @ApiResponse(responseCode = "400", description = "an unknown status or a bad page")
    @ApiResponse(responseCode = "403", description = "another council's cases")
    @Get
    public List<ServiceCase> list(@PathVariable String council,
                                  @Parameter(description = "open or closed (default both)") @Nullable @QueryValue String status,
                                  @Parameter(description = "only this service") @Nullable @QueryValue String service,
                                  @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size, Authentication who) {
        int pageSize = size == null ? 50 : size;
        int pageNumber = page == null ? 0 : page;
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new BadParameterException("size", "must be from 1 to " + MAX_PAGE_SIZE);
        }
        if (pageNumber < 0) {
            throw new BadParameterException("page", "must be 0 or more");
        }
        return cases.list(who, council, status, service, pageSize, pageNumber * pageSize);
    }

    @Operation(summary = "Time to close", description = "Median and 90th percentile days from the rating to closing, per service and month opened, with the cases still open counted.")
    @ApiResponse(responseCode = "400", description = "a bad date")
    @Get("/time-to-close")
    public TimeToClose timeToClose(@PathVariable String council,
                                   @Parameter(description = "first day opened, inclusive (YYYY-MM-DD)") @Nullable @QueryValue String from,
                                   @Parameter(description = "last day opened, inclusive (YYYY-MM-DD)") @Nullable @QueryValue String to,
                                   @Nullable @QueryValue String service, Authentication who) {
        return cases.timeToClose(who, council, date("from", from), date("to", to), service);
    }

    @Operation(summary = "One case with the resident's comment and every step taken")
    @ApiResponse(responseCode = "404", description = "no such case for this council")
    @Get("/{id}")
    public CaseDetail detail(@PathVariable String council, @PathVariable long id, Authentication who) {
        return cases.detail(who, council, id);
    }

    @Operation(summary = "Assign a case to an officer of the council")
    @ApiResponse(responseCode = "400", description = "not an officer of this council")
    @ApiResponse(responseCode = "409", description = "the case is closed")
    @Post("/{id}/assign")
    public CaseDetail assign(@PathVariable String council, @PathVariable long id, @Body Assignment body, Authentication who) {
        return cases.assign(who, council, id, body.officer());
    }

    @Operation(summary = "Add a note to a case")
    @ApiResponse(responseCode = "409", description = "the case is closed")
    @Post("/{id}/notes")
    public CaseDetail note(@PathVariable String council, @PathVariable long id, @Body Note body, Authentication who) {
        return cases.note(who, council, id, body.note());
    }

    @Operation(summary = "Record the response given to the resident")
    @ApiResponse(responseCode = "409", description = "the case is closed")
    @Post("/{id}/respond")
    public CaseDetail respond(@PathVariable String council, @PathVariable long id, @Body Response body, Authentication who) {
        return cases.respond(who, council, id, body.response());
    }

    @Operation(summary = "Close a case")
    @ApiResponse(responseCode = "409", description = "the case is already closed")
    @Post("/{id}/close")
    public CaseDetail close(@PathVariable String council, @PathVariable long id, Authentication who) {
        return cases.close(who, council, id);
    }

    private static LocalDate date(String name, @Nullable String value) {
        if (value == null) {
            throw new BadParameterException(name, "is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name, "must be a date, YYYY-MM-DD");
        }
    }
}
