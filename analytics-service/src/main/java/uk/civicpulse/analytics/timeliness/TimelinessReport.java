package uk.civicpulse.analytics.timeliness;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * @param judgedAt       open contacts are judged as at this moment (past its limit: outside; else pending)
 * @param quantileMethod how the median and 90th percentile are computed
 */
@Serdeable
public record TimelinessReport(String council, LocalDate from, LocalDate to, List<String> by, String period,
                               Instant judgedAt, String quantileMethod, String intervalMethod, double confidenceLevel,
                               List<TimelinessRow> rows) {

    public static final String QUANTILE_METHOD =
            "Hyndman-Fan type 7 (linear interpolation; R quantile(type = 7), PostgreSQL percentile_cont)";
}
