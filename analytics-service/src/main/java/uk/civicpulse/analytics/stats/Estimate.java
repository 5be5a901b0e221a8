package uk.civicpulse.analytics.stats;

/**
 * One satisfaction figure with its interval, named by metric and method so that "95%" always means one stated
 * thing. Null (never NaN or infinite) where a value is undefined: no respondents, or a spread that cannot be
 * estimated from one respondent.
 *
 * @param metric         the metric's code, e.g. "percent_satisfied"
 * @param method         the interval method, e.g. "wilson", "t"
 * @param level          the confidence level, e.g. 0.95
 * @param n              respondents
 * @param value          the figure: a proportion (0-1), a net score (-1 to 1) or a mean
 * @param lower          the interval's lower bound
 * @param upper          the interval's upper bound
 * @param standardError  the estimate's standard error (Kish-based when weighted, finite-population corrected when
 *                       N is given); for a proportion sqrt(p(1 - p) / n_eff)
 * @param effectiveN     Kish's effective sample size (n when unweighted), before any finite population correction
 * @param designEffect   n / effectiveN (1 when unweighted)
 * @param finitePopulationCorrected whether the contacts N corrected the interval
 * @param note           why an interval is missing or degenerate, in words; null when there is nothing to say
 */
public record Estimate(String metric, String method, double level, long n, Double value, Double lower, Double upper,
                       Double standardError, Double effectiveN, Double designEffect, boolean finitePopulationCorrected,
                       String note) {

    /** Half the interval's width; null when there is no interval. */
    public Double marginOfError() {
        return lower == null || upper == null ? null : (upper - lower) / 2;
    }
}
