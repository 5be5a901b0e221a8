package uk.civicpulse.analytics.population;

import jakarta.inject.Singleton;
import uk.civicpulse.analytics.satisfaction.Dimension;
import uk.civicpulse.analytics.satisfaction.ScoreCounts;
import uk.civicpulse.analytics.satisfaction.Slice;
import uk.civicpulse.analytics.satisfaction.SliceRepository;
import uk.civicpulse.analytics.stats.Representativeness;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Goodness of fit of respondents to the population per question, and response rates per channel. */
@Singleton
public class RepresentativenessService {

    private final SliceRepository slices;
    private final PopulationRepository population;

    public RepresentativenessService(SliceRepository slices, PopulationRepository population) {
        this.slices = slices;
        this.population = population;
    }

    /** @param base the slice (council, period, filters on service and channel); its breakdown is ignored */
    public RepresentativenessReport report(Slice base) {
        long total = sum(slices.counts(slice(base, List.of(), null)));
        List<RepresentativenessReport.Question> questions = new ArrayList<>();
        for (QuestionShares shares : population.shares(base.council()).values()) {
            Map<String, Long> answered = new LinkedHashMap<>();
            for (ScoreCounts c : slices.counts(slice(base, List.of(Dimension.CUSTOMER_GROUP), shares.question()))) {
                answered.merge(c.group().get(Dimension.CUSTOMER_GROUP), c.n(), Long::sum);
            }
            List<String> answers = new ArrayList<>(shares.shares().keySet());
            long[] observed = new long[answers.size()];
            double[] p = new double[answers.size()];
            long notStated = 0;
            long answeredTotal = 0;
            for (Map.Entry<String, Long> e : answered.entrySet()) {
                answeredTotal += e.getValue();
                int g = answers.indexOf(e.getKey());
                if (g < 0 || shares.shares().get(e.getKey()) == 0) {
                    notStated += e.getValue();
                } else {
                    observed[g] = e.getValue();
                }
            }
            for (int g = 0; g < answers.size(); g++) {
                p[g] = shares.shares().get(answers.get(g));
            }
            Representativeness.Fit fit = Representativeness.goodnessOfFit(observed, p);
            double shareTotal = 0;
            for (double s : p) {
                shareTotal += s;
            }
            List<RepresentativenessReport.Group> groups = new ArrayList<>();
            for (int g = 0; g < answers.size(); g++) {
                groups.add(new RepresentativenessReport.Group(answers.get(g), observed[g],
                        fit.n() == 0 || p[g] == 0 ? null : (double) observed[g] / fit.n(), shareTotal == 0 ? 0 : p[g] / shareTotal,
                        fit.expected()[g], fit.ratio()[g], fit.residual()[g], fit.representation(g)));
            }
            questions.add(new RepresentativenessReport.Question(shares.question(), shares.source(), fit.n(), notStated,
                    Math.max(0, total - answeredTotal), fit.statistic(), Math.max(fit.df(), 0), fit.pValue(), fit.smallExpected(), groups));
        }
        List<RepresentativenessReport.ResponseRate> rates = new ArrayList<>();
        for (ScoreCounts c : slices.counts(slice(base, List.of(Dimension.CHANNEL), null))) {
            String channel = c.group().get(Dimension.CHANNEL);
            rates.add(rate(base, channel, c.n()));
        }
        Map<String, RepresentativenessReport.ResponseRate> byChannel = new LinkedHashMap<>();
        for (RepresentativenessReport.ResponseRate r : rates) {
            byChannel.merge(r.channel(), r, (a, b) -> rate(base, a.channel(), a.responses() + b.responses()));
        }
        Map<String, String> filters = new LinkedHashMap<>();
        base.filters().forEach((d, v) -> filters.put(d.code(), v));
        return new RepresentativenessReport(base.council(), base.from(), base.to(), filters, "pearson_chi_square_goodness_of_fit",
                questions, new ArrayList<>(byChannel.values()));
    }

    private RepresentativenessReport.ResponseRate rate(Slice base, String channel, long responses) {
        Long contacts = base.filters().containsKey(Dimension.TOUCHPOINT) ? null
                : population.contacts(base.council(), base.from(), base.to(), base.filters().get(Dimension.SERVICE), channel);
        return new RepresentativenessReport.ResponseRate(channel, responses, contacts,
                contacts == null || contacts == 0 ? null : (double) responses / contacts);
    }

    private static Slice slice(Slice base, List<Dimension> by, String question) {
        Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
        filters.putAll(base.filters());
        return new Slice(base.council(), base.from(), base.to(), by, filters, question, null);
    }

    private static long sum(List<ScoreCounts> counts) {
        return counts.stream().mapToLong(ScoreCounts::n).sum();
    }
}
