package uk.civicpulse.analytics.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FunnelPlotTest {

    /**
     * Spiegelhalter (2005) appendix A.1.1, computed in R 4.2.2 and clipped to [0, 1]:
     * <pre>
     * options(digits=15)
     * lim &lt;- function(P,n,th){ r &lt;- qbinom(P,n,th); a &lt;- (pbinom(r,n,th)-P)/(pbinom(r,n,th)-pbinom(r-1,n,th)); pmax(0, (r-a)/n) }
     * c(lim(0.025,n,th), lim(0.975,n,th), lim(0.001,n,th), lim(0.999,n,th))
     * </pre>
     */
    @ParameterizedTest(name = "n={0}, theta={1}")
    @CsvSource({
            // n, theta, lower95, upper95, lower998, upper998
            "1, 0.9, 0, 0.972222222222222, 0, 0.998888888888889",
            "1, 0.5, 0, 0.95, 0, 0.998",
            "10, 0.9, 0.621264340203752, 0.992830070023019, 0.457330473722792, 0.999713202800921",
            "10, 0.5, 0.132444444444444, 0.767555555555556, 0.000240000000000007, 0.89976",
            "50, 0.9, 0.800277272376636, 0.966137073042656, 0.739871581247611, 0.996119349565035",
            "50, 0.5, 0.350702291802404, 0.629297708197596, 0.272770827667939, 0.707229172332061",
            "100, 0.9, 0.832281388360873, 0.949619404475607, 0.791643281497114, 0.975821134991565",
            "100, 0.5, 0.396824041726007, 0.593175958273993, 0.341215883722501, 0.6487841162775",
            "1000, 0.9, 0.88051707346949, 0.91772134325534, 0.869082156053137, 0.927659153687364",
            "1000, 0.5, 0.46850209519775, 0.53049790480225, 0.450652195996334, 0.548347804003666",
            "1000000, 0.9, 0.899411132046941, 0.900587110175351, 0.899071291022926, 0.900925429296429",
            "1000000, 0.5, 0.499019517750422, 0.500979482249578, 0.498454384216309, 0.501544615783691",
            "1000000000, 0.9, 0.899981405270164, 0.900018592972096, 0.899970681842335, 0.900029314877785",
    })
    void matchesSpiegelhaltersInterpolatedBinomialLimitsInR(long n, double theta, double lower95, double upper95, double lower998, double upper998) {
        FunnelPlot.Limits limits = FunnelPlot.limits(theta, n);
        assertEquals(lower95, limits.lower95(), 1e-9);
        assertEquals(upper95, limits.upper95(), 1e-9);
        assertEquals(lower998, limits.lower998(), 1e-9);
        assertEquals(upper998, limits.upper998(), 1e-9);
    }

    @Test
    void placesACouncilAboveInsideOrBelowItsLimits() {
        FunnelPlot.Limits limits = FunnelPlot.limits(0.9, 100);
        // 95% limits at n = 100: [0.832281388360873, 0.949619404475607] (R, above)
        assertEquals("above", FunnelPlot.position(95, 100, limits.lower95(), limits.upper95()));
        assertEquals("inside", FunnelPlot.position(94, 100, limits.lower95(), limits.upper95()));
        assertEquals("inside", FunnelPlot.position(84, 100, limits.lower95(), limits.upper95()));
        assertEquals("below", FunnelPlot.position(83, 100, limits.lower95(), limits.upper95()));
        // and at 99.8%: [0.791643281497114, 0.975821134991565]
        assertEquals("inside", FunnelPlot.position(83, 100, limits.lower998(), limits.upper998()));
        assertEquals("below", FunnelPlot.position(79, 100, limits.lower998(), limits.upper998()));
        assertEquals("no_responses", FunnelPlot.position(0, 0, limits.lower998(), limits.upper998()));
    }

    @Test
    void noRespondentsHaveNoLimitsAndAllOrNoneSatisfiedPeersStayInZeroToOne() {
        assertNull(FunnelPlot.limits(0.9, 0).upper95());
        // R 4.2.2 with lim() above: lim(0.975, 20, 1) -> 0.99875, lim(0.025, 20, 1) -> 0.95125 (every quantile is 20)
        FunnelPlot.Limits everyone = FunnelPlot.limits(1.0, 20);
        assertEquals(0.99875, everyone.upper95(), 1e-12);
        assertEquals(0.95125, everyone.lower95(), 1e-12);
        // lim(0.975, 20, 0) -> -0.00125, clipped to 0
        assertEquals(0.0, FunnelPlot.limits(0.0, 20).upper95());
        assertEquals(0.0, FunnelPlot.limits(0.0, 20).lower95());
    }

    @Test
    void beyondTheExactBinomialRangeTheNormalApproximationTakesOver() {
        // R 4.2.2: 0.9 + qnorm(c(.025, .975)) * sqrt(0.9 * 0.1 / 3e9) -> 0.899989264835138 0.900010735164862
        FunnelPlot.Limits limits = FunnelPlot.limits(0.9, 3_000_000_000L);
        assertEquals(0.899989264835138, limits.lower95(), 1e-12);
        assertEquals(0.900010735164862, limits.upper95(), 1e-12);
    }
}
