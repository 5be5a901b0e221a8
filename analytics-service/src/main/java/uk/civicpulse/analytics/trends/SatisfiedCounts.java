package uk.civicpulse.analytics.trends;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import uk.civicpulse.analytics.satisfaction.Dimension;
import uk.civicpulse.analytics.satisfaction.Interval;
import uk.civicpulse.analytics.satisfaction.ScoreCounts;
import uk.civicpulse.analytics.satisfaction.Slice;
import uk.civicpulse.analytics.satisfaction.SliceQuery;
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
 * (never the raw ratings), for any slice a {@link SliceQuery} names: service, channel, touchpoint and one
 * customer-group answer (then from the counts by answer). Every range is validated as the satisfaction API
 * validates it: a 400 naming the parameter.
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

    /** The counts over the query's range. */
    public PeriodCounts total(SliceQuery query) {
        return total(query, "from", query.from(), "to", query.to());
    }

    /** The counts over another range of the same slice (e.g. a control chart's baseline), named by its parameters. */
    public PeriodCounts total(SliceQuery query, String fromParameter, String from, String toParameter, String to) {
        Slice slice = query.slice(fromParameter, from, toParameter, to, null, null);
        long satisfied = 0;
        long n = 0;
        for (ScoreCounts row : slices.counts(slice)) {
            satisfied += row.satisfied();
            n += row.n();
        }
        return new PeriodCounts(slice.from(), slice.to(), satisfied, n);
    }

    /** The counts over the query's range for every service and channel that has ratings in the slice. */
    public Map<Cell, PeriodCounts> byServiceAndChannel(SliceQuery query) {
        Slice slice = query.slice("from", query.from(), "to", query.to(), "service,channel", null);
        Map<Cell, long[]> sums = new LinkedHashMap<>();
        for (ScoreCounts row : slices.counts(slice)) {
            Cell cell = new Cell(row.group().get(Dimension.SERVICE), row.group().get(Dimension.CHANNEL));
            long[] sum = sums.computeIfAbsent(cell, k -> new long[2]);
            sum[0] += row.satisfied();
            sum[1] += row.n();
        }
        Map<Cell, PeriodCounts> result = new LinkedHashMap<>();
        sums.forEach((cell, sum) -> result.put(cell, new PeriodCounts(slice.from(), slice.to(), sum[0], sum[1])));
        return result;
    }

    /** The series period: day, week, month (the default when null), quarter or year; else a 400 naming {@code period}. */
    public static Interval period(@Nullable String period) {
        return Interval.fromCode(period == null ? "month" : period)
                .orElseThrow(() -> new BadParameterException("period", "must be one of day, week, month, quarter, year"));
    }

    /** One row per period from the period containing {@code from} to the one containing {@code to}, empty periods included. */
    public List<PeriodCounts> series(SliceQuery query, @Nullable String period) {
        Interval interval = period(period);
        Slice checked = query.slice("from", query.from(), "to", query.to(), null, null);
        LocalDate first = interval.start(checked.from());
        LocalDate last = interval.end(checked.to());
        Slice slice = query.slice("from", first.toString(), "to", last.toString(), null, interval.code());
        Map<String, long[]> sums = new HashMap<>();
        for (ScoreCounts row : slices.counts(slice)) {
            long[] sum = sums.computeIfAbsent(row.group().get(Dimension.PERIOD), k -> new long[2]);
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
}
