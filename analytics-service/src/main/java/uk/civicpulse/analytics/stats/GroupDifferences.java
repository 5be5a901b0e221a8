package uk.civicpulse.analytics.stats;

import org.apache.commons.math3.special.Gamma;

/**
 * Whether % satisfied differs between the groups of one customer-group question.
 * <ul>
 * <li><b>Each group against the rest</b>: the two-proportion z test with pooled variance,
 * <pre>
 *   z = (p_g - p_r) / sqrt(p (1 - p) (1/n_g + 1/n_r)),   p = (x_g + x_r)/(n_g + n_r),   two-sided P = 2 P(Z > |z|)
 * </pre>
 * R: {@code prop.test(c(x_g, x_r), c(n_g, n_r), correct = FALSE)} (its X-squared is z^2, same p-value).</li>
 * <li><b>Overall</b>: Pearson's chi-square test of independence on the k x 2 table (satisfied, not satisfied) by
 * group, df = k - 1 (groups with n_g > 0). R: {@code chisq.test(cbind(x, n - x), correct = FALSE)}.</li>
 * <li>The group-vs-rest p-values are adjusted by {@link BenjaminiHochberg} across the comparisons shown; only those
 * with adjusted p below 0.05 are flagged.</li>
 * </ul>
 * Edges: a group with no respondents, or whose rest has none, gets no test (null z and p); when everyone (or no
 * one) is satisfied there is no variation and every test is null. Never NaN.
 */
public final class GroupDifferences {

    public static final double FALSE_DISCOVERY_RATE = 0.05;

    private GroupDifferences() {
    }

    /** The pooled two-proportion z test of x1/n1 against x2/n2; null when undefined. */
    public static Comparison twoProportions(long x1, long n1, long x2, long n2) {
        Proportions.requireCounts(x1, n1);
        Proportions.requireCounts(x2, n2);
        if (n1 == 0 || n2 == 0) {
            return new Comparison(n1 == 0 ? null : (double) x1 / n1, n2 == 0 ? null : (double) x2 / n2, null, null, null);
        }
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double variance = pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2);
        if (!(variance > 0)) {
            return new Comparison(p1, p2, p1 - p2, null, null);
        }
        double z = (p1 - p2) / Math.sqrt(variance);
        return new Comparison(p1, p2, p1 - p2, z, 2 * Proportions.normalUpperTail(Math.abs(z)));
    }

    /** Pearson's chi-square test of independence of group and satisfied (k x 2 table); null when undefined. */
    public static Independence independence(long[] satisfied, long[] n) {
        long total = 0;
        long totalSatisfied = 0;
        int groups = 0;
        for (int g = 0; g < n.length; g++) {
            Proportions.requireCounts(satisfied[g], n[g]);
            total += n[g];
            totalSatisfied += satisfied[g];
            if (n[g] > 0) {
                groups++;
            }
        }
        if (groups < 2 || totalSatisfied == 0 || totalSatisfied == total) {
            return new Independence(null, Math.max(groups - 1, 0), null, false);
        }
        double share = (double) totalSatisfied / total;
        double statistic = 0;
        boolean small = false;
        for (int g = 0; g < n.length; g++) {
            if (n[g] == 0) {
                continue;
            }
            double e1 = n[g] * share;
            double e0 = n[g] * (1 - share);
            statistic += (satisfied[g] - e1) * (satisfied[g] - e1) / e1 + (n[g] - satisfied[g] - e0) * (n[g] - satisfied[g] - e0) / e0;
            small |= e1 < 5 || e0 < 5;
        }
        double p = Gamma.regularizedGammaQ((groups - 1) / 2.0, statistic / 2);
        return new Independence(statistic, groups - 1, p, small);
    }

    /**
     * @param proportion     the group's % satisfied (0-1)
     * @param restProportion the rest's
     * @param difference     proportion - restProportion
     * @param z              the z statistic
     * @param pValue         two-sided, unadjusted
     */
    public record Comparison(Double proportion, Double restProportion, Double difference, Double z, Double pValue) {
    }

    /**
     * @param statistic     Pearson's X^2
     * @param df            degrees of freedom
     * @param pValue        P(chi^2_df >= X^2)
     * @param smallExpected an expected count below 5 (the approximation is doubtful)
     */
    public record Independence(Double statistic, int df, Double pValue, boolean smallExpected) {
    }
}
