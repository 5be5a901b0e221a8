package uk.civicpulse.analytics.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 100 respondents in six cells, age (young, mid, old) by sex (f, m), with population shares age 0.30/0.40/0.30 and
 * sex 0.51/0.49. The R 4.2.2 + survey 4.1.1 script (docs/statistics-reference.R) builds one row per respondent:
 * <pre>
 * cells <- data.frame(age = c("young","young","mid","mid","old","old"), sex = c("f","m","f","m","f","m"),
 *                     n = c(10, 8, 20, 15, 30, 17), sat = c(6, 3, 15, 10, 27, 14))
 * d <- ... one row per respondent with cell, age, sex, sat (0/1) ...; des <- svydesign(ids = ~1, data = d)
 * pa <- data.frame(age = c("young","mid","old"), Freq = 100 * c(.30, .40, .30))
 * ps <- data.frame(sex = c("f","m"), Freq = 100 * c(.51, .49))
 * </pre>
 * and reports per design {@code tapply(weights(ds), d$cell, mean)}, {@code coef(svymean(~sat, ds))},
 * Kish's deff {@code length(w) * sum(w^2) / sum(w)^2} and {@code neff <- sum(w)^2 / sum(w^2)},
 * {@code prop.test(coef * neff, neff, correct = FALSE)$conf.int}.
 */
class WeightingTest {

    static final long[] CELL_N = {10, 8, 20, 15, 30, 17};
    static final long[] CELL_SATISFIED = {6, 3, 15, 10, 27, 14};
    static final int[][] GROUPS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {2, 0}, {2, 1}};
    static final double[] AGE = {0.30, 0.40, 0.30};
    static final double[] SEX = {0.51, 0.49};

    static List<Cell> cells(double[] weights) {
        List<Cell> cells = new ArrayList<>();
        for (int j = 0; j < CELL_N.length; j++) {
            cells.add(new Cell(1, CELL_SATISFIED[j], weights[j]));
            cells.add(new Cell(0, CELL_N[j] - CELL_SATISFIED[j], weights[j]));
        }
        return cells;
    }

    private static void assertEstimate(double[] weights, double mean, double deff, double neff, double lower, double upper) {
        Estimate e = MetricEstimator.of(Metric.PERCENT_SATISFIED, cells(weights), ProportionInterval.WILSON, 0.95, null);
        assertEquals(mean, e.value(), 1e-12);
        assertEquals(deff, e.designEffect(), 1e-10);
        assertEquals(neff, e.effectiveN(), 1e-9);
        assertEquals(lower, e.lower(), 1e-9);
        assertEquals(upper, e.upper(), 1e-9);
        assertEquals(100, e.n());
    }

    @Test
    void postStratificationMatchesRSurvey() {
        // R: post <- postStratify(des, ~age, pa)
        long[] ageCounts = {18, 35, 47};
        double[] byAge = Weighting.postStratify(ageCounts, AGE).weights();
        assertArrayEquals(new double[]{1.66666666666667, 1.14285714285714, 0.638297872340426}, byAge, 1e-12);
        double[] w = {byAge[0], byAge[0], byAge[1], byAge[1], byAge[2], byAge[2]};
        Weighting.Weights viaRake = Weighting.rake(CELL_N, new int[][]{{0}, {0}, {1}, {1}, {2}, {2}}, new double[][]{AGE});
        assertArrayEquals(w, viaRake.weights(), 1e-12);
        assertTrue(viaRake.converged());
        // R: mean 0.69741641337386, deff 1.14863221884498, neff 87.0600688012702, Wilson at neff 0.594271257051822 0.783876107034398
        assertEstimate(w, 0.69741641337386, 1.14863221884498, 87.0600688012702, 0.594271257051822, 0.783876107034398);
    }

    @Test
    void rakingMatchesRSurvey() {
        // R: rk <- rake(des, list(~age, ~sex), list(pa, ps), control = list(maxit = 100, epsilon = 1e-12))
        Weighting.Weights raked = Weighting.rake(CELL_N, GROUPS, new double[][]{AGE, SEX});
        assertTrue(raked.converged());
        assertArrayEquals(new double[]{1.43339207717831, 1.95825990352711, 0.987835357655251, 1.34955285645967, 0.563645735837062, 0.770036936758125},
                raked.weights(), 1e-9);
        // R: mean 0.68787143085291, deff 1.17671313322966, neff 84.9824797361914, Wilson at neff 0.583042941480393 0.776449788179231
        assertEstimate(raked.weights(), 0.68787143085291, 1.17671313322966, 84.9824797361914, 0.583042941480393, 0.776449788179231);
    }

    @Test
    void trimmingMatchesRSurveysTrimWeights() {
        // R: tr <- trimWeights(rk, upper = 1.3, strict = TRUE)
        double[] trimmed = Weighting.trim(CELL_N, Weighting.rake(CELL_N, GROUPS, new double[][]{AGE, SEX}).weights(), 1.3);
        assertArrayEquals(new double[]{1.3, 1.3, 1.0974367434298, 1.3, 0.673247121611614, 0.879638322532677}, trimmed, 1e-9);
        // R: mean 0.716541599504181, deff 1.06609179553304, neff 93.8005530283636, Wilson at neff 0.618226055530922 0.797818665434843
        assertEstimate(trimmed, 0.716541599504181, 1.06609179553304, 93.8005530283636, 0.618226055530922, 0.797818665434843);
    }

    @Test
    void aGroupWithNoRespondentsHasItsShareSpreadOverTheOthers() {
        double[] w = Weighting.postStratify(new long[]{0, 50, 50}, new double[]{0.2, 0.4, 0.4}).weights();
        assertEquals(1.0, w[1], 1e-15);
        assertEquals(1.0, w[2], 1e-15);
    }

    @Test
    void refusesRespondentsInAGroupWithNoPopulationShareAndABadCap() {
        assertThrows(IllegalArgumentException.class, () -> Weighting.postStratify(new long[]{5, 5}, new double[]{1, 0}));
        assertThrows(IllegalArgumentException.class, () -> Weighting.trim(CELL_N, new double[6], 0.5));
    }
}
