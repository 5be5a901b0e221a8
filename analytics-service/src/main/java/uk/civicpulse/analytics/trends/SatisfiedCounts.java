package uk.civicpulse.analytics.trends;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import uk.civicpulse.analytics.satisfaction.Interval;
import uk.civicpulse.analytics.satisfaction.ScoreCounts;
import uk.civicpulse.analytics.satisfaction.Slice;
import uk.civicpulse.analytics.satisfaction.SliceParameters;
import uk.civicpulse.analytics.satisfaction.SliceRepository;
import uk.civicpulse.analytics.web.BadParameterException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Satisfied and total counts for the statistics over time, read from the daily counts through {@link SliceRepository}
 * (never the raw ratings). Every range is validated as the satisfaction API validates it: a 400 naming the parameter.
 */
@Singleton
public class SatisfiedCounts {

    private final SliceRepository slices;

    public SatisfiedCounts(SliceRepository slices) {
        this.slices = slices;
    }

    /** A service and channel; either may be null for "all". */
    public record Cell(@Nullable String service, @Nullable String channel) {
    }

    /** The counts over a whole range, for one cell (nulls for all services or channels). */
    public PeriodCounts total(String council, String fromParameter, String from, String toParameter, String to,
                              @Nullable String service, @Nullable String channel) {
        Slice slice = parse(council, fromParameter, from, toParameter, to, null, filters(service, channel), null);
        long satisfied = 0;
        long n = 0;
        for (ScoreCounts row : slices.counts(slice)) {
            satisfied += row.satisfied();
            n += row.n();
        }
        return new PeriodCounts(slice.from(), slice.to(), satisfied, n);
    }

    /** The counts over a range for every service and channel that has ratings in it. */
    public Map<Cell, PeriodCounts> byServiceAndChannel(String council, String from, String to, @Nullable String service) {
        Slice slice = parse(council, "from", from, "to", to, "service,channel", filters(service, null), null);
        Map<Cell, long[]> sums = new LinkedHashMap<>();
        for (ScoreCounts row : slices.counts(slice)) {
            Cell cell = new Cell(row.group().get(uk.civicpulse.analytics.satisfaction.Dimension.SERVICE),
                    row.group().get(uk.civicpulse.analytics.satisfaction.Dimension.CHANNEL));
            long[] sum = sums.computeIfAbsent(cell, k -> new long[2]);
            sum[0] += row.satisfied();
            sum[1] += row.n();
        }
        Map<Cell, PeriodCounts> result = new LinkedHashMap<>();
        sums.forEach((cell, sum) -> result.put(cell, new PeriodCounts(slice.from(), slice.to(), sum[0], sum[1])));
        return result;
    }

    /** One row per period from the period containing {@code from} to the one containing {@code to}, empty periods included. */
    public List<PeriodCounts> series(String council, String from, String to, String period, @Nullable String service, @Nullable String channel) {
        Interval interval = Interval.fromCode(period == null ? "month" : period)
                .orElseThrow(() -> new BadParameterException("period", "must be one of day, week, month, quarter, year"));
        Slice checked = parse(council, "from", from, "to", to, null, filters(service, channel), null);
        LocalDate first = interval.start(checked.from());
        LocalDate last = interval.end(checked.to());
        Slice slice = parse(council, "from", first.toString(), "to", last.toString(), null, filters(service, channel), interval.code());
        Map<String, long[]> sums = new HashMap<>();
        for (ScoreCounts row : slices.counts(slice)) {
            long[] sum = sums.computeIfAbsent(row.group().get(uk.civicpulse.analytics.satisfaction.Dimension.PERIOD), k -> new long[2]);
            sum[0] += row.satisfied();
            sum[1] += row.n();
        }
        List<PeriodCounts> series = new ArrayList<>();
        for (LocalDate start = first; !start.isAfter(last); start = interval.end(start).plusDays(1)) {
            long[] sum = sums.getOrDefault(start.toString(), new long[2]);
            series.add(new PeriodCounts(start, interval.end(start), sum[0], sum[1]));
        }
        return series;
    }

    private static Slice parse(String council, String fromParameter, String from, String toParameter, String to, String by,
                               Map<String, String> filters, String interval) {
        try {
            return SliceParameters.parse(council, from, to, null, null, by, null, filters, interval);
        } catch (BadParameterException e) {
            // name the parameter the caller gave (e.g. baselineFrom), not the slice's own
            String name = e.parameter().equals("from") ? fromParameter : e.parameter().equals("to") ? toParameter : e.parameter();
            throw new BadParameterException(name, e.getMessage().replace("'from'", "'" + fromParameter + "'").replace("'to'", "'" + toParameter + "'"));
        }
    }

    private static Map<String, String> filters(String service, String channel) {
        Map<String, String> filters = new HashMap<>();
        filters.put("service", service);
        filters.put("channel", channel);
        return filters;
    }
}
