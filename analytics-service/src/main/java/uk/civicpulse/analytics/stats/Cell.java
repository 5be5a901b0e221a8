package uk.civicpulse.analytics.stats;

/**
 * Respondents who gave answers of the same value and carry the same weight.
 *
 * @param value  the value of their answer under the metric (e.g. 1 satisfied / 0 not, or a score)
 * @param count  how many respondents, >= 0
 * @param weight each one's weight, > 0 (1 when unweighted)
 */
public record Cell(double value, long count, double weight) {

    public Cell {
        if (count < 0 || !(weight > 0) || Double.isInfinite(weight) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("need count >= 0, finite weight > 0, finite value; got " + count + ", " + weight + ", " + value);
        }
    }
}
