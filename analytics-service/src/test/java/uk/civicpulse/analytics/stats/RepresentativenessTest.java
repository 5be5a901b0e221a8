package uk.civicpulse.analytics.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RepresentativenessTest {

    @Test
    void matchesRsGoodnessOfFitTest() {
        // R 4.2.2: t <- chisq.test(c(18, 35, 47), p = c(.3, .4, .3)); t$statistic; t$parameter; t$p.value; t$stdres
        // -> 15.0583333333333, 2, 0.000537185724985256, -2.61861468283191 -1.02062072615966 3.70970413401187
        Representativeness.Fit fit = Representativeness.goodnessOfFit(new long[]{18, 35, 47}, new double[]{0.3, 0.4, 0.3});
        assertEquals(15.0583333333333, fit.statistic(), 1e-10);
        assertEquals(2, fit.df());
        assertEquals(0.000537185724985256, fit.pValue(), 1e-15);
        assertEquals(-1.02062072615966, fit.residual()[1], 1e-12);
        assertEquals(3.70970413401187, fit.residual()[2], 1e-12);
        assertEquals(-2.61861468283191, fit.residual()[0], 1e-12);
        assertEquals((18 / 100.0) / 0.3, fit.ratio()[0], 1e-15);
        assertEquals("under", fit.representation(0));
        assertNull(fit.representation(1));
        assertEquals("over", fit.representation(2));
        assertFalse(fit.smallExpected());
    }

    @Test
    void matchesRWithEmptyGroupsAndSmallCounts() {
        // R 4.2.2: chisq.test(c(10, 50, 40, 0), p = rep(.25, 4)) -> 68, 3, 1.14401982924566e-14
        Representativeness.Fit fit = Representativeness.goodnessOfFit(new long[]{10, 50, 40, 0}, new double[]{1, 1, 1, 1});
        assertEquals(68.0, fit.statistic(), 1e-10);
        assertEquals(1.14401982924566e-14, fit.pValue(), 1e-24);
        assertEquals(-5.77350269189626, fit.residual()[3], 1e-12);
        // R 4.2.2: chisq.test(c(3, 2, 1), p = c(.2, .3, .5)) -> 4.05555555555555, 2, 0.131627702387739 (with a warning)
        Representativeness.Fit small = Representativeness.goodnessOfFit(new long[]{3, 2, 1}, new double[]{0.2, 0.3, 0.5});
        assertEquals(4.05555555555555, small.statistic(), 1e-10);
        assertEquals(0.131627702387739, small.pValue(), 1e-12);
        assertTrue(small.smallExpected());
    }

    @Test
    void hasNoTestWithoutRespondents() {
        Representativeness.Fit fit = Representativeness.goodnessOfFit(new long[]{0, 0}, new double[]{0.5, 0.5});
        assertNull(fit.statistic());
        assertNull(fit.pValue());
    }
}
