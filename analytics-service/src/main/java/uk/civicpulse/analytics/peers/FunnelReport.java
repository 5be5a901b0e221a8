package uk.civicpulse.analytics.peers;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A funnel plot per peer group the council belongs to: each member council's aggregate (never its comments or
 * raw ratings) against limits around the peer-group value. Not a league table: councils are listed by code.
 *
 * @param filters the slice's filters as given (service, channel, touchpoint, question, answer)
 */
@Serdeable
public record FunnelReport(String council, @Nullable String service, @Nullable String channel, Map<String, String> filters, LocalDate from, LocalDate to,
                           String method, List<Group> peerGroups) {

    /**
     * @param peerValue   the peer group's pooled proportion satisfied (sum of satisfied / sum of n over members);
     *                    null when no member has responses
     * @param councils    one point per member council, in code order
     * @param curve       the limits at sample sizes from 1 to beyond the largest member, for drawing the funnel
     */
    @Serdeable
    public record Group(String code, String description, long n, long satisfied, @Nullable Double peerValue,
                        List<CouncilPoint> councils, List<Limits> curve) {
    }

    /**
     * @param position95  inside, above or below the 95% limits (no_responses when n = 0)
     * @param position998 inside, above or below the 99.8% limits
     * @param label       "too few responses" below the minimum n
     */
    @Serdeable
    public record CouncilPoint(String council, boolean you, long n, long satisfied, @Nullable Double proportion,
                               @Nullable Limits limits, String position95, String position998, @Nullable String label) {
    }

    /** The limits at one sample size; null when the peer group has no value. */
    @Serdeable
    public record Limits(long n, @Nullable Double lower95, @Nullable Double upper95, @Nullable Double lower998,
                         @Nullable Double upper998) {
    }
}
