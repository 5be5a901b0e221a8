package uk.civicpulse.analytics.stats;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProportionIntervalTest {

    /**
     * Expected bounds from R 4.2.2 with {@code options(digits = 15)}:
     * Wilson {@code prop.test(x, n, conf.level = level, correct = FALSE)$conf.int};
     * Clopper-Pearson {@code binom.test(x, n, conf.level = level)$conf.int};
     * Jeffreys {@code qbeta(c((1 - level)/2, 1 - (1 - level)/2), x + 0.5, n - x + 0.5)} with 0 at x = 0 and 1 at x = n.
     */
    @ParameterizedTest(name = "{0} of {1} at {2}")
    @CsvSource({
            // x, n, level, wilson lower, wilson upper, cp lower, cp upper, jeffreys lower, jeffreys upper
            "47, 60, 0.95, 0.663799724268052, 0.868769559518097, 0.658043821265347, 0.879283975537303, 0.667341927409546, 0.872752844604423",
            "47, 60, 0.90, 0.684665250243634, 0.857551563886846, 0.677757204241573, 0.866812162456533, 0.686948492814707, 0.859966529038159",
            "47, 60, 0.99, 0.622097905857004, 0.888145251021834, 0.618615233575246, 0.901509425282352, 0.628056733269469, 0.895614686536948",
            "0, 20, 0.95, 0, 0.161125158052819, 0, 0.168433470983085, 0, 0.116638982904875",
            "20, 20, 0.95, 0.838874841947181, 1, 0.831566529016915, 1, 0.883361017095125, 1",
            "1, 1, 0.95, 0.206549314377238, 1, 0.025, 1, 0.146746316309575, 1",
            "3, 250, 0.99, 0.0030365357053388, 0.0461964281992705, 0.00135596883279676, 0.0432148233141108, 0.00198649465671718, 0.0399407528360545",
            "999, 1000, 0.90, 0.995530277090631, 0.999776876156088, 0.9952650064245, 0.999948708021091, 0.996099286067654, 0.999824048320836",
            // a billion responses: the beta quantiles stay accurate (R's own digits run out near 1e-10 here)
            "999999990, 1000000000, 0.95, 0.999999981590527, 0.999999994568014, 0.999999981609644, 0.999999995204611, 0.999999982260562, 0.999999994858551",
            "500000000, 1000000000, 0.95, 0.499969010248444, 0.500030989751556, 0.499969009748422, 0.500030990251578, 0.499969010248422, 0.500030989751578",
    })
    void everyMethodMatchesR(long x, long n, double level, double wl, double wu, double cl, double cu, double jl, double ju) {
        check(ProportionInterval.WILSON.of(x, n, level), wl, wu, "wilson");
        check(ProportionInterval.CLOPPER_PEARSON.of(x, n, level), cl, cu, "clopper_pearson");
        check(ProportionInterval.JEFFREYS.of(x, n, level), jl, ju, "jeffreys");
    }

    private static void check(ProportionEstimate e, double lower, double upper, String method) {
        assertEquals(lower, e.lower(), 1e-9, method + " lower");
        assertEquals(upper, e.upper(), 1e-9, method + " upper");
        assertEquals((upper - lower) / 2, e.marginOfError(), 1e-9, method + " margin");
        assertEquals(method, e.method());
    }
}
