package uk.civicpulse.analytics.satisfaction;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import uk.civicpulse.analytics.stats.ProportionEstimate;
import uk.civicpulse.analytics.stats.WilsonInterval;
import uk.civicpulse.events.ScalePoint;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** % satisfied with its Wilson interval for each row of a slice. */
@Singleton
public class SatisfactionService {

    public static final String METRIC = "percent_satisfied";
    public static final String TOO_FEW = "too few responses";
    static final double LEVEL = 0.95;

    private final SatisfactionRepository repository;
    private final int minimumN;

    public SatisfactionService(SatisfactionRepository repository, @Value("${civic-pulse.satisfaction.minimum-n:30}") int minimumN) {
        this.repository = repository;
        this.minimumN = minimumN;
    }

    public SatisfactionReport report(String council, LocalDate from, LocalDate to, List<Dimension> by) {
        List<SatisfactionRow> rows = repository.counts(council, from, to, by).stream().map(this::row).toList();
        return new SatisfactionReport(council, from, to, by.stream().map(Dimension::code).toList(), METRIC,
                WilsonInterval.METHOD, LEVEL, minimumN, rows);
    }

    private SatisfactionRow row(ScoreCounts slice) {
        ProportionEstimate estimate = WilsonInterval.of(slice.satisfied(), slice.n(), LEVEL);
        Map<String, String> group = new LinkedHashMap<>();
        slice.group().forEach((dimension, value) -> group.put(dimension.code(), value));
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ScalePoint point : slice.scale().points()) {
            counts.put(point.code(), slice.counts()[point.score() - 1]);
        }
        return new SatisfactionRow(group, slice.scale().code(), slice.n(), counts, slice.satisfied(),
                estimate.proportion(), estimate.lower(), estimate.upper(), estimate.marginOfError(),
                METRIC, estimate.method(), estimate.level(), slice.n() < minimumN ? TOO_FEW : null);
    }
}
