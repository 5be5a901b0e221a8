package uk.civicpulse.analytics.stats;

import java.util.Arrays;

/**
 * Weights that make respondents' profile match the population shares a council supplies for one or more
 * customer-group questions (for example census age bands).
 * <p>
 * Respondents are grouped into cells j, one per combination of answers, with c_j respondents each; every
 * respondent in a cell gets the same weight w_j, scaled so that the weights sum to n (mean weight 1).
 * <ul>
 * <li><b>Post-stratification</b> (one question): w_j = n * P_g / n_g for the group g of cell j, where P_g is the
 * population share and n_g the respondents in g. Identical to R's
 * {@code weights(postStratify(svydesign(ids = ~1, data = d), ~q, data.frame(q = groups, Freq = n * P)))}.</li>
 * <li><b>Raking</b> (several questions): iterative proportional fitting (Deming and Stephan 1940): starting from
 * w = 1, post-stratify to each question's margin in turn, and repeat until every margin is within 1e-12 * n of
 * its target (at most {@link #MAX_ITERATIONS} rounds). R: {@code rake(design, list(~q1, ~q2), list(pop1, pop2),
 * control = list(maxit = 100, epsilon = 1e-12))}.</li>
 * <li><b>Trimming</b> at a cap (a multiple of the mean weight, which is 1): weights above the cap are set to it and
 * the weight trimmed off is shared equally among the respondents who were not trimmed, repeated until none is
 * above the cap: R's {@code trimWeights(design, upper = cap, strict = TRUE)}.</li>
 * </ul>
 * Population shares must be non-negative; they are rescaled to sum to 1 over the groups that have respondents.
 * A group with a population share but no respondents cannot be weighted up: it is reported by the caller as not
 * represented, and its share is spread over the others by that rescaling. Every weight is finite and positive.
 */
public final class Weighting {

    public static final int MAX_ITERATIONS = 1000;
    private static final double TOLERANCE = 1e-12;

    private Weighting() {
    }

    /**
     * Raked (or, with one question, post-stratified) weights per cell.
     *
     * @param cellCounts respondents per cell, c_j
     * @param cellGroups cellGroups[j][q]: the group index of cell j for question q
     * @param shares     shares[q][g]: the population share of group g of question q
     * @return weights[j], summing (over respondents) to n
     */
    public static Weights rake(long[] cellCounts, int[][] cellGroups, double[][] shares) {
        int cells = cellCounts.length;
        int questions = shares.length;
        if (cellGroups.length != cells) {
            throw new IllegalArgumentException("one group list per cell");
        }
        long n = 0;
        for (long c : cellCounts) {
            if (c < 0) {
                throw new IllegalArgumentException("negative count");
            }
            n += c;
        }
        double[] w = new double[cells];
        Arrays.fill(w, 1.0);
        if (n == 0) {
            return new Weights(w, 0, true);
        }
        double[][] targets = new double[questions][];
        for (int q = 0; q < questions; q++) {
            double[] sampleTotals = new double[shares[q].length];
            for (int j = 0; j < cells; j++) {
                sampleTotals[cellGroups[j][q]] += cellCounts[j];
            }
            double present = 0;
            for (int g = 0; g < shares[q].length; g++) {
                if (!(shares[q][g] >= 0) || Double.isInfinite(shares[q][g])) {
                    throw new IllegalArgumentException("population shares must be finite and >= 0");
                }
                if (sampleTotals[g] > 0) {
                    present += shares[q][g];
                }
            }
            if (!(present > 0)) {
                throw new IllegalArgumentException("question " + q + ": no respondents in any group with a population share");
            }
            targets[q] = new double[shares[q].length];
            for (int g = 0; g < shares[q].length; g++) {
                targets[q][g] = sampleTotals[g] > 0 ? n * shares[q][g] / present : 0;
            }
        }
        // Cells in a group whose target is 0 (population share 0) would need weight 0: not allowed.
        for (int j = 0; j < cells; j++) {
            for (int q = 0; q < questions; q++) {
                if (cellCounts[j] > 0 && targets[q][cellGroups[j][q]] == 0) {
                    throw new IllegalArgumentException("respondents in a group whose population share is 0 (question " + q + ")");
                }
            }
        }
        boolean converged = false;
        int iteration = 0;
        while (!converged && iteration < MAX_ITERATIONS) {
            for (int q = 0; q < questions; q++) {
                double[] totals = totals(cellCounts, cellGroups, w, q, targets[q].length);
                for (int j = 0; j < cells; j++) {
                    double total = totals[cellGroups[j][q]];
                    if (total > 0) {
                        w[j] *= targets[q][cellGroups[j][q]] / total;
                    }
                }
            }
            iteration++;
            converged = true;
            for (int q = 0; q < questions && converged; q++) {
                double[] totals = totals(cellCounts, cellGroups, w, q, targets[q].length);
                for (int g = 0; g < totals.length; g++) {
                    if (Math.abs(totals[g] - targets[q][g]) > TOLERANCE * n) {
                        converged = false;
                        break;
                    }
                }
            }
        }
        return new Weights(w, iteration, converged);
    }

    /** Post-stratified weights for one question: {@code rake} with a single margin (exact in one step). */
    public static Weights postStratify(long[] groupCounts, double[] shares) {
        int[][] groups = new int[groupCounts.length][];
        for (int g = 0; g < groupCounts.length; g++) {
            groups[g] = new int[]{g};
        }
        return rake(groupCounts, groups, new double[][]{shares});
    }

    /**
     * Trims weights above {@code cap} (R's {@code trimWeights(..., upper = cap, strict = TRUE)}): each weight over
     * the cap becomes the cap, and the total trimmed is added equally to every respondent not over it; repeated
     * until no weight exceeds the cap. The total weight is unchanged.
     *
     * @param cap the largest weight allowed, as a multiple of the mean weight 1; must be >= 1
     */
    public static double[] trim(long[] cellCounts, double[] weights, double cap) {
        if (!(cap >= 1) || Double.isInfinite(cap)) {
            throw new IllegalArgumentException("the weight cap must be a finite number >= 1, got " + cap);
        }
        double[] w = weights.clone();
        for (int round = 0; round < MAX_ITERATIONS; round++) {
            double trimmed = 0;
            long inside = 0;
            boolean any = false;
            boolean[] outside = new boolean[w.length];
            for (int j = 0; j < w.length; j++) {
                if (cellCounts[j] > 0 && w[j] > cap) {
                    outside[j] = true;
                    any = true;
                    trimmed += cellCounts[j] * (w[j] - cap);
                } else {
                    inside += cellCounts[j];
                }
            }
            if (!any) {
                return w;
            }
            if (inside == 0) {
                // Everyone is over the cap: only possible if the mean weight exceeds it; leave every weight at the mean.
                return w;
            }
            double share = trimmed / inside;
            for (int j = 0; j < w.length; j++) {
                w[j] = outside[j] ? cap : w[j] + share;
            }
        }
        return w;
    }

    private static double[] totals(long[] counts, int[][] groups, double[] w, int q, int size) {
        double[] totals = new double[size];
        for (int j = 0; j < counts.length; j++) {
            totals[groups[j][q]] += counts[j] * w[j];
        }
        return totals;
    }

    /**
     * @param weights    one per cell, mean 1 over respondents
     * @param iterations raking rounds used (1 for post-stratification)
     * @param converged  whether every margin matched within tolerance
     */
    public record Weights(double[] weights, int iterations, boolean converged) {
    }
}
