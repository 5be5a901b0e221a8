package uk.civicpulse.analytics.external;

import uk.civicpulse.analytics.population.RepresentativenessReport;
import uk.civicpulse.analytics.satisfaction.GroupDifferencesReport;
import uk.civicpulse.analytics.stats.BenjaminiHochberg;
import uk.civicpulse.analytics.stats.GroupDifferences;
import uk.civicpulse.analytics.stats.ProportionEstimate;
import uk.civicpulse.analytics.stats.Representativeness;
import uk.civicpulse.analytics.stats.WilsonInterval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Group differences and representativeness of an external survey wave, from the group counts the officer submitted
 * (item 12 with items 4 and 5), with the same functions and the same answer shapes as the platform's own figures
 * (GET .../satisfaction/group-differences and GET .../representativeness).
 * <ul>
 * <li>Per question, each answer against the respondents who gave another answer to it (the pooled two-proportion
 * test) and Pearson's chi-square test of independence over its answers; the group-against-rest p-values are
 * adjusted by Benjamini-Hochberg across every comparison in the wave, all questions together, because they are
 * shown together; a difference is flagged only when its adjusted p-value is below 0.05.</li>
 * <li>Per question with population shares (given with the submission, else the council's stored ones), the
 * chi-square goodness of fit of respondents' answers to the shares, each answer's ratio of shares and its
 * standardised residual; answers with respondents but no share are counted as not stated and left out.</li>
 * </ul>
 */
final class ExternalComparisons {

    static final String TEST = "two_proportion_z_pooled";
    static final String ADJUSTMENT = "benjamini_hochberg";
    static final String FIT_TEST = "pearson_chi_square_goodness_of_fit";

    private ExternalComparisons() {
    }

    /** {respondents, satisfied} per answer, per question, in the order submitted; repeated answers are added up. */
    static Map<String, Map<String, long[]>> byQuestion(ExternalSurvey s) {
        Map<String, Map<String, long[]>> out = new LinkedHashMap<>();
        for (ExternalSurvey.Group g : s.groups()) {
            long[] c = out.computeIfAbsent(g.question(), k -> new LinkedHashMap<>()).computeIfAbsent(g.answer(), k -> new long[2]);
            c[0] += g.respondents();
            c[1] += g.satisfied();
        }
        return out;
    }

    static List<ExternalSurveyFigures.Differences> differences(ExternalSurvey s, int minimumN, double level) {
        Map<String, Map<String, long[]>> questions = byQuestion(s);
        List<Double> pValues = new ArrayList<>();
        Map<String, GroupDifferences.Comparison[]> comparisons = new LinkedHashMap<>();
        questions.forEach((question, answers) -> {
            long totalX = 0;
            long totalN = 0;
            for (long[] c : answers.values()) {
                totalN += c[0];
                totalX += c[1];
            }
            GroupDifferences.Comparison[] each = new GroupDifferences.Comparison[answers.size()];
            int g = 0;
            for (long[] c : answers.values()) {
                each[g] = GroupDifferences.twoProportions(c[1], c[0], totalX - c[1], totalN - c[0]);
                pValues.add(each[g].pValue());
                g++;
            }
            comparisons.put(question, each);
        });
        Double[] adjusted = BenjaminiHochberg.adjust(pValues.toArray(new Double[0]));
        List<ExternalSurveyFigures.Differences> out = new ArrayList<>();
        int k = 0;
        for (Map.Entry<String, Map<String, long[]>> q : questions.entrySet()) {
            List<String> answers = new ArrayList<>(q.getValue().keySet());
            long[] x = new long[answers.size()];
            long[] n = new long[answers.size()];
            long totalN = 0;
            for (int g = 0; g < answers.size(); g++) {
                n[g] = q.getValue().get(answers.get(g))[0];
                x[g] = q.getValue().get(answers.get(g))[1];
                totalN += n[g];
            }
            GroupDifferences.Comparison[] each = comparisons.get(q.getKey());
            List<GroupDifferencesReport.Group> groups = new ArrayList<>();
            for (int g = 0; g < answers.size(); g++, k++) {
                ProportionEstimate e = WilsonInterval.of(x[g], n[g], level);
                GroupDifferences.Comparison c = each[g];
                groups.add(new GroupDifferencesReport.Group(answers.get(g), n[g], x[g], e.proportion(), e.lower(), e.upper(),
                        e.marginOfError(), totalN - n[g], c.restProportion(), c.difference(), c.z(), c.pValue(), adjusted[k],
                        adjusted[k] != null && adjusted[k] < GroupDifferences.FALSE_DISCOVERY_RATE,
                        n[g] < minimumN ? "too few responses" : null));
            }
            GroupDifferences.Independence overall = GroupDifferences.independence(x, n);
            out.add(new ExternalSurveyFigures.Differences(q.getKey(), TEST, ADJUSTMENT, GroupDifferences.FALSE_DISCOVERY_RATE,
                    new GroupDifferencesReport.Overall(overall.statistic(), overall.df(), overall.pValue(), overall.smallExpected()),
                    groups));
        }
        return out;
    }

    /**
     * @param shares population shares per question with where they came from ("request" or "council"); questions
     *               without shares are left out
     */
    static List<ExternalSurveyFigures.Representation> representation(ExternalSurvey s, Map<String, ExternalSurveyController.Shares> shares) {
        List<ExternalSurveyFigures.Representation> out = new ArrayList<>();
        byQuestion(s).forEach((question, byAnswer) -> {
            ExternalSurveyController.Shares given = shares.get(question);
            if (given == null) {
                return;
            }
            List<String> answers = new ArrayList<>(given.shares().keySet());
            long[] observed = new long[answers.size()];
            double[] p = new double[answers.size()];
            long notStated = 0;
            long answered = 0;
            for (Map.Entry<String, long[]> e : byAnswer.entrySet()) {
                answered += e.getValue()[0];
                int g = answers.indexOf(e.getKey());
                if (g < 0 || given.shares().get(e.getKey()) == 0) {
                    notStated += e.getValue()[0];
                } else {
                    observed[g] = e.getValue()[0];
                }
            }
            double shareTotal = 0;
            for (int g = 0; g < answers.size(); g++) {
                p[g] = given.shares().get(answers.get(g));
                shareTotal += p[g];
            }
            Representativeness.Fit fit = Representativeness.goodnessOfFit(observed, p);
            List<RepresentativenessReport.Group> groups = new ArrayList<>();
            for (int g = 0; g < answers.size(); g++) {
                groups.add(new RepresentativenessReport.Group(answers.get(g), observed[g],
                        fit.n() == 0 || p[g] == 0 ? null : (double) observed[g] / fit.n(), shareTotal == 0 ? 0 : p[g] / shareTotal,
                        fit.expected()[g], fit.ratio()[g], fit.residual()[g], fit.representation(g)));
            }
            out.add(new ExternalSurveyFigures.Representation(question, given.from(), FIT_TEST, fit.n(), notStated,
                    Math.max(0, s.respondents() - answered), fit.statistic(), Math.max(fit.df(), 0), fit.pValue(), fit.smallExpected(), groups));
        });
        return out;
    }
}
