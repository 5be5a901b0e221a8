package uk.civicpulse.analytics.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetCheckTest {

    /**
     * Probability: R 4.2.2 {@code options(digits=15); pbeta(t, x+.5, n-x+.5, lower.tail=FALSE)}.
     * Bounds: R 4.2.2 {@code prop.test(x, n, correct=FALSE)$conf.int} (Wilson).
     */
    @ParameterizedTest(name = "{0} of {1} against {2}: {3}")
    @CsvSource({
            // x, n, target, status, P(p >= target), lower, upper
            "47, 60, 0.95, not_met, 2.88633282937802e-06, 0.663799724268052, 0.868769559518097",
            "95, 100, 0.90, too_close_to_call, 0.962137610207671, 0.888249530768081, 0.978456320845632",
            "990, 1000, 0.95, met, 0.999999999998774, 0.981690531129685, 0.994559245554471",
            "1, 1, 0.95, too_close_to_call, 0.282314355789214, 0.206549314377238, 1",
            "10, 10, 0.95, too_close_to_call, 0.69493799694259, 0.722467200137111, 1",
            "0, 10, 0.5, not_met, 0.000161460128877173, 0, 0.277532799862889",
            "93, 100, 0.95, too_close_to_call, 0.175344390087108, 0.862504852609265, 0.965680738932727",
            "97, 100, 0.95, too_close_to_call, 0.818641158891064, 0.915480635709472, 0.989745475975961",
            "9485, 10000, 0.95, too_close_to_call, 0.244508233060861, 0.94399336589816, 0.952662187563343",
            // a billion responses: R prints the probability as 1
            "999999990, 1000000000, 0.95, met, 1, 0.999999981590527, 0.999999994568014",
    })
    void matchesR(long x, long n, double target, String status, double probability, double lower, double upper) {
        TargetAssessment a = TargetCheck.assess(x, n, target, 0.95);
        assertEquals(status, a.status());
        assertEquals(probability, a.probabilityAtOrAbove(), 1e-12);
        assertEquals(lower, a.lower(), 1e-9);
        assertEquals(upper, a.upper(), 1e-9);
        assertEquals("wilson", a.intervalMethod());
        assertEquals("jeffreys_beta_posterior", a.probabilityMethod());
        if (!status.equals("too_close_to_call")) {
            assertEquals(0L, a.moreResponsesNeeded());
        }
    }

    /**
     * R 4.2.2, counting up one response at a time with the proportion held at x/n:
     * <pre>
     * z &lt;- qnorm(.975)
     * wl &lt;- function(p,m) (p + z^2/(2*m) - z*sqrt(p*(1-p)/m + z^2/(4*m^2)))/(1+z^2/m)
     * wu &lt;- function(p,m) (p + z^2/(2*m) + z*sqrt(p*(1-p)/m + z^2/(4*m^2)))/(1+z^2/m)
     * needed &lt;- function(x,n,t){p&lt;-x/n; m&lt;-n; if (p&gt;t) {while(wl(p,m) &lt; t) m&lt;-m+1} else {while(wu(p,m) &gt;= t) m&lt;-m+1}; m-n}
     * </pre>
     */
    @ParameterizedTest(name = "{0} of {1} against {2} needs {3} more")
    @CsvSource({
            "95, 100, 0.90, 39",
            "93, 100, 0.95, 357",
            "97, 100, 0.95, 357",
            "18, 20, 0.80, 42",
            "9485, 10000, 0.95, 71098",
    })
    void countsTheResponsesThatWouldSettleIt(long x, long n, double target, long needed) {
        assertEquals(needed, TargetCheck.assess(x, n, target, 0.95).moreResponsesNeeded());
    }

    @Test
    void noResponsesIsLabelledWithThePriorProbabilityAndNoBounds() {
        TargetAssessment a = TargetCheck.assess(0, 0, 0.95, 0.95);
        assertEquals("no_responses", a.status());
        assertNull(a.proportion());
        assertNull(a.lower());
        assertNull(a.moreResponsesNeeded());
        // R 4.2.2: pbeta(0.95, .5, .5, lower.tail=FALSE) -> 0.143566293128706
        assertEquals(0.143566293128706, a.probabilityAtOrAbove(), 1e-12);
    }

    @Test
    void aProportionExactlyOnTheTargetCanNeverBeSettled() {
        TargetAssessment a = TargetCheck.assess(95, 100, 0.95, 0.95);
        assertEquals("too_close_to_call", a.status());
        assertNull(a.moreResponsesNeeded());
        TargetAssessment everyone = TargetCheck.assess(50, 50, 1.0, 0.95);
        assertEquals("too_close_to_call", everyone.status());
        assertNull(everyone.moreResponsesNeeded());
        assertEquals(0.0, everyone.probabilityAtOrAbove());
    }

    @Test
    void aTargetOfNothingIsAlwaysMet() {
        TargetAssessment a = TargetCheck.assess(0, 5, 0.0, 0.95);
        assertEquals("met", a.status());
        assertEquals(1.0, a.probabilityAtOrAbove());
    }

    @Test
    void everyFigureIsFiniteAtTheEdges() {
        for (long[] c : new long[][]{{0, 1}, {1, 1}, {0, 1_000_000_000L}, {1_000_000_000L, 1_000_000_000L}, {3, 7}}) {
            for (double t : new double[]{0, 0.5, 0.95, 1}) {
                TargetAssessment a = TargetCheck.assess(c[0], c[1], t, 0.95);
                assertTrue(Double.isFinite(a.probabilityAtOrAbove()), a.toString());
                assertTrue(Double.isFinite(a.lower()) && Double.isFinite(a.upper()), a.toString());
            }
        }
    }

    @Test
    void refusesATargetOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> TargetCheck.assess(5, 10, 95, 0.95));
        assertThrows(IllegalArgumentException.class, () -> TargetCheck.assess(5, 10, Double.NaN, 0.95));
    }
}
