package uk.civicpulse.analytics.satisfaction;

import jakarta.inject.Singleton;
import uk.civicpulse.analytics.stats.BenjaminiHochberg;
import uk.civicpulse.analytics.stats.GroupDifferences;
import uk.civicpulse.analytics.stats.ProportionEstimate;
import uk.civicpulse.analytics.stats.ProportionInterval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Group-vs-rest tests of % satisfied for one customer-group question, from the daily group counts. */
@Singleton
public class GroupDifferencesService {

    private final SliceRepository repository;
    private final SatisfactionService satisfaction;

    public GroupDifferencesService(SliceRepository repository, SatisfactionService satisfaction) {
        this.repository = repository;
        this.satisfaction = satisfaction;
    }

    public GroupDifferencesReport differences(Slice slice, ProportionInterval method, double level) {
        Map<String, long[]> byAnswer = new LinkedHashMap<>();
        for (ScoreCounts counts : repository.counts(slice)) {
            long[] totals = byAnswer.computeIfAbsent(counts.group().get(Dimension.CUSTOMER_GROUP), k -> new long[2]);
            totals[0] += counts.satisfied();
            totals[1] += counts.n();
        }
        List<String> answers = new ArrayList<>(byAnswer.keySet());
        long[] x = new long[answers.size()];
        long[] n = new long[answers.size()];
        long totalX = 0;
        long totalN = 0;
        for (int g = 0; g < answers.size(); g++) {
            x[g] = byAnswer.get(answers.get(g))[0];
            n[g] = byAnswer.get(answers.get(g))[1];
            totalX += x[g];
            totalN += n[g];
        }
        GroupDifferences.Comparison[] comparisons = new GroupDifferences.Comparison[answers.size()];
        Double[] p = new Double[answers.size()];
        for (int g = 0; g < answers.size(); g++) {
            comparisons[g] = GroupDifferences.twoProportions(x[g], n[g], totalX - x[g], totalN - n[g]);
            p[g] = comparisons[g].pValue();
        }
        Double[] adjusted = BenjaminiHochberg.adjust(p);
        List<GroupDifferencesReport.Group> groups = new ArrayList<>();
        for (int g = 0; g < answers.size(); g++) {
            ProportionEstimate e = method.of(x[g], n[g], level);
            GroupDifferences.Comparison c = comparisons[g];
            groups.add(new GroupDifferencesReport.Group(answers.get(g), n[g], x[g], e.proportion(), e.lower(), e.upper(), e.marginOfError(),
                    totalN - n[g], c.restProportion(), c.difference(), c.z(), c.pValue(), adjusted[g],
                    adjusted[g] != null && adjusted[g] < GroupDifferences.FALSE_DISCOVERY_RATE,
                    n[g] < satisfaction.minimumN() ? SatisfactionService.TOO_FEW : null));
        }
        GroupDifferences.Independence overall = GroupDifferences.independence(x, n);
        Map<String, String> filters = new LinkedHashMap<>();
        slice.filters().forEach((d, v) -> filters.put(d.code(), v));
        return new GroupDifferencesReport(slice.council(), slice.from(), slice.to(), slice.question(), filters, SatisfactionService.METRIC,
                method.code(), level, satisfaction.minimumN(), "two_proportion_z_pooled", "benjamini_hochberg",
                GroupDifferences.FALSE_DISCOVERY_RATE,
                new GroupDifferencesReport.Overall(overall.statistic(), overall.df(), overall.pValue(), overall.smallExpected()), groups);
    }
}
