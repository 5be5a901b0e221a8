package uk.civicpulse.analytics.satisfaction;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import uk.civicpulse.analytics.stats.ProportionEstimate;
import uk.civicpulse.analytics.stats.WilsonInterval;
import uk.civicpulse.events.ScalePoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** % satisfied with its Wilson interval for each row of a slice. */
@Singleton
public class SatisfactionService {

    public static final String METRIC = "percent_satisfied";
    public static final String TOO_FEW = "too few responses";
    static final double LEVEL = 0.95;

    private final SliceRepository repository;
    private final int minimumN;

    public SatisfactionService(SliceRepository repository, @Value("${civic-pulse.satisfaction.minimum-n:30}") int minimumN) {
        this.repository = repository;
        this.minimumN = minimumN;
    }

    public SatisfactionReport report(Slice slice) {
        List<SatisfactionRow> rows = repository.counts(slice).stream().map(this::row).toList();
        Map<String, String> filters = new LinkedHashMap<>();
        slice.filters().forEach((d, v) -> filters.put(d.code(), v));
        return new SatisfactionReport(slice.council(), slice.from(), slice.to(), slice.by().stream().map(Dimension::code).toList(),
                filters, slice.question(), slice.by().contains(Dimension.PERIOD) ? slice.interval().code() : null,
                METRIC, WilsonInterval.METHOD, LEVEL, minimumN, rows);
    }

    private SatisfactionRow row(ScoreCounts counts) {
        ProportionEstimate estimate = WilsonInterval.of(counts.satisfied(), counts.n(), LEVEL);
        Map<String, String> group = new LinkedHashMap<>();
        counts.group().forEach((dimension, value) -> group.put(dimension.code(), value));
        Map<String, Long> byAnswer = new LinkedHashMap<>();
        for (ScalePoint point : counts.scale().points()) {
            byAnswer.put(point.code(), counts.counts()[point.score() - 1]);
        }
        return new SatisfactionRow(group, counts.scale().code(), counts.n(), byAnswer, counts.satisfied(),
                estimate.proportion(), estimate.lower(), estimate.upper(), estimate.marginOfError(),
                METRIC, estimate.method(), estimate.level(), counts.n() < minimumN ? TOO_FEW : null);
    }
}
