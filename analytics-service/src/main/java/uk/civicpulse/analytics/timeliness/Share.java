package uk.civicpulse.analytics.timeliness;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import uk.civicpulse.analytics.stats.ProportionEstimate;
import uk.civicpulse.analytics.stats.WilsonInterval;

/**
 * A share with its 95% Wilson interval: of {@code n}, {@code count} had the property.
 *
 * @param label "too few" when n is below the minimum; shown, not to be ranked
 */
@Serdeable
public record Share(long n, long count, @Nullable Double proportion, @Nullable Double lower, @Nullable Double upper,
                    @Nullable Double marginOfError, String method, @Nullable String label) {

    public static final double LEVEL = 0.95;

    static Share of(long count, long n, int minimumN) {
        ProportionEstimate e = WilsonInterval.of(count, n, LEVEL);
        return new Share(n, count, e.proportion(), e.lower(), e.upper(), e.marginOfError(), e.method(),
                n < minimumN ? "too few" : null);
    }

    ProportionEstimate estimate() {
        return new ProportionEstimate(count, n, proportion, lower, upper, method, LEVEL);
    }
}
