package uk.civicpulse.analytics.satisfaction;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import uk.civicpulse.analytics.population.PopulationRepository;
import uk.civicpulse.analytics.population.QuestionShares;
import uk.civicpulse.analytics.stats.Cell;
import uk.civicpulse.analytics.stats.Estimate;
import uk.civicpulse.analytics.stats.MetricEstimator;
import uk.civicpulse.analytics.stats.Weighting;
import uk.civicpulse.analytics.web.BadParameterException;
import uk.civicpulse.events.Scale;
import uk.civicpulse.events.ScalePoint;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of a slice: for each row the chosen metric with its interval, corrected for the finite population
 * where the contacts are known, and weighted to the population when asked.
 */
@Singleton
public class SatisfactionService {

    public static final String METRIC = "percent_satisfied";
    public static final String TOO_FEW = "too few responses";
    static final double LEVEL = 0.95;

    private final SliceRepository repository;
    private final RespondentRepository respondents;
    private final PopulationRepository population;
    private final int minimumN;
    private final double defaultCap;

    public SatisfactionService(SliceRepository repository, RespondentRepository respondents, PopulationRepository population,
                               @Value("${civic-pulse.satisfaction.minimum-n:30}") int minimumN,
                               @Value("${civic-pulse.weighting.cap:5}") double defaultCap) {
        this.repository = repository;
        this.respondents = respondents;
        this.population = population;
        this.minimumN = minimumN;
        this.defaultCap = defaultCap;
    }

    public int minimumN() {
        return minimumN;
    }

    public double defaultCap() {
        return defaultCap;
    }

    public SatisfactionReport report(Slice slice) {
        return report(slice, FigureOptions.defaults(defaultCap));
    }

    public SatisfactionReport report(Slice slice, FigureOptions options) {
        List<RowData> data = new ArrayList<>();
        SatisfactionReport.WeightingSummary summary = null;
        if (options.weighted()) {
            summary = weighted(slice, options, data);
        } else {
            for (ScoreCounts counts : repository.counts(slice)) {
                RowData row = new RowData(counts.group(), counts.scale(), counts.counts(), new ArrayList<>());
                for (ScalePoint point : counts.scale().points()) {
                    row.cells().add(new Cell(options.metric().value(point), counts.counts()[point.score() - 1], 1.0));
                }
                data.add(row);
            }
        }
        List<SatisfactionRow> rows = data.stream().map(r -> row(slice, options, r)).toList();
        Map<String, String> filters = new LinkedHashMap<>();
        slice.filters().forEach((d, v) -> filters.put(d.code(), v));
        String method = options.metric().isProportion() ? options.method().code() : MetricEstimator.T_METHOD;
        return new SatisfactionReport(slice.council(), slice.from(), slice.to(), slice.by().stream().map(Dimension::code).toList(),
                filters, slice.question(), slice.by().contains(Dimension.PERIOD) ? slice.interval().code() : null,
                options.metric().code(), method, options.level(), minimumN, summary, rows);
    }

    /** Counts and cells of one row: its group, scale, ratings per score and respondents by value and weight. */
    private record RowData(Map<Dimension, String> group, Scale scale, long[] counts, List<Cell> cells) {
    }

    private SatisfactionRow row(Slice slice, FigureOptions options, RowData data) {
        long n = Arrays.stream(data.counts()).sum();
        long satisfied = 0;
        Map<String, Long> byAnswer = new LinkedHashMap<>();
        for (ScalePoint point : data.scale().points()) {
            long count = data.counts()[point.score() - 1];
            byAnswer.put(point.code(), count);
            satisfied += point.satisfied() ? count : 0;
        }
        Long contacts = options.correct() ? contacts(slice, data.group()) : null;
        Estimate e = MetricEstimator.of(options.metric(), data.cells(), options.method(), options.level(), contacts);
        Map<String, String> group = new LinkedHashMap<>();
        data.group().forEach((dimension, value) -> group.put(dimension.code(), value));
        return new SatisfactionRow(group, data.scale().code(), n, byAnswer, satisfied, n == 0 ? null : (double) satisfied / n,
                e.value(), e.lower(), e.upper(), e.marginOfError(), e.standardError(), e.effectiveN(), e.designEffect(),
                contacts, e.finitePopulationCorrected(), e.metric(), e.method(), e.level(), n < minimumN ? TOO_FEW : null, e.note());
    }

