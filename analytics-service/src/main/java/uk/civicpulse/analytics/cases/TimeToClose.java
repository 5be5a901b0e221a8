package uk.civicpulse.analytics.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;

/**
 * How long cases took to close, per service and the month they were opened (CSE 5.2.5).
 *
 * @param quantileMethod how the median and 90th percentile are computed
 * @param rows           by month, then service
 */
@Serdeable
public record TimeToClose(String council, LocalDate from, LocalDate to, String unit, String quantileMethod, List<Row> rows) {

    public static final String QUANTILE_METHOD =
            "Hyndman-Fan type 7 over closed cases (PostgreSQL percentile_cont; R quantile(type = 7))";

    /**
     * @param month        the first day of the month the cases were opened in
     * @param opened       cases opened that month
     * @param closed       of those, closed
     * @param stillOpen    of those, still open (not in the median: their time is not known yet)
     * @param median       median days from the rating to closing, closed cases only; null when none closed
     * @param percentile90 90th percentile days, closed cases only
     */
    @Serdeable
    public record Row(LocalDate month, String service, long opened, long closed, long stillOpen,
                      @Nullable Double median, @Nullable Double percentile90) {
    }
}
