package uk.civicpulse.analytics.external;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import uk.civicpulse.analytics.officers.CouncilAccess;
import uk.civicpulse.analytics.population.PopulationController;
import uk.civicpulse.analytics.population.PopulationRepository;
import uk.civicpulse.analytics.population.QuestionShares;
import uk.civicpulse.analytics.stats.Cell;
import uk.civicpulse.analytics.stats.Estimate;
import uk.civicpulse.analytics.stats.Metric;
import uk.civicpulse.analytics.stats.MetricEstimator;
import uk.civicpulse.analytics.stats.ProportionInterval;
import uk.civicpulse.analytics.stats.FunnelPlot;
import uk.civicpulse.analytics.stats.TargetAssessment;
import uk.civicpulse.analytics.stats.TargetCheck;
import uk.civicpulse.analytics.stats.TrendTest;
import uk.civicpulse.analytics.stats.WilsonInterval;
import uk.civicpulse.analytics.trends.PeriodCounts;
import uk.civicpulse.analytics.trends.TrendService;
import uk.civicpulse.analytics.trends.TrendReport;
import uk.civicpulse.analytics.web.BadFieldException;
import uk.civicpulse.analytics.web.BadParameterException;
import uk.civicpulse.events.RatingSubmitted;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Counts from surveys run outside the platform (item 12): officers submit them and get the same statistics back:
 * the Wilson interval (finite-population corrected when they give the population size), status against a target,
 * intervals per customer group, group differences (each group against the rest, overall chi-square,
 * Benjamini-Hochberg), representativeness against population shares, % satisfied post-stratified to those shares
 * from the group counts, its place on funnel limits around a benchmark the officer supplies, and the change and
 * trend across waves.
 */
@Controller("/api/v1/councils/{council}/external-surveys")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Counts from elsewhere")
public class ExternalSurveyController {

    static final double LEVEL = 0.95;
    static final int MAX_GROUPS = 500;

    private final ExternalSurveyRepository surveys;
    private final CouncilAccess access;
    private final PopulationRepository population;
    private final int minimumN;

    public ExternalSurveyController(ExternalSurveyRepository surveys, CouncilAccess access, PopulationRepository population,
                                    @Value("${civic-pulse.satisfaction.minimum-n:30}") int minimumN) {
        this.surveys = surveys;
        this.access = access;
        this.population = population;
        this.minimumN = minimumN;
    }

