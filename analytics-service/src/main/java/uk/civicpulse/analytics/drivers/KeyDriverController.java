package uk.civicpulse.analytics.drivers;

import io.micronaut.context.annotation.Value;
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
import uk.civicpulse.analytics.satisfaction.Slice;
import uk.civicpulse.analytics.satisfaction.SliceParameters;
import uk.civicpulse.analytics.stats.KeyDrivers;
import uk.civicpulse.events.KeyArea;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

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

    static final double LEVEL = 0.95;

    private final KeyAreaRatings ratings;
    private final CouncilAccess access;
    private final int minimumN;

    public KeyDriverController(KeyAreaRatings ratings, CouncilAccess access,
                               @Value("${civic-pulse.key-drivers.minimum-n:50}") int minimumN) {
        this.ratings = ratings;
        this.access = access;
        this.minimumN = minimumN;
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
        Map<String, String> filters = new HashMap<>();
        filters.put("service", service);
        filters.put("channel", channel);
        Slice slice = SliceParameters.parse(council, from, to, null, null, null, null, filters, null);
        KeyAreaRatings.Sample sample = ratings.read(slice);
        return new KeyDriverReport(council, service, channel, slice.from(), slice.to(), "rescaled_score", sample.capped(),
                KeyDrivers.analyse(sample.overall(), sample.areas(), Arrays.stream(KeyArea.values()).map(KeyArea::code).toList(),
                        LEVEL, minimumN));
    }
}
