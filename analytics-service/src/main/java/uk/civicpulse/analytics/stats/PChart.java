package uk.civicpulse.analytics.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A p-chart for % satisfied (Shewhart), with the centre line from a baseline period and 3-sigma limits for each
 * point from that point's own number of respondents, and the NHS "Making Data Count" rules for special-cause
 * variation.
 * <p>
 * <b>Limits</b>, as R's qcc package draws a p chart ({@code qcc(x, n, type="p", center=pbar, std.dev=sqrt(pbar*(1-pbar)))}):
 * <pre>
 *   centre   pbar = sum x (baseline) / sum n (baseline)
 *   sigma_i  = sqrt(pbar (1 - pbar) / n_i)
 *   limits_i = [max(0, pbar - 3 sigma_i), min(1, pbar + 3 sigma_i)]
 * </pre>
 * <b>Rules</b> of NHS England's Making Data Count programme ("Making data count: strengthening your decisions",
 * NHS England and NHS Improvement 2019, its SPC rules figure), with the run lengths as the programme's reference
 * implementation, the NHS-R community's NHSRplotthedots, codes them ({@code R/ptd_calculate_point_type.R}:
 * {@code ptd_seven_point_one_side_mean}, {@code ptd_seven_point_trend}, {@code ptd_two_in_three}):
 * <ul>
 *   <li>{@link #BEYOND_LIMITS}: a single point above the upper or below the lower limit;</li>
 *   <li>{@link #SHIFT}: a run of 7 or more consecutive points all above, or all below, the centre line (a point
 *       exactly on the line breaks the run);</li>
 *   <li>{@link #TREND}: a run of 7 or more consecutive points each higher than the one before (6 consecutive rises),
 *       or each lower (an equal value breaks the run), wherever it sits relative to the centre;</li>
 *   <li>{@link #TWO_OF_THREE}: two out of three consecutive points close to a limit (beyond 2 sigma but not beyond
 *       3 sigma) with all three on the same side of the centre line.</li>
 * </ul>
 * A run is reported once, from its first to its last point. Periods with no responses have no proportion; they are
 * plotted empty and skipped by the run rules (the run continues across them).
 * <p>
 * Edges: a baseline with no responses gives no centre, no limits and no breaches (labelled); a baseline in which
 * everyone (or no one) was satisfied gives sigma 0 and limits equal to the centre, so any point that differs from
 * it is beyond the limits.
 */
public final class PChart {

    public static final String METHOD = "p_chart_3_sigma";
    public static final String BEYOND_LIMITS = "point_beyond_limits";
    public static final String SHIFT = "shift_7_points_one_side";
    public static final String TREND = "trend_7_points_rising_or_falling";
    public static final String TWO_OF_THREE = "two_of_three_near_limit";
    static final int RUN = 7;

    private PChart() {
    }

    /**
     * @param baselineSatisfied satisfied over the baseline period
     * @param baselineN         respondents over the baseline period
     * @param satisfied         satisfied per period plotted, in time order
     * @param n                 respondents per period plotted
     */
    public static ControlChart of(long baselineSatisfied, long baselineN, long[] satisfied, long[] n) {
        Proportions.requireCounts(baselineSatisfied, baselineN);
        if (satisfied.length != n.length) {
            throw new IllegalArgumentException("need one count of satisfied per count of respondents");
        }
        Double centre = baselineN == 0 ? null : (double) baselineSatisfied / baselineN;
        List<ControlChart.Point> points = new ArrayList<>();
        for (int i = 0; i < n.length; i++) {
            Proportions.requireCounts(satisfied[i], n[i]);
            if (n[i] == 0 || centre == null) {
                points.add(new ControlChart.Point(i, satisfied[i], n[i], n[i] == 0 ? null : (double) satisfied[i] / n[i], null, null, null));
            } else {
                double sigma = Math.sqrt(centre * (1 - centre) / n[i]);
                points.add(new ControlChart.Point(i, satisfied[i], n[i], (double) satisfied[i] / n[i], sigma,
                        Math.max(0, centre - 3 * sigma), Math.min(1, centre + 3 * sigma)));
            }
        }
        if (centre == null) {
            return new ControlChart(baselineSatisfied, baselineN, null, points, List.of(), METHOD, "no baseline responses");
        }
        List<ControlChart.Point> plotted = points.stream().filter(p -> p.proportion() != null).toList();
        List<ControlChart.Breach> breaches = new ArrayList<>();
        for (ControlChart.Point p : plotted) {
            if (p.proportion() > p.upper()) {
                breaches.add(new ControlChart.Breach(BEYOND_LIMITS, "high", p.index(), p.index(), 1));
            } else if (p.proportion() < p.lower()) {
                breaches.add(new ControlChart.Breach(BEYOND_LIMITS, "low", p.index(), p.index(), 1));
            }
        }
        int[] side = new int[plotted.size()];
        for (int i = 0; i < side.length; i++) {
            side[i] = (int) Math.signum(plotted.get(i).proportion() - centre);
        }
        runs(plotted, side, SHIFT, RUN, breaches);
        int[] step = new int[plotted.size()];
        for (int i = 1; i < step.length; i++) {
            step[i] = (int) Math.signum(plotted.get(i).proportion() - plotted.get(i - 1).proportion());
        }
        // a trend of 7 points is 6 consecutive steps the same way: step[i] describes the move into point i
        trends(plotted, step, breaches);
        twoOfThree(plotted, side, centre, breaches);
        breaches.sort(Comparator.comparingInt(ControlChart.Breach::first));
        return new ControlChart(baselineSatisfied, baselineN, centre, points, List.copyOf(breaches), METHOD, null);
    }

    private static void runs(List<ControlChart.Point> plotted, int[] side, String rule, int length, List<ControlChart.Breach> out) {
        int start = 0;
        for (int i = 1; i <= side.length; i++) {
            if (i == side.length || side[i] != side[start]) {
                int count = i - start;
                if (side[start] != 0 && count >= length) {
                    out.add(new ControlChart.Breach(rule, side[start] > 0 ? "high" : "low", plotted.get(start).index(), plotted.get(i - 1).index(), count));
                }
                start = i;
            }
        }
    }

    private static void trends(List<ControlChart.Point> plotted, int[] step, List<ControlChart.Breach> out) {
        int start = 1;
        for (int i = 2; i <= step.length; i++) {
            if (i == step.length || step[i] != step[start]) {
                int rises = i - start;
                if (start < step.length && step[start] != 0 && rises >= RUN - 1) {
                    out.add(new ControlChart.Breach(TREND, step[start] > 0 ? "high" : "low", plotted.get(start - 1).index(),
                            plotted.get(i - 1).index(), rises + 1));
                }
                start = i;
            }
        }
    }

    private static void twoOfThree(List<ControlChart.Point> plotted, int[] side, double centre, List<ControlChart.Breach> out) {
        boolean[] close = new boolean[plotted.size()];
        for (int i = 0; i < close.length; i++) {
            ControlChart.Point p = plotted.get(i);
            double distance = Math.abs(p.proportion() - centre);
            boolean outside = p.proportion() > p.upper() || p.proportion() < p.lower();
            close[i] = !outside && p.sigma() > 0 && distance > 2 * p.sigma();
        }
        ControlChart.Breach open = null;
        for (int i = 0; i + 2 < close.length; i++) {
            int closeCount = (close[i] ? 1 : 0) + (close[i + 1] ? 1 : 0) + (close[i + 2] ? 1 : 0);
            boolean sameSide = side[i] != 0 && side[i] == side[i + 1] && side[i] == side[i + 2];
            if (closeCount >= 2 && sameSide) {
                String direction = side[i] > 0 ? "high" : "low";
                if (open != null && open.direction().equals(direction) && plotted.get(i).index() <= open.last()) {
                    out.remove(open);
                    open = new ControlChart.Breach(TWO_OF_THREE, direction, open.first(), plotted.get(i + 2).index(), open.points() + countBetween(plotted, open.last(), plotted.get(i + 2).index()));
                } else {
                    open = new ControlChart.Breach(TWO_OF_THREE, direction, plotted.get(i).index(), plotted.get(i + 2).index(), 3);
                }
                out.add(open);
            }
        }
    }

    private static int countBetween(List<ControlChart.Point> plotted, int afterIndex, int untilIndex) {
        return (int) plotted.stream().filter(p -> p.index() > afterIndex && p.index() <= untilIndex).count();
    }
}
