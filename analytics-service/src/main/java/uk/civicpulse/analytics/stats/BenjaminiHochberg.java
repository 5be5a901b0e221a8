package uk.civicpulse.analytics.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Benjamini-Hochberg adjusted p-values, controlling the false discovery rate across the comparisons shown:
 * <pre>
 *   sort p ascending: p_(1) <= ... <= p_(m);   q_(i) = min over k >= i of min(1, m * p_(k) / k)
 * </pre>
 * A comparison is flagged when q < the chosen rate (0.05). Null p-values (no test) are left out of m and stay null.
 * <p>
 * Reference: Benjamini and Hochberg (1995), JRSS B 57, 289-300. R: {@code p.adjust(p, method = "BH")}.
 */
public final class BenjaminiHochberg {

    private BenjaminiHochberg() {
    }

    public static Double[] adjust(Double[] p) {
        Integer[] order = java.util.stream.IntStream.range(0, p.length).filter(i -> p[i] != null).boxed().toArray(Integer[]::new);
        for (Integer i : order) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException("p-values must lie in [0, 1], got " + p[i]);
            }
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        int m = order.length;
        Double[] q = new Double[p.length];
        double running = 1.0;
        for (int k = m; k >= 1; k--) {
            int i = order[k - 1];
            running = Math.min(running, Math.min(1.0, (double) m * p[i] / k));
            q[i] = running;
        }
        return q;
    }
}
