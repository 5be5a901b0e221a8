package uk.civicpulse.analytics.planner;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import uk.civicpulse.analytics.satisfaction.FigureOptions;
import uk.civicpulse.analytics.stats.SampleSizePlanner;
import uk.civicpulse.analytics.web.BadParameterException;

/** How many responses a survey needs (CSE 1.3.1). Public: it uses no council's data. */
@Controller("/api/v1/planner")
@Secured(SecurityRule.IS_ANONYMOUS)
public class PlannerController {

    /**
     * Either for a margin of error ({@code margin}, e.g. 0.05 for plus or minus 5 points) or to tell a target from
     * the level expected ({@code target} with {@code expected}, a one-sided test with the given power); with and
     * without the finite population correction when {@code contacts} is given.
     *
     * @param margin   the margin of error wanted, between 0 and 1 (e.g. 0.05)
     * @param target   the target level, between 0 and 1 (e.g. 0.95)
     * @param expected the level expected, between 0 and 1 (default 0.5 for a margin: the most cautious; required with target)
     * @param level    confidence in per cent: 90, 95 (default) or 99; with a target, one minus the test's significance
     * @param power    with a target: the chance of telling them apart, between 0 and 1 (default 0.8)
     * @param contacts the number of contacts in the period, for the finite population correction
     */
    @Get
    public Plan plan(@Nullable @QueryValue String margin, @Nullable @QueryValue String target, @Nullable @QueryValue String expected,
                     @Nullable @QueryValue String level, @Nullable @QueryValue String power, @Nullable @QueryValue String contacts) {
        double confidence = FigureOptions.level(level);
        Long population = null;
        if (contacts != null) {
            try {
                population = Long.parseLong(contacts);
            } catch (NumberFormatException e) {
                throw new BadParameterException("contacts", "must be a whole number of contacts, at least 1");
            }
            if (population < 1) {
                throw new BadParameterException("contacts", "must be a whole number of contacts, at least 1");
            }
        }
        if ((margin == null) == (target == null)) {
            throw new BadParameterException(margin == null ? "margin" : "target", "give either 'margin' or 'target' (with 'expected')");
        }
        if (margin != null) {
            double e = fraction("margin", margin, false);
            double p = expected == null ? 0.5 : fraction("expected", expected, true);
            SampleSizePlanner.Plan plan = SampleSizePlanner.forMargin(e, confidence, p, population);
            return new Plan("margin_of_error", e, null, p, confidence, null, population, plan.responses(), plan.exact(),
                    plan.responsesWithPopulation(), plan.exactWithPopulation(), null,
                    "n0 = z^2 p (1 - p) / margin^2; with contacts N, n0 / (1 + (n0 - 1) / N) (Cochran 1977)");
        }
        double t = fraction("target", target, false);
        if (expected == null) {
            throw new BadParameterException("expected", "give the level expected, to tell it from the target");
        }
        double p = fraction("expected", expected, false);
        double pw = power == null ? 0.8 : fraction("power", power, false);
        SampleSizePlanner.Plan plan = SampleSizePlanner.forTarget(t, p, confidence, pw, population);
        if (plan == null) {
            return new Plan("target", null, t, p, confidence, pw, population, null, null, null, null,
                    "the expected level equals the target: no number of responses can tell them apart", null);
        }
        return new Plan("target", null, t, p, confidence, pw, population, plan.responses(), plan.exact(),
                plan.responsesWithPopulation(), plan.exactWithPopulation(), null,
                "one-sided test of the target at significance 1 - level: n = [(z(level) sqrt(t(1-t)) + z(power) sqrt(p(1-p))) / (p - t)]^2");
    }

    private static double fraction(String name, String value, boolean closed) {
        double v;
        try {
            v = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(closed ? v >= 0 && v <= 1 : v > 0 && v < 1)) {
            throw new BadParameterException(name, "must be a number " + (closed ? "from 0 to 1" : "between 0 and 1 (exclusive)") + ", e.g. 0.05");
        }
        return v;
    }

    /**
     * @param kind                  margin_of_error or target
     * @param responses             responses needed, rounded up; null when no number suffices
     * @param exactResponses        before rounding
     * @param responsesWithContacts with the finite population correction (at most the contacts); null without contacts
     * @param exactWithContacts     before rounding
     * @param note                  why there is no answer, when there is none
     * @param method                the formula used
     */
    @Serdeable
    public record Plan(String kind, @Nullable Double margin, @Nullable Double target, double expected, double confidenceLevel,
                       @Nullable Double power, @Nullable Long contacts, @Nullable Long responses, @Nullable Double exactResponses,
                       @Nullable Long responsesWithContacts, @Nullable Double exactWithContacts, @Nullable String note,
                       @Nullable String method) {
    }
}
