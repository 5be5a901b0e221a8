package uk.civicpulse.analytics.trends;

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
import uk.civicpulse.analytics.web.BadParameterException;

/** Is satisfaction changing? The change between the last two periods and a trend test over the series (CSE 1.3.4). */
@Controller("/api/v1/councils/{council}/trend")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Trends and dips")
@SerdeImport(TrendResult.class)
public class TrendController {

    private final TrendService trends;
    private final CouncilAccess access;

    public TrendController(TrendService trends, CouncilAccess access) {
        this.trends = trends;
        this.access = access;
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
        return trends.trend(query, period, logistic ? TrendService.Method.LOGISTIC : TrendService.Method.COCHRAN_ARMITAGE);
    }
}
