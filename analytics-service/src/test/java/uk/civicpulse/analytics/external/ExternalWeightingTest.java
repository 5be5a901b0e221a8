package uk.civicpulse.analytics.external;

import org.junit.jupiter.api.Test;
import uk.civicpulse.analytics.stats.Estimate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExternalWeightingTest {

    /**
     * Reference, R 4.2.2 with survey: microdata expanded from the group counts, post-stratified, then Kish's n_eff and
     * the Wilson interval at p * n_eff of n_eff:
     * <pre>
     * library(survey)
     * g <- c("16_34","35_64","65_plus"); n <- c(100,200,100); s <- c(70,160,90)
     * d <- data.frame(q=rep(rep(g,2), c(s, n-s)), y=rep(c(1,0), c(sum(s), sum(n-s))))
     * des <- postStratify(svydesign(ids=~1, data=d), ~q, data.frame(q=g, Freq=400*c(0.3,0.5,0.2)))
     * m <- svymean(~y, des); w <- weights(des); w <- w/mean(w)
     * neff <- sum(w)^2/sum(w^2); p <- coef(m)[[1]]; z <- qnorm(0.975); c0 <- p*neff
     * (c0 + z^2/2 + c(-1,1)*z*sqrt(c0*(neff-c0)/neff + z^2/4))/(neff+z^2)
     * -> p 0.79, neff 392.156862745098, deff 1.02, interval 0.746971635303328 0.827401961768516
     * </pre>
     */
    static final List<ExternalSurvey.Group> AGE = List.of(
            new ExternalSurvey.Group("age_band", "16_34", 100, 70),
            new ExternalSurvey.Group("age_band", "35_64", 200, 160),
            new ExternalSurvey.Group("age_band", "65_plus", 100, 90));

    static Map<String, Double> shares(double a, double b, double c) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("16_34", a);
        m.put("35_64", b);
        m.put("65_plus", c);
        return m;
    }

    @Test
    void agreesWithRSurveyPostStratify() {
        ExternalWeighting.Result r = ExternalWeighting.postStratified(AGE, shares(0.3, 0.5, 0.2), 0.95);
        Estimate e = r.estimate();
        assertEquals(400, e.n());
        assertEquals(0.79, e.value(), 1e-12);
        assertEquals(392.156862745098, e.effectiveN(), 1e-9);
        assertEquals(1.02, e.designEffect(), 1e-12);
        assertEquals(0.746971635303328, e.lower(), 1e-9);
        assertEquals(0.827401961768516, e.upper(), 1e-9);
        assertEquals("wilson", e.method());
        assertEquals(List.of(), r.notRepresented());
    }

    @Test
    void sharesEqualToTheSampleProfileLeaveTheFigureUnweighted() {
        // 100/200/100 of 400 are the shares 0.25/0.5/0.25: weights 1, deff 1, p = 320/400;
        // R 4.2.2: prop.test(320, 400, correct=FALSE)$conf.int -> 0.758029683133299 0.836262940266123
        Estimate e = ExternalWeighting.postStratified(AGE, shares(0.25, 0.5, 0.25), 0.95).estimate();
        assertEquals(0.8, e.value(), 1e-12);
        assertEquals(400, e.effectiveN(), 1e-9);
        assertEquals(1, e.designEffect(), 1e-12);
        assertEquals(0.758029683133299, e.lower(), 1e-9);
        assertEquals(0.836262940266123, e.upper(), 1e-9);
    }

    @Test
    void aGroupWithoutRespondentsIsListedAndAnAnswerWithoutAShareIsRefused() {
        Map<String, Double> withMissing = shares(0.3, 0.5, 0.1);
        withMissing.put("75_plus", 0.1);
        ExternalWeighting.Result r = ExternalWeighting.postStratified(AGE, withMissing, 0.95);
        assertEquals(List.of("75_plus"), r.notRepresented());
        // the 0.1 of 75_plus is spread by rescaling 0.3/0.5/0.1 to sum 1: p = (0.3*0.7 + 0.5*0.8 + 0.1*0.9)/0.9
        assertEquals((0.3 * 0.7 + 0.5 * 0.8 + 0.1 * 0.9) / 0.9, r.estimate().value(), 1e-12);

        Map<String, Double> lacking = new LinkedHashMap<>(Map.of("16_34", 0.5, "35_64", 0.5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExternalWeighting.postStratified(AGE, lacking, 0.95));
        assertEquals("answer '65_plus' has respondents but no population share", e.getMessage());
    }

    @Test
    void noRespondentsGivesNoFigureRatherThanNaN() {
        List<ExternalSurvey.Group> none = List.of(new ExternalSurvey.Group("age_band", "16_34", 0, 0));
        Estimate e = ExternalWeighting.postStratified(none, shares(0.3, 0.5, 0.2), 0.95).estimate();
        assertEquals(0, e.n());
        assertNull(e.value());
        assertNull(e.lower());
    }
}
