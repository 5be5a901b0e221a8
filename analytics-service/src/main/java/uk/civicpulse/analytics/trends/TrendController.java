package uk.civicpulse.analytics.trends;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.SerdeImport;
import io.swagger.v3.oas.annotations.tags.Tag;
import uk.civicpulse.analytics.stats.TrendResult;
import uk.civicpulse.analytics.officers.CouncilAccess;
import uk.civicpulse.analytics.satisfaction.SliceQuery;
import uk.civicpulse.analytics.stats.ChangeEstimate;
import uk.civicpulse.analytics.stats.LogisticTrend;
import uk.civicpulse.analytics.stats.ProportionChange;
import uk.civicpulse.analytics.stats.ProportionEstimate;
import uk.civicpulse.analytics.stats.TrendTest;
import uk.civicpulse.analytics.stats.WilsonInterval;
import uk.civicpulse.analytics.web.BadParameterException;

import java.util.List;

/** Is satisfaction changing? The change between the last two periods and a trend test over the series (CSE 1.3.4). */
@Controller("/api/v1/councils/{council}/trend")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Trends and dips")
@SerdeImport(TrendResult.class)
public class TrendController {

    public static final double LEVEL = 0.95;
    public static final double ALPHA = 0.05;
    public static final String TOO_FEW = "too few responses";

    private final SatisfiedCounts counts;
    private final CouncilAccess access;
    private final int minimumN;

    public TrendController(SatisfiedCounts counts, CouncilAccess access, @Value("${civic-pulse.satisfaction.minimum-n:30}") int minimumN) {
        this.counts = counts;
        this.access = access;
        this.minimumN = minimumN;
    }

    /**
     * % satisfied per period with 95% Wilson intervals; the change from the second-last to the last period with a
     * 95% Newcombe hybrid score interval for the difference; and a trend test over the series, reported as improving,
     * declining or no_clear_change at the 5% level, naming its variant in {@code trend.method}: by default
     * Cochran-Armitage for a linear trend in proportions (periods scored 1, 2, 3..., 1 degree of freedom, no
     * continuity correction, as R's prop.trend.test); with {@code method=logistic} the slope of a logistic regression
     * of satisfied on the period (log-odds per period, Wald 95% interval and p-value, as R's
     * glm(cbind(s, n - s) ~ t, family = binomial)). For any slice: a service, channel, touchpoint, or the respondents
     * who gave one answer to a customer-group question.
     *
     * @param period day, week, month (default), quarter or year; the series runs from the period containing
     *               {@code from} to the one containing {@code to}
     * @param method cochran-armitage (default) or logistic
     */
    @Get
    public TrendReport trend(@RequestBean SliceQuery query, @Nullable @QueryValue String period,
                             @Nullable @QueryValue String method, Authentication who) {
        query.requireReadable(access, who, "period", "method");
        boolean logistic = method != null && method.equals("logistic");
        if (method != null && !logistic && !method.equals("cochran-armitage")) {
            throw new BadParameterException("method", "must be cochran-armitage (the default) or logistic");
        }
        List<PeriodCounts> series = counts.series(query, period);
        long[] satisfied = series.stream().mapToLong(PeriodCounts::satisfied).toArray();
        long[] n = series.stream().mapToLong(PeriodCounts::n).toArray();
        List<TrendReport.PeriodFigure> figures = series.stream().map(p -> figure(p, minimumN)).toList();
        return new TrendReport(query.council(), query.service(), query.channel(), query.givenFilters(),
                SatisfiedCounts.period(period).code(), series.get(0).from(), series.get(series.size() - 1).to(),
                "percent_satisfied", LEVEL, figures, lastChange(series, figures),
                logistic ? LogisticTrend.slope(satisfied, n, ALPHA) : TrendTest.cochranArmitage(satisfied, n, ALPHA));
    }

    /** The last period against the one before it; null with fewer than two periods. */
    public static TrendReport.Change lastChange(List<PeriodCounts> series, List<TrendReport.PeriodFigure> figures) {
        if (series.size() < 2) {
            return null;
        }
        PeriodCounts earlier = series.get(series.size() - 2);
        PeriodCounts later = series.get(series.size() - 1);
        ChangeEstimate e = ProportionChange.between(earlier.satisfied(), earlier.n(), later.satisfied(), later.n(), LEVEL);
        return TrendReport.Change.of(figures.get(figures.size() - 2), figures.get(figures.size() - 1), e);
    }

    public static TrendReport.PeriodFigure figure(PeriodCounts p, int minimumN) {
        ProportionEstimate e = WilsonInterval.of(p.satisfied(), p.n(), LEVEL);
        return new TrendReport.PeriodFigure(p.from(), p.to(), p.n(), p.satisfied(), e.proportion(), e.lower(), e.upper(),
                p.n() < minimumN ? TOO_FEW : null);
    }
}
