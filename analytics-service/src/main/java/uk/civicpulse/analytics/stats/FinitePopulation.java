package uk.civicpulse.analytics.stats;

/**
 * The finite population correction, used when the council gives the number of contacts N in the period and the n
 * respondents came from them. Sampling without replacement from N shrinks the variance:
 * <ul>
 * <li>of a <b>proportion</b>, whose interval (Wilson, Clopper-Pearson, Jeffreys) is built on the true variance
 * P(1 - P)/n, by f = (N - n)/(N - 1) (Cochran 1977, eq. 3.4); the interval then takes the effective sample size
 * n / f (x = p * n/f out of n/f);</li>
 * <li>of a <b>mean</b>, estimated with the sample variance s^2 (divisor n - 1), by f = 1 - n/N (Cochran 1977,
 * eq. 2.16): the standard error of R's {@code svymean(~y, svydesign(ids = ~1, fpc = ~N, data = d))}.</li>
 * </ul>
 * The two agree: with S^2 the population variance (divisor N - 1), Var(mean) = (1 - n/N) S^2/n = (N - n)/(N - 1)
 * sigma^2/n.
 * <p>
 * Edges: N = n is a census, f = 0 and the interval shrinks to the figure itself; N < n (more responses than
 * contacts: the contact volumes are incomplete), n = 0 or N unknown: no correction, f = 1.
 */
public final class FinitePopulation {

    private FinitePopulation() {
    }

    /** Whether the correction is applied: N given, N >= n and n > 0. */
    public static boolean applies(long n, Long population) {
        return population != null && n > 0 && population >= n;
    }

    /** (N - n)/(N - 1) for a proportion; 0 for a census (N = n), 1 when the correction does not apply. */
    public static double proportionFactor(long n, Long population) {
        if (!applies(n, population)) {
            return 1.0;
        }
        return population == n ? 0.0 : (double) (population - n) / (population - 1);
    }

    /** 1 - n/N for a mean; 0 for a census, 1 when the correction does not apply. */
    public static double meanFactor(long n, Long population) {
        if (!applies(n, population)) {
            return 1.0;
        }
        return population == n ? 0.0 : 1 - (double) n / population;
    }
}
