package uk.civicpulse.analytics.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PChartTest {

    private static long[] times(int count, long value) {
        long[] out = new long[count];
        java.util.Arrays.fill(out, value);
        return out;
    }

    /**
     * Limits as qcc draws a p chart, computed with base R 4.2.2:
     * {@code options(digits=15); pbar <- 540/600; n <- c(50,60,50,62,40,1); s <- sqrt(pbar*(1-pbar)/n);
     * cbind(n, s, pmax(0, pbar-3*s), pmin(1, pbar+3*s))}
     */
    @ParameterizedTest(name = "n={0}")
    @CsvSource({
            // index, n, sigma, lower, upper
            "0, 50, 0.0424264068711928, 0.772720779386421, 1",
            "1, 60, 0.0387298334620742, 0.783810499613778, 1",
            "3, 62, 0.0381000381000571, 0.785699885699829, 1",
            "4, 40, 0.0474341649025257, 0.757697505292423, 1",
            "5, 1, 0.3, 1.11022302462516e-16, 1",
    })
    void limitsComeFromTheBaselineAndEachPointsOwnN(int index, long n, double sigma, double lower, double upper) {
        ControlChart chart = PChart.of(540, 600, new long[]{45, 52, 40, 58, 30, 1}, new long[]{50, 60, 50, 62, 40, 1});
        assertEquals(0.9, chart.centre(), 1e-15);
        ControlChart.Point point = chart.points().get(index);
        assertEquals(n, point.n());
        assertEquals(sigma, point.sigma(), 1e-12);
        assertEquals(lower, point.lower(), 1e-12);
        assertEquals(upper, point.upper(), 1e-12);
        // 40 of 50 = 0.8 and 30 of 40 = 0.75: the second is below its lower limit 0.757697505292423, the first is not
        assertEquals(List.of(new ControlChart.Breach("point_beyond_limits", "low", 4, 4, 1)), chart.breaches());
    }

    @Test
    void aPointBeyondTheLimitsIsABreach() {
        // centre 0.9, n = 100: sigma 0.03, limits [0.81, 0.99] (hand-checked)
        ControlChart chart = PChart.of(900, 1000, new long[]{90, 60, 91, 100}, new long[]{100, 100, 100, 100});
        assertEquals(List.of(
                new ControlChart.Breach("point_beyond_limits", "low", 1, 1, 1),
                new ControlChart.Breach("point_beyond_limits", "high", 3, 3, 1)), chart.breaches());
    }

    @Test
    void sevenPointsOnOneSideOfTheCentreIsAShiftAndSixIsNot() {
        ControlChart seven = PChart.of(900, 1000, times(7, 88), times(7, 100));
        assertEquals(List.of(new ControlChart.Breach("shift_7_points_one_side", "low", 0, 6, 7)), seven.breaches());
        ControlChart six = PChart.of(900, 1000, new long[]{88, 88, 88, 88, 88, 88, 90, 88}, times(8, 100));
        assertTrue(six.breaches().isEmpty(), six.breaches().toString());
    }

    @Test
    void sevenPointsRisingIsATrendAndATieBreaksIt() {
        long[] rising = {85, 86, 87, 88, 89, 90, 91};
        ControlChart chart = PChart.of(900, 1000, rising, times(7, 100));
        assertEquals(List.of(new ControlChart.Breach("trend_7_points_rising_or_falling", "high", 0, 6, 7)), chart.breaches());
        ControlChart tied = PChart.of(900, 1000, new long[]{85, 86, 87, 87, 88, 89, 90}, times(7, 100));
        assertTrue(tied.breaches().isEmpty(), tied.breaches().toString());
        ControlChart falling = PChart.of(900, 1000, new long[]{95, 94, 93, 92, 91, 90, 89, 88}, times(8, 100));
        assertEquals(List.of(new ControlChart.Breach("trend_7_points_rising_or_falling", "low", 0, 7, 8)), falling.breaches());
    }

    @Test
    void twoOfThreeNearALimitOnTheSameSideIsABreach() {
        // centre 0.9, sigma 0.03: 0.83 and 0.82 are beyond 2 sigma (0.84) but inside 3 sigma (0.81)
        ControlChart chart = PChart.of(900, 1000, new long[]{90, 83, 88, 82, 91}, times(5, 100));
        assertEquals(List.of(new ControlChart.Breach("two_of_three_near_limit", "low", 1, 3, 3)), chart.breaches());
        ControlChart acrossTheLine = PChart.of(900, 1000, new long[]{90, 83, 91, 82, 91}, times(5, 100));
        assertTrue(acrossTheLine.breaches().isEmpty(), acrossTheLine.breaches().toString());
    }

    @Test
    void periodsWithoutResponsesArePlottedEmptyAndSkippedByTheRuns() {
        ControlChart chart = PChart.of(900, 1000, new long[]{88, 88, 0, 88, 88, 88, 88, 88}, new long[]{100, 100, 0, 100, 100, 100, 100, 100});
        assertNull(chart.points().get(2).proportion());
        assertNull(chart.points().get(2).lower());
        assertEquals(List.of(new ControlChart.Breach("shift_7_points_one_side", "low", 0, 7, 7)), chart.breaches());
    }

    @Test
    void aBaselineWithoutResponsesHasNoLimits() {
        ControlChart chart = PChart.of(0, 0, new long[]{5}, new long[]{10});
        assertNull(chart.centre());
        assertEquals("no baseline responses", chart.label());
        assertTrue(chart.breaches().isEmpty());
        assertEquals(0.5, chart.points().get(0).proportion());
    }

    @Test
    void aBaselineWhereEveryoneWasSatisfiedFlagsAnyDissatisfaction() {
        ControlChart chart = PChart.of(50, 50, new long[]{10, 9}, new long[]{10, 10});
        assertEquals(0.0, chart.points().get(0).sigma());
        assertEquals(List.of(new ControlChart.Breach("point_beyond_limits", "low", 1, 1, 1)), chart.breaches());
    }
}