    /**
     * The contacts behind a row: known only for rows defined by service and channel (contacts are not counted by
     * touchpoint or customer group), over whole months that the contact volumes cover. In a series each row's own
     * period counts (clipped to the slice's range): a month, quarter or year can be corrected, a day or week cannot.
     */
    private Long contacts(Slice slice, Map<Dimension, String> group) {
        for (Dimension d : List.of(Dimension.TOUCHPOINT, Dimension.CUSTOMER_GROUP)) {
            if (slice.by().contains(d) || slice.filters().containsKey(d)) {
                return null;
            }
        }
        LocalDate from = slice.from();
        LocalDate to = slice.to();
        if (slice.by().contains(Dimension.PERIOD)) {
            String start = group.get(Dimension.PERIOD);
            if (start == null || slice.interval() == null) {
                return null;
            }
            LocalDate day = LocalDate.parse(start);
            from = max(from, slice.interval().start(day));
            to = min(to, slice.interval().end(day));
        }
        String service = group.getOrDefault(Dimension.SERVICE, slice.filters().get(Dimension.SERVICE));
        String channel = group.getOrDefault(Dimension.CHANNEL, slice.filters().get(Dimension.CHANNEL));
        return population.contacts(slice.council(), from, to, service, channel);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /**
     * Weights every respondent of the slice to the population shares (post-stratified for one question, raked for
     * several, trimmed at the cap), then fills {@code out} with one row per group and scale.
     */
    private SatisfactionReport.WeightingSummary weighted(Slice slice, FigureOptions options, List<RowData> out) {
        Map<String, QuestionShares> known = population.shares(slice.council());
        List<String> questions = options.weightBy();
        List<List<String>> answers = new ArrayList<>();
        for (String q : questions) {
            QuestionShares shares = known.get(q);
            if (shares == null) {
                throw new BadParameterException("weight", "no population shares for '" + q + "': a council admin adds them with PUT /api/v1/councils/"
                        + slice.council() + "/population-shares/" + q);
            }
            // Answers with a zero share cannot be weighted (they would need weight 0): they count as not stated.
            answers.add(shares.shares().entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList());
        }
        List<RespondentRepository.Respondents> rows = respondents.respondents(slice, questions);
        // cells: one per combination of answers (index answers.get(q).size() = not stated)
        Map<List<Integer>, Integer> cellIndex = new LinkedHashMap<>();
        List<Long> cellCounts = new ArrayList<>();
        int[] rowCell = new int[rows.size()];
        long n = 0;
        for (int r = 0; r < rows.size(); r++) {
            List<Integer> key = new ArrayList<>();
            for (int q = 0; q < questions.size(); q++) {
                int index = answers.get(q).indexOf(rows.get(r).answers()[q]);
                key.add(index < 0 ? answers.get(q).size() : index);
            }
            int j = cellIndex.computeIfAbsent(key, k -> {
                cellCounts.add(0L);
                return cellCounts.size() - 1;
            });
            cellCounts.set(j, cellCounts.get(j) + rows.get(r).count());
            rowCell[r] = j;
            n += rows.get(r).count();
        }
        long[] counts = cellCounts.stream().mapToLong(Long::longValue).toArray();
        int[][] groups = new int[counts.length][];
        cellIndex.forEach((key, j) -> groups[j] = key.stream().mapToInt(Integer::intValue).toArray());
        Map<String, Long> notStated = new LinkedHashMap<>();
        Map<String, List<String>> notRepresented = new LinkedHashMap<>();
        double[][] targets = new double[questions.size()][];
        for (int q = 0; q < questions.size(); q++) {
            List<String> codes = answers.get(q);
            long[] sample = new long[codes.size() + 1];
            for (int j = 0; j < counts.length; j++) {
                sample[groups[j][q]] += counts[j];
            }
            long missing = sample[codes.size()];
            notStated.put(questions.get(q), missing);
            if (n > 0 && missing == n) {
                throw new BadParameterException("weight", "no respondent in this slice answered '" + questions.get(q) + "' with an answer that has a population share");
            }
            double present = 0;
            List<String> absent = new ArrayList<>();
            for (int g = 0; g < codes.size(); g++) {
                if (sample[g] > 0) {
                    present += known.get(questions.get(q)).shares().get(codes.get(g));
                } else {
                    absent.add(codes.get(g));
                }
            }
            notRepresented.put(questions.get(q), absent);
            targets[q] = new double[codes.size() + 1];
            double stated = n == 0 ? 1 : 1 - (double) missing / n;
            for (int g = 0; g < codes.size(); g++) {
                targets[q][g] = sample[g] > 0 ? stated * known.get(questions.get(q)).shares().get(codes.get(g)) / present : 0;
            }
            targets[q][codes.size()] = n == 0 ? 0 : (double) missing / n;
        }
        Weighting.Weights raked = n == 0 ? new Weighting.Weights(new double[counts.length], 0, true) : Weighting.rake(counts, groups, targets);
        double[] weights = n == 0 ? raked.weights() : Weighting.trim(counts, raked.weights(), options.cap());
        boolean trimmed = !Arrays.equals(weights, raked.weights());
        // rows
        Map<String, RowData> byRow = new LinkedHashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            RespondentRepository.Respondents resp = rows.get(r);
            String key = resp.group() + "/" + resp.scale().code();
            RowData row = byRow.computeIfAbsent(key, k -> new RowData(resp.group(), resp.scale(), new long[resp.scale().size()], new ArrayList<>()));
            row.counts()[resp.score() - 1] += resp.count();
            row.cells().add(new Cell(options.metric().value(resp.scale().point(resp.score())), resp.count(), weights[rowCell[r]]));
        }
        out.addAll(byRow.values().stream().sorted((a, b) -> (a.group().values() + "/" + a.scale().code()).compareTo(b.group().values() + "/" + b.scale().code())).toList());
        double total = 0;
        double squares = 0;
        double largest = 0;
        for (int j = 0; j < counts.length; j++) {
            total += counts[j] * weights[j];
            squares += counts[j] * weights[j] * weights[j];
            largest = counts[j] > 0 ? Math.max(largest, weights[j]) : largest;
        }
        double effectiveN = squares == 0 ? 0 : total * total / squares;
        return new SatisfactionReport.WeightingSummary(questions, questions.size() == 1 ? "post_stratification" : "raking", options.cap(),
                trimmed, raked.iterations(), raked.converged(), notStated, notRepresented, largest,
                effectiveN == 0 ? 1 : n / effectiveN, effectiveN);
    }
}
