package uk.civicpulse.analytics.timeliness;

/**
 * Sample quantiles by linear interpolation between order statistics: Hyndman and Fan's definition 7, the default of
 * R's {@code quantile()} and of PostgreSQL's {@code percentile_cont}.
 * <pre>
 *   h = (n - 1) p,  Q(p) = x[floor(h)] + (h - floor(h)) (x[floor(h) + 1] - x[floor(h)])   (x sorted, 0-based)
 * </pre>
 * Edges: no values gives null; one value is every quantile.
 * <p>
 * Reference: R. J. Hyndman and Y. Fan (1996), "Sample quantiles in statistical packages", The American
 * Statistician 50, 361-365.
 */
public final class Quantiles {

    private Quantiles() {
    }

    /**
     * @param sorted values in ascending order (not copied, not checked)
     * @param p      the probability, 0 to 1
     */
    public static Double type7(double[] sorted, int n, double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("p must be 0 to 1: " + p);
        }
        if (n == 0) {
            return null;
        }
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) {
            return sorted[n - 1];
        }
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }
}
