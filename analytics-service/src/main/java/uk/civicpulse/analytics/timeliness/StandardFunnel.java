package uk.civicpulse.analytics.timeliness;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import uk.civicpulse.analytics.peers.FunnelReport;

import java.time.LocalDate;
import java.util.List;

/**
 * The council's share within a standard beside its peers' shares within their comparable standards (CSE 5.3.3), on
 * Spiegelhalter funnel limits around the peer group's pooled share. Other councils' aggregates only.
 *
 * @param standard   the asking council's standard's code
 * @param comparable the version the comparison is by (the one in force on {@code to}, or the latest before it): a
 *                   peer's standard is comparable when it has the same contact type, channel and measure
 * @param method     "spiegelhalter_exact_binomial_interpolated"
 */
@Serdeable
public record StandardFunnel(String council, String standard, LocalDate from, LocalDate to,
                             StandardControlChart.Version comparable, String contactType, @Nullable String channel,
                             String method, List<Group> peerGroups) {

    /**
     * @param n                        contacts judged over the members with a comparable standard
     * @param within                   of those, within their council's standard
     * @param peerValue                within / n (pooled); null when no member has contacts judged
     * @param councils                 one point per member with a comparable standard, in code order
     * @param withoutComparableStandard members with no comparable standard in force in the range
     * @param curve                    the limits at sample sizes from 1 to beyond the largest member, for drawing
     */
    @Serdeable
    public record Group(String code, String description, long n, long within, @Nullable Double peerValue,
                        List<CouncilPoint> councils, List<String> withoutComparableStandard,
                        List<FunnelReport.Limits> curve) {
    }

    /**
     * @param standard    the member's comparable standard (its own code), and its limit and unit in force on {@code to}
     * @param n           its contacts judged over the range
     * @param within      of those, within its standard
     * @param limits      the funnel limits at this n (null when n = 0 or the group has no value)
     * @param position95  inside, above or below the 95% limits (no_responses when n = 0)
     * @param position998 inside, above or below the 99.8% limits
     * @param label       "too few" below the minimum n
     */
    @Serdeable
    public record CouncilPoint(String council, boolean you, String standard, int limit, String unit, double targetShare,
                               long n, long within, @Nullable Double proportion, @Nullable FunnelReport.Limits limits,
                               String position95, String position998, @Nullable String label) {
    }
}