    /**
     * Stores one wave of an external survey and answers its statistics: % satisfied with its 95% Wilson interval,
     * corrected for the finite population when {@code population} is given; its status against {@code target};
     * per customer-group question with group counts, each group's interval, each group against the rest (pooled
     * two-proportion z test) with Benjamini-Hochberg adjusted p-values across the wave and the overall chi-square;
     * per question with group counts and population shares (given here, else the council's stored ones), the
     * goodness of fit of the respondents to the shares and the post-stratified % satisfied; and its place on funnel
     * limits around {@code benchmark}. A second wave with the same title and wave name is refused (409): submit a
     * new wave name instead.
     */
    @Post
    public HttpResponse<ExternalSurveyFigures> submit(@PathVariable String council, @Body ExternalSurveyRequest body, Authentication who) {
        access.requireReadable(who, council);
        ExternalSurvey survey = validate(council, body, who.getName());
        Map<String, Map<String, Double>> given = validShares(body.populationShares());
        ExternalSurveyFigures figures = figures(survey, minimumN, given, population.shares(council), true);
        if (!surveys.insert(survey)) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "this council already has wave '" + survey.wave() + "' of '" + survey.title() + "'");
        }
        return HttpResponse.created(figures);
    }

    /**
     * Every wave with its statistics, and per survey title the change between its last two waves (Newcombe's interval)
     * and the Cochran-Armitage trend across its waves in order of fieldwork.
     *
     * @param title only this survey
     */
    @Get
    public ExternalSurveyFigures.Listing list(@PathVariable String council, @Nullable @QueryValue String title, Authentication who) {
        access.requireReadable(who, council);
        if (title != null && (title.isBlank() || title.length() > 200)) {
            throw new BadParameterException("title", "must be a survey title of at most 200 characters");
        }
        List<ExternalSurvey> all = surveys.list(council, title);
        Map<String, List<ExternalSurvey>> byTitle = new LinkedHashMap<>();
        all.forEach(s -> byTitle.computeIfAbsent(s.title(), k -> new ArrayList<>()).add(s));
        List<ExternalSurveyFigures.Waves> trends = new ArrayList<>();
        byTitle.forEach((t, waves) -> {
            List<PeriodCounts> series = waves.stream().map(w -> new PeriodCounts(w.fieldedFrom(), w.fieldedTo(), w.satisfied(), w.respondents())).toList();
            List<TrendReport.PeriodFigure> figures = series.stream().map(p -> TrendService.figure(p, minimumN)).toList();
            trends.add(new ExternalSurveyFigures.Waves(t, waves.size(), TrendService.lastChange(series, figures),
                    TrendTest.cochranArmitage(series.stream().mapToLong(PeriodCounts::satisfied).toArray(),
                            series.stream().mapToLong(PeriodCounts::n).toArray(), TrendService.ALPHA)));
        });
        Map<String, QuestionShares> stored = population.shares(council);
        return new ExternalSurveyFigures.Listing(council, all.stream().map(s -> figures(s, minimumN, Map.of(), stored, false)).toList(), trends);
    }

    /**
     * @param given  population shares given with the submission, by question
     * @param stored the council's stored population shares, used for questions without given shares
     * @param strict refuse (400) a question that cannot be weighted, rather than label it
     */
    static ExternalSurveyFigures figures(ExternalSurvey s, int minimumN, Map<String, Map<String, Double>> given,
                                         Map<String, QuestionShares> stored, boolean strict) {
        ExternalSurveyFigures.TargetFigure target = null;
        if (s.target() != null) {
            TargetAssessment a = TargetCheck.assess(s.satisfied(), s.respondents(), s.target(), LEVEL);
            target = new ExternalSurveyFigures.TargetFigure(s.target(), a.status(), a.probabilityAtOrAbove(), a.moreResponsesNeeded(),
                    a.probabilityMethod());
        }
        List<ExternalSurveyFigures.GroupFigure> groups = s.groups().stream().map(g -> new ExternalSurveyFigures.GroupFigure(
                g.question(), g.answer(), figure(g.satisfied(), g.respondents(), null, minimumN))).toList();
        Map<String, Shares> shares = shares(s, given, stored);
        return new ExternalSurveyFigures(s, figure(s.satisfied(), s.respondents(), s.population(), minimumN), target, groups,
                weighted(s, minimumN, shares, strict), funnel(s, minimumN), ExternalComparisons.differences(s, minimumN, LEVEL),
                ExternalComparisons.representation(s, shares));
    }

    /**
     * Population shares for a question and where they came from: "request" (given with the submission) or
     * "council" (the council's stored shares).
     */
    record Shares(Map<String, Double> shares, String from) {
    }

    /** For each question with group counts, the shares given with the submission, else the council's stored ones. */
    static Map<String, Shares> shares(ExternalSurvey s, Map<String, Map<String, Double>> given, Map<String, QuestionShares> stored) {
        Map<String, Shares> out = new LinkedHashMap<>();
        for (ExternalSurvey.Group g : s.groups()) {
            if (out.containsKey(g.question())) {
                continue;
            }
            if (given.containsKey(g.question())) {
                out.put(g.question(), new Shares(given.get(g.question()), "request"));
            } else if (stored.containsKey(g.question())) {
                out.put(g.question(), new Shares(stored.get(g.question()).shares(), "council"));
            }
        }
        return out;
    }

    /** The wave on Spiegelhalter's 95% and 99.8% funnel limits around its benchmark; null without one. */
    static ExternalSurveyFigures.Funnel funnel(ExternalSurvey s, int minimumN) {
        if (s.benchmark() == null) {
            return null;
        }
        FunnelPlot.Limits l = FunnelPlot.limits(s.benchmark(), s.respondents());
        long n = s.respondents();
        return new ExternalSurveyFigures.Funnel(s.benchmark(), s.benchmarkSource(), n, n == 0 ? null : (double) s.satisfied() / n,
                l.lower95(), l.upper95(), l.lower998(), l.upper998(),
                n == 0 ? FunnelPlot.NO_RESPONSES : FunnelPlot.position(s.satisfied(), n, l.lower95(), l.upper95()),
                n == 0 ? FunnelPlot.NO_RESPONSES : FunnelPlot.position(s.satisfied(), n, l.lower998(), l.upper998()),
                FunnelPlot.METHOD, n < minimumN ? "too few responses" : null);
    }

    static List<ExternalSurveyFigures.WeightedFigure> weighted(ExternalSurvey s, int minimumN, Map<String, Shares> sharesByQuestion,
                                                               boolean strict) {
        Map<String, List<ExternalSurvey.Group>> byQuestion = new LinkedHashMap<>();
        s.groups().forEach(g -> byQuestion.computeIfAbsent(g.question(), k -> new ArrayList<>()).add(g));
        List<ExternalSurveyFigures.WeightedFigure> out = new ArrayList<>();
        byQuestion.forEach((question, groups) -> {
            Shares found = sharesByQuestion.get(question);
            if (found == null) {
                return;
            }
            Map<String, Double> shares = found.shares();
            String from = found.from();
            ExternalWeighting.Result r;
            try {
                r = ExternalWeighting.postStratified(groups, shares, LEVEL);
            } catch (IllegalArgumentException e) {
                String why = "cannot weight to " + (from.equals("request") ? "the given" : "the council's") + " population shares of '"
                        + question + "': " + e.getMessage();
                if (strict) {
                    throw new BadFieldException("populationShares", why);
                }
                out.add(new ExternalSurveyFigures.WeightedFigure(question, from, ExternalWeighting.METHOD, 0, null, null, null, null,
                        null, null, null, "percent_satisfied", WilsonInterval.METHOD, LEVEL, List.of(), why));
                return;
            }
            Estimate e = r.estimate();
            String label = e.n() < minimumN ? "too few responses" : e.note();
            out.add(new ExternalSurveyFigures.WeightedFigure(question, from, ExternalWeighting.METHOD, e.n(), e.value(), e.lower(),
                    e.upper(), e.marginOfError(), e.standardError(), e.effectiveN(), e.designEffect(), e.metric(), e.method(),
                    e.level(), r.notRepresented(), label));
        });
        return out;
    }

    /** Population shares given with a submission: codes, each share 0 to 1, each question's shares summing to 1. */
    static Map<String, Map<String, Double>> validShares(Map<String, Map<String, Double>> given) {
        if (given == null) {
            return Map.of();
        }
        if (given.size() > MAX_GROUPS) {
            throw new BadFieldException("populationShares", "at most " + MAX_GROUPS + " questions");
        }
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Double>> q : given.entrySet()) {
            String field = "populationShares." + q.getKey();
            if (!RatingSubmitted.isCode(q.getKey()) || q.getValue() == null || q.getValue().isEmpty() || q.getValue().size() > MAX_GROUPS) {
                throw new BadFieldException("populationShares", "give, per question code, a share per answer code, e.g. {\"age_band\": {\"16_34\": 0.3, ...}}");
            }
            double sum = 0;
            for (Map.Entry<String, Double> a : q.getValue().entrySet()) {
                Double share = a.getValue();
                if (!RatingSubmitted.isCode(a.getKey()) || share == null || !(share >= 0 && share <= 1)) {
                    throw new BadFieldException(field, "each answer code needs a share from 0 to 1");
                }
                sum += share;
            }
            if (Math.abs(sum - 1) > PopulationController.SUM_TOLERANCE) {
                throw new BadFieldException(field, "the shares must sum to 1 (within " + PopulationController.SUM_TOLERANCE + "), got " + sum);
            }
            out.put(q.getKey(), new LinkedHashMap<>(q.getValue()));
        }
        return out;
    }

    /** @param population N, for the finite population correction; null when not given */
    static ExternalSurveyFigures.Figure figure(long satisfied, long n, Long population, int minimumN) {
        Estimate e = MetricEstimator.of(Metric.PERCENT_SATISFIED, List.of(new Cell(1, satisfied, 1), new Cell(0, n - satisfied, 1)),
                ProportionInterval.WILSON, LEVEL, population);
        return new ExternalSurveyFigures.Figure(n, satisfied, e.value(), e.lower(), e.upper(), e.marginOfError(), e.standardError(),
                population, e.finitePopulationCorrected(), e.metric(), e.method(), LEVEL,
                n < minimumN ? "too few responses" : n == 0 ? null : e.note());
    }

    static ExternalSurvey validate(String council, ExternalSurveyRequest body, String by) {
        String title = text("title", body.title(), 200);
        String wave = text("wave", body.wave(), 100);
        LocalDate from = date("fieldedFrom", body.fieldedFrom());
        LocalDate to = date("fieldedTo", body.fieldedTo());
        if (from.isAfter(to)) {
            throw new BadFieldException("fieldedFrom", "is after fieldedTo");
        }
        if (body.service() != null && !RatingSubmitted.isCode(body.service())) {
            throw new BadFieldException("service", "must be a service code (lower-case letters, digits, _ and -)");
        }
        long n = counts("respondents", body.respondents(), "satisfied", body.satisfied())[0];
        if (body.target() != null && !(body.target() >= 0 && body.target() <= 1)) {
            throw new BadFieldException("target", "give the target as a proportion from 0 to 1, e.g. 0.95");
        }
        if (body.benchmark() != null && !(body.benchmark() >= 0 && body.benchmark() <= 1)) {
            throw new BadFieldException("benchmark", "give the benchmark as a proportion from 0 to 1, e.g. 0.81");
        }
        if (body.benchmarkSource() != null && body.benchmarkSource().length() > 200) {
            throw new BadFieldException("benchmarkSource", "at most 200 characters");
        }
        if (body.population() != null && body.population() < n) {
            throw new BadFieldException("population", "the population the respondents came from is at least the " + n + " respondents");
        }
        List<ExternalSurvey.Group> groups = new ArrayList<>();
        List<ExternalSurveyRequest.GroupCount> given = body.groups() == null ? List.of() : body.groups();
        if (given.size() > MAX_GROUPS) {
            throw new BadFieldException("groups", "at most " + MAX_GROUPS + " group counts");
        }
        Map<String, Long> perQuestion = new HashMap<>();
        for (int i = 0; i < given.size(); i++) {
            ExternalSurveyRequest.GroupCount g = given.get(i);
            String field = "groups[" + i + "]";
            if (g == null || g.question() == null || !RatingSubmitted.isCode(g.question())) {
                throw new BadFieldException(field + ".question", "must be a question code, e.g. age_band");
            }
            if (g.answer() == null || !RatingSubmitted.isCode(g.answer())) {
                throw new BadFieldException(field + ".answer", "must be an answer code, e.g. 65_74");
            }
            long groupN = counts(field + ".respondents", g.respondents(), field + ".satisfied", g.satisfied())[0];
            long sum = perQuestion.merge(g.question(), groupN, Long::sum);
            if (sum > n) {
                throw new BadFieldException(field + ".respondents", "the groups of question '" + g.question() + "' add up to more than the survey's respondents");
            }
            groups.add(new ExternalSurvey.Group(g.question(), g.answer(), g.respondents(), g.satisfied()));
        }
        return new ExternalSurvey(UUID.randomUUID(), council, title, wave, from, to, body.service(), body.respondents(),
                body.satisfied(), body.target(), groups, by, Instant.now(), body.benchmark(),
                body.benchmarkSource() == null || body.benchmarkSource().isBlank() ? null : body.benchmarkSource().strip(),
                body.population());
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new BadFieldException(field, "is required, at most " + max + " characters");
        }
        return value.strip();
    }

    private static LocalDate date(String field, String value) {
        if (value == null) {
            throw new BadFieldException(field, "is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadFieldException(field, "must be a date YYYY-MM-DD, got '" + value + "'");
        }
    }

    private static long[] counts(String nField, Long n, String satisfiedField, Long satisfied) {
        if (n == null || n < 0) {
            throw new BadFieldException(nField, "is required: a count of 0 or more");
        }
        if (satisfied == null || satisfied < 0 || satisfied > n) {
            throw new BadFieldException(satisfiedField, "is required: a count from 0 to " + nField);
        }
        return new long[]{n, satisfied};
    }
}
