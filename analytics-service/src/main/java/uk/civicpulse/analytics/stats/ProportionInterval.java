package uk.civicpulse.analytics.stats;

import java.util.Arrays;
import java.util.Optional;

/**
 * The interval methods offered for a proportion. Each takes a count of successes x out of n; x and n may be
 * fractional "effective" counts (x = p * n_eff), which is how a finite population correction and a weighted
 * estimate's Kish effective sample size reach the interval (see {@link FinitePopulation} and {@link Weighting}).
 */
public enum ProportionInterval {
    /** Wilson score interval, the default: {@link WilsonInterval}. */
    WILSON(WilsonInterval.METHOD),
    /** Clopper-Pearson "exact" interval: {@link ClopperPearsonInterval}. */
    CLOPPER_PEARSON(ClopperPearsonInterval.METHOD),
    /** Jeffreys (Beta(1/2, 1/2) prior) interval: {@link JeffreysInterval}. */
    JEFFREYS(JeffreysInterval.METHOD);

    private final String code;

    ProportionInterval(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /**
     * The interval for x successes out of n (possibly fractional effective counts).
     *
     * @return [lower, upper]; never called with n = 0 (there is no estimate then)
     */
    public double[] bounds(double x, double n, double level) {
        Proportions.requireEffectiveCounts(x, n);
        if (n == 0) {
            throw new IllegalArgumentException("no interval without respondents");
        }
        double successes = Math.min(x, n);
        return switch (this) {
            case WILSON -> WilsonInterval.bounds(successes, n, level);
            case CLOPPER_PEARSON -> ClopperPearsonInterval.bounds(successes, n, level);
            case JEFFREYS -> JeffreysInterval.bounds(successes, n, level);
        };
    }

    /** The estimate for whole counts: proportion x/n with this method's interval; n = 0 has no estimate (nulls). */
    public ProportionEstimate of(long satisfied, long n, double level) {
        Proportions.requireCounts(satisfied, n);
        Proportions.requireLevel(level);
        if (n == 0) {
            return ProportionEstimate.empty(code, level);
        }
        double[] b = bounds(satisfied, n, level);
        return new ProportionEstimate(satisfied, n, (double) satisfied / n, b[0], b[1], code, level);
    }

    public static Optional<ProportionInterval> fromCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }
}
