package uk.civicpulse.analytics.stats;

import org.apache.commons.math3.distribution.TDistribution;

import java.util.List;

/**
 * A satisfaction figure from cells of respondents (a value, a count and a weight each): the weighted mean of the
 * metric's value with its interval.
 * <pre>
 *   n     = sum c_j                    W = sum c_j w_j              mean = sum c_j w_j v_j / W
 *   n_eff = W^2 / sum c_j w_j^2        (Kish 1965, section 11.7; n when unweighted)
 *   deff  = n / n_eff                  (Kish's design effect from unequal weights, 1 + cv^2 of the weights)
 *   f     = the finite population correction when the contacts N are given ({@link FinitePopulation}), else 1:
 *           (N - n)/(N - 1) for a proportion, 1 - n/N for a mean
 * </pre>
 * <b>% satisfied</b> (values 0/1): the chosen proportion interval ({@link ProportionInterval}) at the effective
 * counts x = p * n_eff / f out of n_eff / f; standard error sqrt(p(1 - p) f / n_eff). Unweighted and without N
 * this is exactly the textbook interval on x of n.
 * <p>
 * <b>Net satisfaction, mean score, rescaled mean</b>: a t interval mean +/- t(1 - alpha/2, n_eff - 1) * se with
 * <pre>
 *   s^2 = [sum c_j w_j (v_j - mean)^2 / W] * n_eff / (n_eff - 1)      se = sqrt(f * s^2 / n_eff)
 * </pre>
 * which, unweighted, is R's {@code t.test(x, conf.level = level)$conf.int} (and with N, the standard error of
 * {@code svymean} under {@code svydesign(ids = ~1, fpc = ~N)}). For net satisfaction this is the normal-theory
 * interval for the mean of a -1/0/+1 variable with Student's t quantile in place of z.
 * <p>
 * Edges: n = 0 gives no figure (nulls, note "no responses"); for a mean, n = 1 or every answer the same gives the
 * figure but no interval (a spread cannot be estimated from it; note says so) rather than a zero-width interval
 * that would claim certainty; a census (N = n) gives a zero-width interval at the figure, noted. Counts up to
 * 10^9 and beyond are summed in long and double without overflow.
 */
public final class MetricEstimator {

    public static final String T_METHOD = "t";
    public static final String NO_RESPONSES = "no responses";
    public static final String ONE_RESPONSE = "one response: no spread to estimate an interval from";
    public static final String NO_SPREAD = "every answer the same: no spread to estimate an interval from";
    public static final String CENSUS = "every contact responded (census): no sampling error";

    private MetricEstimator() {
    }

    /**
     * @param metric     what to estimate; for {@link Metric#PERCENT_SATISFIED} every cell value must be 0 or 1
     * @param cells      respondents grouped by value and weight
     * @param method     the proportion interval (ignored for means, which use t)
     * @param level      confidence level, strictly between 0 and 1
     * @param population the number of contacts N in the period, or null when unknown
     */
    public static Estimate of(Metric metric, List<Cell> cells, ProportionInterval method, double level, Long population) {
        Proportions.requireLevel(level);
        String methodCode = metric.isProportion() ? method.code() : T_METHOD;
        long n = 0;
        double totalWeight = 0;
        double squaredWeights = 0;
        double weightedSum = 0;
        for (Cell cell : cells) {
            if (metric.isProportion() && cell.value() != 0 && cell.value() != 1) {
                throw new IllegalArgumentException("% satisfied takes values 0 or 1, got " + cell.value());
            }
            n = Math.addExact(n, cell.count());
            totalWeight += cell.count() * cell.weight();
            squaredWeights += cell.count() * cell.weight() * cell.weight();
            weightedSum += cell.count() * cell.weight() * cell.value();
        }
        if (population != null && population < 0) {
            throw new IllegalArgumentException("the number of contacts cannot be negative");
        }
        if (n == 0) {
            return new Estimate(metric.code(), methodCode, level, 0, null, null, null, null, null, null, false, NO_RESPONSES);
        }
        double mean = weightedSum / totalWeight;
        double effectiveN = totalWeight * totalWeight / squaredWeights;
        // With equal weights rounding can leave n_eff a hair away from n: report n exactly.
        if (Math.abs(effectiveN - n) <= 1e-9 * n) {
            effectiveN = n;
        }
        double designEffect = n / effectiveN;
        boolean corrected = FinitePopulation.applies(n, population);
        if (metric.isProportion()) {
            double f = FinitePopulation.proportionFactor(n, population);
            double p = Math.min(1.0, Math.max(0.0, mean));
            double se = Math.sqrt(p * (1 - p) * f / effectiveN);
            if (f == 0) {
                return new Estimate(metric.code(), methodCode, level, n, p, p, p, 0.0, effectiveN, designEffect, true, CENSUS);
            }
            double intervalN = effectiveN / f;
            double[] bounds = method.bounds(p * intervalN, intervalN, level);
            return new Estimate(metric.code(), methodCode, level, n, p, bounds[0], bounds[1], se, effectiveN, designEffect, corrected, null);
        }
        if (n == 1) {
            return new Estimate(metric.code(), methodCode, level, n, mean, null, null, null, effectiveN, designEffect, corrected, ONE_RESPONSE);
        }
        double squares = 0;
        for (Cell cell : cells) {
            double d = cell.value() - mean;
            squares += cell.count() * cell.weight() * d * d;
        }
        double variance = squares / totalWeight * effectiveN / (effectiveN - 1);
        if (!(variance > 0) || Double.isNaN(variance)) {
            return new Estimate(metric.code(), methodCode, level, n, mean, null, null, 0.0, effectiveN, designEffect, corrected, NO_SPREAD);
        }
        double f = FinitePopulation.meanFactor(n, population);
        double se = Math.sqrt(f * variance / effectiveN);
        if (f == 0) {
            return new Estimate(metric.code(), methodCode, level, n, mean, mean, mean, 0.0, effectiveN, designEffect, true, CENSUS);
        }
        double t = new TDistribution(null, effectiveN - 1, 1e-13).inverseCumulativeProbability(1 - (1 - level) / 2);
        return new Estimate(metric.code(), methodCode, level, n, mean, mean - t * se, mean + t * se, se, effectiveN, designEffect, corrected, null);
    }
}
