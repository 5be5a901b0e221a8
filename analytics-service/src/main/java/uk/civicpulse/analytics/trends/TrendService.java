package uk.civicpulse.analytics.trends;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import uk.civicpulse.analytics.satisfaction.SliceQuery;
import uk.civicpulse.analytics.stats.ChangeEstimate;
import uk.civicpulse.analytics.stats.LogisticTrend;
import uk.civicpulse.analytics.stats.ProportionChange;
import uk.civicpulse.analytics.stats.ProportionEstimate;
import uk.civicpulse.analytics.stats.TrendTest;
import uk.civicpulse.analytics.stats.WilsonInterval;

import java.util.List;

/**
 * Is satisfaction changing? (CSE 1.3.4) The series of % satisfied per period, the change between the last two periods
 * and a trend test over the series: what the trend route, the dashboard's trend page, the public results and the
 * evidence pack all show. Who may read the council is decided by the caller; a bad range, filter or period is a 400
 * problem naming it.
 */
@Singleton
public class TrendService {

    public static final double LEVEL = 0.95;
    public static final double ALPHA = 0.05;
    public static final String TOO_FEW = "too few responses";

    /** The trend test over the series. */
    public enum Method {
        /** Cochran-Armitage for a linear trend in proportions, as R's prop.trend.test. */
        COCHRAN_ARMITAGE,
        /** The slope of a logistic regression of satisfied on the period, as R's glm(..., family = binomial). */
        LOGISTIC
    }

    private final SatisfiedCounts counts;
    private final int minimumN;

    public TrendService(SatisfiedCounts counts, @Value("${civic-pulse.satisfaction.minimum-n:30}") int minimumN) {
        this.counts = counts;
        this.minimumN = minimumN;
    }

    /**
     * % satisfied per period with 95% Wilson intervals; the change from the second-last to the last period with a
     * 95% Newcombe hybrid score interval for the difference; and the trend test over the series at the 5% level.
     *
     * @param period day, week, month (default when null), quarter or year; the series runs from the period
     *               containing the query's {@code from} to the one containing its {@code to}
     */
    public TrendReport trend(SliceQuery query, @Nullable String period, Method method) {
        List<PeriodCounts> series = counts.series(query, period);
        long[] satisfied = series.stream().mapToLong(PeriodCounts::satisfied).toArray();
        long[] n = series.stream().mapToLong(PeriodCounts::n).toArray();
        List<TrendReport.PeriodFigure> figures = series.stream().map(p -> figure(p, minimumN)).toList();
        return new TrendReport(query.council(), query.service(), query.channel(), query.givenFilters(),
                SatisfiedCounts.period(period).code(), series.get(0).from(), series.get(series.size() - 1).to(),
                "percent_satisfied", LEVEL, figures, lastChange(series, figures),
                method == Method.LOGISTIC ? LogisticTrend.slope(satisfied, n, ALPHA) : TrendTest.cochranArmitage(satisfied, n, ALPHA));
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
