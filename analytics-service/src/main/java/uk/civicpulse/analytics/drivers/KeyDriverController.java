package uk.civicpulse.analytics.drivers;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.SerdeImport;
import io.swagger.v3.oas.annotations.tags.Tag;
import uk.civicpulse.analytics.stats.KeyDriverAnalysis;
import uk.civicpulse.analytics.officers.CouncilAccess;

/** Which key areas go with overall satisfaction (CSE 1.3.3). */
@Controller("/api/v1/councils/{council}/key-drivers")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Key drivers")
@SerdeImport(KeyDriverAnalysis.class)
@SerdeImport(KeyDriverAnalysis.Correlation.class)
@SerdeImport(KeyDriverAnalysis.Regression.class)
@SerdeImport(KeyDriverAnalysis.Coefficient.class)
public class KeyDriverController {

    private final KeyDriverService drivers;
    private final CouncilAccess access;

    public KeyDriverController(KeyDriverService drivers, CouncilAccess access) {
        this.drivers = drivers;
        this.access = access;
    }

    /**
     * Over the ratings that answered all five key areas (delivery, timeliness, information, access, staff): Pearson's
     * correlation of the overall answer (rescaled 0-100) with each area, with its 95% Fisher-z interval and p-value;
     * and the multiple regression of the overall answer on the five areas (ordinary least squares) with 95% intervals
     * for each coefficient. Not computed below the minimum number of complete ratings (ANALYTICS_KEY_DRIVERS_MINIMUM_N,
     * default 50).
     *
     * @param from    first day (YYYY-MM-DD)
     * @param to      last day
     * @param service only this service
     * @param channel only this channel
     */
    @Get
    public KeyDriverReport drivers(@PathVariable String council, @QueryValue String from, @QueryValue String to,
                                   @Nullable @QueryValue String service, @Nullable @QueryValue String channel, Authentication who) {
        access.requireReadable(who, council);
        return drivers.drivers(council, from, to, service, channel);
    }
}
