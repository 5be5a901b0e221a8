package uk.civicpulse.analytics.stats;

import java.util.List;

/**
 * A p-chart of % satisfied per period with limits from a baseline, and the breaches of the "Making Data Count"
 * rules found in it.
 *
 * @param baselineSatisfied satisfied in the baseline period
 * @param baselineN         respondents in the baseline period
 * @param centre            the centre line, baseline satisfied / baseline n; null when the baseline has no responses
 * @param points            one per period plotted, in time order
 * @param breaches          each run or point that breaks a rule, in order of where it starts
 * @param method            "p_chart_3_sigma"
 * @param label             "no baseline responses" when there are no limits to judge against, else null
 */
public record ControlChart(long baselineSatisfied, long baselineN, Double centre, List<Point> points,
                           List<Breach> breaches, String method, String label) {

    /**
     * @param index      position in the series, from 0
     * @param satisfied  satisfied in the period
     * @param n          respondents in the period
     * @param proportion satisfied / n; null when n = 0
     * @param sigma      sqrt(centre (1 - centre) / n); null when n = 0 or there is no centre
     * @param lower      max(0, centre - 3 sigma)
     * @param upper      min(1, centre + 3 sigma)
     */
    public record Point(int index, long satisfied, long n, Double proportion, Double sigma, Double lower, Double upper) {
    }

    /**
     * @param rule      {@link PChart#BEYOND_LIMITS}, {@link PChart#SHIFT}, {@link PChart#TREND} or {@link PChart#TWO_OF_THREE}
     * @param direction "high" (above the centre, or rising) or "low" (below, or falling)
     * @param first     index of the first point in the breach
     * @param last      index of the last point in the breach
     * @param points    how many points with responses the breach spans
     */
    public record Breach(String rule, String direction, int first, int last, int points) {
    }
}
