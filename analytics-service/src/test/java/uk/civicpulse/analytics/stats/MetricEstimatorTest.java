package uk.civicpulse.analytics.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.civicpulse.events.Scale;
import uk.civicpulse.events.ScalePoint;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The libraries slice of SatisfactionApiIT: likert-5 counts (5, 0, 8, 17, 30), 47 of 60 satisfied. In R:
 * {@code counts <- c(5,0,8,17,30); score <- rep(1:5, counts); net <- c(-1,-1,0,1,1)[score];
 * resc <- c(0,25,50,75,100)[score]}.
 */
class MetricEstimatorTest {

    static final long[] COUNTS = {5, 0, 8, 17, 30};

    static List<Cell> cells(Metric metric, long[] counts) {
        List<Cell> cells = new ArrayList<>();
        for (ScalePoint point : Scale.LIKERT_5.points()) {
            cells.add(new Cell(metric.value(point), counts[point.score() - 1], 1.0));
        }
        return cells;
    }

    /** R 4.2.2: {@code t.test(v, conf.level = level)$conf.int}, {@code mean(v)}, {@code sd(v)/sqrt(length(v))}. */
    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
            "mean_score, 0.90, 4.11666666666667, 3.86204762840079, 4.37128570493255, 0.15236676437177",
            "mean_score, 0.95, 4.11666666666667, 3.81178147538449, 4.42155185794884, 0.15236676437177",
            "mean_score, 0.99, 4.11666666666667, 3.71110309806136, 4.52223023527198, 0.15236676437177",
            "net_satisfaction, 0.90, 0.7, 0.566477880716907, 0.833522119283093, 0.079901068772329",
            "net_satisfaction, 0.95, 0.7, 0.540118330682257, 0.859881669317743, 0.079901068772329",
            "net_satisfaction, 0.99, 0.7, 0.487322630888078, 0.912677369111922, 0.079901068772329",
            "rescaled_mean, 0.90, 77.9166666666667, 71.5511907100197, 84.2821426233137, 3.80916910929424",
            "rescaled_mean, 0.95, 77.9166666666667, 70.2945368846123, 85.538796448721, 3.80916910929424",
            "rescaled_mean, 0.99, 77.9166666666667, 67.7775774515339, 88.0557558817994, 3.80916910929424",
    })
    void meansMatchRsTTest(String code, double level, double mean, double lower, double upper, double se) {
        Metric metric = Metric.fromCode(code).orElseThrow();
        Estimate e = MetricEstimator.of(metric, cells(metric, COUNTS), ProportionInterval.WILSON, level, null);
        double scale = metric == Metric.RESCALED_MEAN ? 100 : 1;
        assertEquals(mean, e.value(), 1e-12 * scale);
        assertEquals(lower, e.lower(), 1e-9 * scale);
        assertEquals(upper, e.upper(), 1e-9 * scale);
        assertEquals(se, e.standardError(), 1e-12 * scale);
        assertEquals("t", e.method());
        assertEquals(code, e.metric());
        assertEquals(60, e.n());
        assertEquals(60.0, e.effectiveN());
        assertEquals(1.0, e.designEffect());
        assertFalse(e.finitePopulationCorrected());
    }

    @Test
    void percentSatisfiedIsTheChosenProportionInterval() {
        Estimate e = MetricEstimator.of(Metric.PERCENT_SATISFIED, cells(Metric.PERCENT_SATISFIED, COUNTS), ProportionInterval.CLOPPER_PEARSON, 0.95, null);
        // R 4.2.2: binom.test(47, 60)$conf.int -> 0.658043821265347 0.879283975537303
        assertEquals(47.0 / 60, e.value(), 1e-15);
        assertEquals(0.658043821265347, e.lower(), 1e-9);
        assertEquals(0.879283975537303, e.upper(), 1e-9);
        assertEquals("clopper_pearson", e.method());
    }

    /**
     * 60 respondents of N = 200 contacts. R 4.2.2:
     * {@code d <- data.frame(score, net, sat = as.numeric(score >= 4), N = 200);
     * SE(svymean(~score + net + sat, svydesign(ids = ~1, fpc = ~N, data = d)))}
     * -> 0.127479181122196 0.0668500303191579 (0.0448737505006264 for sat: linearisation, see docs);
     * {@code qt(0.975, 59)} -> 2.00099537808827.
     */
    @Test
    void meansUseTheSurveyPackagesFinitePopulationCorrection() {
        Estimate score = MetricEstimator.of(Metric.MEAN_SCORE, cells(Metric.MEAN_SCORE, COUNTS), ProportionInterval.WILSON, 0.95, 200L);
        assertEquals(0.127479181122196, score.standardError(), 1e-12);
        assertEquals(4.11666666666667 - 2.00099537808827 * 0.127479181122196, score.lower(), 1e-9);
        assertTrue(score.finitePopulationCorrected());
        Estimate net = MetricEstimator.of(Metric.NET_SATISFACTION, cells(Metric.NET_SATISFACTION, COUNTS), ProportionInterval.WILSON, 0.95, 200L);
        assertEquals(0.0668500303191579, net.standardError(), 1e-12);
        assertEquals(0.7 + 2.00099537808827 * 0.0668500303191579, net.upper(), 1e-9);
    }

    /**
     * Wilson with the finite population correction: effective n = n (N - 1)/(N - n) = 60 * 199/140. R 4.2.2:
     * {@code neff <- 60*199/140; prop.test(47/60*neff, neff, correct = FALSE)$conf.int}
     * -> 0.684725201725466 0.857517637850206;
     * {@code x <- 47/60*neff; c(qbeta(.025, x, neff - x + 1), qbeta(.975, x + 1, neff - x))}
     * -> 0.680902738561869 0.865257172817951.
     */
    @Test
    void proportionsUseTheEffectiveSampleSizeUnderTheCorrection() {
        Estimate w = MetricEstimator.of(Metric.PERCENT_SATISFIED, cells(Metric.PERCENT_SATISFIED, COUNTS), ProportionInterval.WILSON, 0.95, 200L);
        assertEquals(0.684725201725466, w.lower(), 1e-12);
        assertEquals(0.857517637850206, w.upper(), 1e-12);
        assertTrue(w.finitePopulationCorrected());
        Estimate cp = MetricEstimator.of(Metric.PERCENT_SATISFIED, cells(Metric.PERCENT_SATISFIED, COUNTS), ProportionInterval.CLOPPER_PEARSON, 0.95, 200L);
        assertEquals(0.680902738561869, cp.lower(), 1e-9);
        assertEquals(0.865257172817951, cp.upper(), 1e-9);
    }

    @Test
    void aCensusHasNoSamplingErrorAndTooFewContactsMeanNoCorrection() {
        Estimate census = MetricEstimator.of(Metric.PERCENT_SATISFIED, cells(Metric.PERCENT_SATISFIED, COUNTS), ProportionInterval.WILSON, 0.95, 60L);
        assertEquals(census.value(), census.lower());
        assertEquals(census.value(), census.upper());
        assertEquals(MetricEstimator.CENSUS, census.note());
        Estimate incomplete = MetricEstimator.of(Metric.PERCENT_SATISFIED, cells(Metric.PERCENT_SATISFIED, COUNTS), ProportionInterval.WILSON, 0.95, 59L);
        assertFalse(incomplete.finitePopulationCorrected());
        // R 4.2.2: prop.test(47, 60, correct = FALSE)$conf.int -> 0.663799724268052 0.868769559518097
        assertEquals(0.663799724268052, incomplete.lower(), 1e-12);
    }

    @Test
    void aMeanOfIdenticalAnswersHasNoInterval() {
        Estimate e = MetricEstimator.of(Metric.NET_SATISFACTION, cells(Metric.NET_SATISFACTION, new long[]{0, 0, 0, 12, 30}), ProportionInterval.WILSON, 0.95, null);
        assertEquals(1.0, e.value());
        assertNull(e.lower());
        assertEquals(MetricEstimator.NO_SPREAD, e.note());
    }
}
