package uk.civicpulse.analytics.satisfaction;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import uk.civicpulse.analytics.officers.CouncilAccess;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

@Controller("/api/v1/councils/{council}/satisfaction")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class SatisfactionController {

    private final SatisfactionService service;
    private final CouncilAccess access;

    public SatisfactionController(SatisfactionService service, CouncilAccess access) {
        this.service = service;
        this.access = access;
    }

    /**
     * % satisfied per row of the slice, with a 95% Wilson interval and its margin of error.
     *
     * @param from first day, inclusive (YYYY-MM-DD)
     * @param to   last day, inclusive (YYYY-MM-DD)
     * @param by   comma-separated dimensions: service, channel, touchpoint; none for the council as a whole
     */
    @Get
    public SatisfactionReport satisfaction(@PathVariable String council, @QueryValue String from, @QueryValue String to,
                                           @Nullable @QueryValue String by, Authentication who) {
        access.requireReadable(who, council);
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (first.isAfter(last)) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "'from' (" + from + ") is after 'to' (" + to + ")");
        }
        return service.report(council, first, last, dimensions(by));
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "'" + name + "' must be a date YYYY-MM-DD, got '" + value + "'");
        }
    }

    private static List<Dimension> dimensions(String by) {
        List<Dimension> dimensions = new ArrayList<>();
        if (by == null || by.isBlank()) {
            return dimensions;
        }
        for (String code : by.split(",")) {
            Dimension d = Dimension.fromCode(code.trim()).orElseThrow(() -> new HttpStatusException(HttpStatus.BAD_REQUEST,
                    "'by' takes " + Arrays.stream(Dimension.values()).map(Dimension::code).toList() + ", not '" + code.trim() + "'"));
            if (!dimensions.contains(d)) {
                dimensions.add(d);
            }
        }
        return dimensions;
    }
}
