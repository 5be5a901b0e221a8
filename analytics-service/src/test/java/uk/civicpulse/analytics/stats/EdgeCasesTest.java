package uk.civicpulse.analytics.stats;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One set of edge cases run against every statistic: no respondents, one, all satisfied, none satisfied, and counts
 * of a billion. Every statistic must answer (no exception), with every number finite or null (never NaN or
 * infinite, which JSON cannot carry), and with no figure at all when there are no respondents.
 */
class EdgeCasesTest {

    static final long BILLION = 1_000_000_000L;

    /** satisfied x of n. */
    record Edge(String name, long x, long n) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Edge> EDGES = List.of(
            new Edge("no respondents", 0, 0),
            new Edge("one respondent, satisfied", 1, 1),
            new Edge("one respondent, not satisfied", 0, 1),
            new Edge("all satisfied", 40, 40),
            new Edge("none satisfied", 0, 40),
            new Edge("a billion, half satisfied", BILLION / 2, BILLION),
            new Edge("a billion, all satisfied", BILLION, BILLION),
            new Edge("a billion, one not satisfied", BILLION - 1, BILLION));

    static List<Cell> cells(Metric metric, long x, long n, double weightSatisfied, double weightNot) {
        // satisfied answer = likert "very satisfied" (5), not = "very dissatisfied" (1)
        var scale = uk.civicpulse.events.Scale.LIKERT_5;
        return List.of(new Cell(metric.value(scale.point(5)), x, weightSatisfied), new Cell(metric.value(scale.point(1)), n - x, weightNot));
    }

    static final List<Statistic> STATISTICS = new ArrayList<>();

    record Statistic(String name, BiFunction<Long, Long, Object> compute, boolean hasFigureField) {
        @Override
        public String toString() {
            return name;
        }
    }

    static {
        for (ProportionInterval m : ProportionInterval.values()) {
            STATISTICS.add(new Statistic(m.code() + " interval", (x, n) -> m.of(x, n, 0.95), true));
        }
        for (Metric metric : Metric.values()) {
            STATISTICS.add(new Statistic(metric.code(), (x, n) -> MetricEstimator.of(metric, cells(metric, x, n, 1, 1), ProportionInterval.WILSON, 0.99, null), true));
            STATISTICS.add(new Statistic(metric.code() + " with contacts 2n", (x, n) -> MetricEstimator.of(metric, cells(metric, x, n, 1, 1), ProportionInterval.JEFFREYS, 0.95, 2 * n), true));
            STATISTICS.add(new Statistic(metric.code() + " census", (x, n) -> MetricEstimator.of(metric, cells(metric, x, n, 1, 1), ProportionInterval.CLOPPER_PEARSON, 0.90, n), true));
            STATISTICS.add(new Statistic(metric.code() + " weighted 3:1", (x, n) -> MetricEstimator.of(metric, cells(metric, x, n, 3, 1), ProportionInterval.WILSON, 0.95, null), true));
        }
        STATISTICS.add(new Statistic("post-stratified weights", (x, n) -> Weighting.postStratify(new long[]{x, n - x}, new double[]{0.5, 0.5}), false));
        STATISTICS.add(new Statistic("trimmed weights", (x, n) -> Weighting.trim(new long[]{x, n - x},
                Weighting.postStratify(new long[]{x, n - x}, new double[]{0.9, 0.1}).weights(), 2), false));
        STATISTICS.add(new Statistic("goodness of fit", (x, n) -> Representativeness.goodnessOfFit(new long[]{x, n - x}, new double[]{0.3, 0.7}), false));
        STATISTICS.add(new Statistic("group against the rest", (x, n) -> GroupDifferences.twoProportions(x, n, n - x, n), false));
        STATISTICS.add(new Statistic("test of independence", (x, n) -> GroupDifferences.independence(new long[]{x, n - x}, new long[]{n, n}), false));
        STATISTICS.add(new Statistic("Benjamini-Hochberg", (x, n) -> BenjaminiHochberg.adjust(new Double[]{
                GroupDifferences.twoProportions(x, n, n - x, n).pValue(), n == 0 ? null : 0.5}), false));
        for (String method : List.of("cochran-armitage", "logistic")) {
            BiFunction<long[], long[], TrendResult> trend = method.equals("logistic")
                    ? (x, n) -> LogisticTrend.slope(x, n, 0.05) : (x, n) -> TrendTest.cochranArmitage(x, n, 0.05);
            STATISTICS.add(new Statistic(method + " trend, one period", (x, n) -> trend.apply(new long[]{x}, new long[]{n}), false));
            STATISTICS.add(new Statistic(method + " trend, steady", (x, n) -> trend.apply(new long[]{x, x, x}, new long[]{n, n, n}), false));
            STATISTICS.add(new Statistic(method + " trend, an empty period between opposites",
                    (x, n) -> trend.apply(new long[]{x, 0, n - x}, new long[]{n, 0, n}), false));
            STATISTICS.add(new Statistic(method + " trend, then one more satisfied",
                    (x, n) -> trend.apply(new long[]{x, Math.min(n, x + 1)}, new long[]{n, n}), false));
        }
        STATISTICS.add(new Statistic("sample size for the observed level", (x, n) -> n == 0 ? null
                : SampleSizePlanner.forMargin(0.03, 0.95, (double) x / n, n), false));
    }

    static Stream<Arguments> everyStatisticAtEveryEdge() {
        return STATISTICS.stream().flatMap(s -> EDGES.stream().map(e -> Arguments.of(s, e)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyStatisticAtEveryEdge")
    void answersWithFiniteNumbersOrNulls(Statistic statistic, Edge edge) throws Exception {
        Object result;
        try {
            result = statistic.compute().apply(edge.x(), edge.n());
        } catch (IllegalArgumentException refused) {
            // only weighting may refuse, and only with nobody to weight in a group that has a share
            assertTrue(statistic.name().contains("weights") && (edge.x() == 0 || edge.x() == edge.n()), statistic + " refused " + edge + ": " + refused.getMessage());
            return;
        }
        assertFinite(result, statistic.name());
        if (result instanceof Estimate e) {
            assertEquals(edge.n(), e.n());
            if (edge.n() == 0) {
                assertNull(e.value());
                assertNull(e.lower());
                assertEquals(MetricEstimator.NO_RESPONSES, e.note());
            } else {
                assertNotNull(e.value());
                if (e.lower() != null) {
                    assertTrue(e.lower() <= e.value() + 1e-12 && e.value() <= e.upper() + 1e-12, statistic + " interval excludes the figure at " + edge);
                } else {
                    assertNotNull(e.note(), "a missing interval says why");
                }
            }
        }
        if (result instanceof TrendResult t) {
            assertTrue((t.pValue() == null) == (t.label() != null), statistic + " at " + edge + ": a missing test says why, and only then");
            assertTrue(t.direction().equals("no_clear_change") || t.pValue() != null);
        }
        if (result instanceof ProportionEstimate p && edge.n() > 0) {
            assertTrue(p.lower() >= 0 && p.upper() <= 1 && p.lower() <= p.proportion() && p.proportion() <= p.upper());
        }
    }

    static void assertFinite(Object value, String where) throws Exception {
        if (value == null) {
            return;
        }
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                fail(where + " is " + d);
            }
        } else if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                assertFinite(Array.get(value, i), where + "[" + i + "]");
            }
        } else if (value.getClass().isRecord()) {
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                assertFinite(c.getAccessor().invoke(value), where + "." + c.getName());
            }
        }
    }
}
