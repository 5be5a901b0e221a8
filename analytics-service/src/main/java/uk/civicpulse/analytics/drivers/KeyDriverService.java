package uk.civicpulse.analytics.drivers;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import uk.civicpulse.analytics.satisfaction.Slice;
import uk.civicpulse.analytics.satisfaction.SliceParameters;
import uk.civicpulse.analytics.stats.KeyDrivers;
import uk.civicpulse.events.KeyArea;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Which key areas go with overall satisfaction (CSE 1.3.3): what the key-drivers route, the dashboard's drivers page
 * and the evidence pack all show. Who may read the council is decided by the caller; a bad range or filter is a 400
 * problem naming it.
 */
@Singleton
public class KeyDriverService {

    static final double LEVEL = 0.95;

    private final KeyAreaRatings ratings;
    private final int minimumN;

    public KeyDriverService(KeyAreaRatings ratings, @Value("${civic-pulse.key-drivers.minimum-n:50}") int minimumN) {
        this.ratings = ratings;
        this.minimumN = minimumN;
    }

    /**
     * Over the ratings that answered all five key areas: Pearson's correlation of the overall answer (rescaled 0-100)
     * with each area, with its 95% Fisher-z interval and p-value; and the multiple regression of the overall answer on
     * the five areas (ordinary least squares) with 95% intervals for each coefficient. Not computed below the minimum
     * number of complete ratings.
     *
     * @param from    first day (YYYY-MM-DD)
     * @param to      last day
     * @param service only this service (null for all)
     * @param channel only this channel (null for all)
     */
    public KeyDriverReport drivers(String council, String from, String to, @Nullable String service, @Nullable String channel) {
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
