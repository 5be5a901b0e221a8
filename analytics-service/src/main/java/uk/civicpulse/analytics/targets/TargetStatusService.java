package uk.civicpulse.analytics.targets;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import uk.civicpulse.analytics.satisfaction.SliceQuery;
import uk.civicpulse.analytics.stats.ProportionEstimate;
import uk.civicpulse.analytics.stats.TargetAssessment;
import uk.civicpulse.analytics.stats.TargetCheck;
import uk.civicpulse.analytics.stats.WilsonInterval;
import uk.civicpulse.analytics.trends.PeriodCounts;
import uk.civicpulse.analytics.trends.SatisfiedCounts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each service and channel against its target (CSE 1.3.4): what the targets status route, the dashboard overview, the
 * public results, the evidence pack and the target alerts all show. Who may read the council is decided by the
 * caller; a bad range or filter is a 400 problem naming it, as everywhere else.
 */
@Singleton
public class TargetStatusService {

    static final double LEVEL = 0.95;

    private final TargetRepository targets;
    private final SatisfiedCounts counts;
    private final int minimumN;

    public TargetStatusService(TargetRepository targets, SatisfiedCounts counts,
                               @Value("${civic-pulse.satisfaction.minimum-n:30}") int minimumN) {
        this.targets = targets;
        this.counts = counts;
        this.minimumN = minimumN;
    }

    /**
     * Each service and channel with responses in the slice, or with a target, against its target: met when the 95%
     * Wilson interval's lower bound is at or above the target, not met when its upper bound is below it, otherwise
     * too close to call; the probability that the true level is at or above the target (Beta posterior with the
     * Jeffreys prior); and how many more responses would settle a too-close-to-call status if the proportion held.
     * The targets are those of the service and channel each row is for.
     */
    public TargetStatusReport status(SliceQuery query) {
        String council = query.council();
        Map<SatisfiedCounts.Cell, PeriodCounts> cells = new LinkedHashMap<>(counts.byServiceAndChannel(query));
        PeriodCounts range = counts.total(query);
        Map<SatisfiedCounts.Cell, Target> byCell = new HashMap<>();
        for (Target t : targets.targets(council)) {
            if (query.service() != null && !query.service().equals(t.service())
                    || query.channel() != null && !query.channel().equals(t.channel()) && !t.channel().equals(Target.ALL_CHANNELS)) {
                continue;
            }
            byCell.put(new SatisfiedCounts.Cell(t.service(), t.channel()), t);
        }
        // targets with no responses in the slice still get a row: a channel's own, or a service's "all" when the
        // service has no responses on any channel
        for (Target t : byCell.values()) {
            boolean serviceHasResponses = cells.keySet().stream().anyMatch(c -> c.service().equals(t.service()));
            boolean isAll = t.channel().equals(Target.ALL_CHANNELS);
            SatisfiedCounts.Cell cell = new SatisfiedCounts.Cell(t.service(), t.channel());
            if (isAll ? !serviceHasResponses : !cells.containsKey(cell)) {
                cells.put(cell, new PeriodCounts(range.from(), range.to(), 0, 0));
            }
        }
        List<TargetStatusReport.Row> rows = new ArrayList<>();
        cells.forEach((cell, c) -> {
            Target t = byCell.getOrDefault(cell, byCell.get(new SatisfiedCounts.Cell(cell.service(), Target.ALL_CHANNELS)));
            rows.add(row(cell, c, t));
        });
        rows.sort(Comparator.comparing(TargetStatusReport.Row::service).thenComparing(TargetStatusReport.Row::channel));
        return new TargetStatusReport(council, range.from(), range.to(), query.givenFilters(), "percent_satisfied", WilsonInterval.METHOD,
                TargetCheck.PROBABILITY_METHOD, LEVEL, minimumN, rows);
    }

    private TargetStatusReport.Row row(SatisfiedCounts.Cell cell, PeriodCounts c, Target t) {
        String label = c.n() < minimumN ? "too few responses" : null;
        if (t == null) {
            ProportionEstimate e = WilsonInterval.of(c.satisfied(), c.n(), LEVEL);
            return new TargetStatusReport.Row(cell.service(), cell.channel(), null, null, c.n(), c.satisfied(), e.proportion(),
                    e.lower(), e.upper(), "no_target", null, null, label);
        }
        TargetAssessment a = TargetCheck.assess(c.satisfied(), c.n(), t.target(), LEVEL);
        return new TargetStatusReport.Row(cell.service(), cell.channel(), t.target(), t.channel(), c.n(), c.satisfied(),
                a.proportion(), a.lower(), a.upper(), a.status(), a.probabilityAtOrAbove(), a.moreResponsesNeeded(), label);
    }
}
