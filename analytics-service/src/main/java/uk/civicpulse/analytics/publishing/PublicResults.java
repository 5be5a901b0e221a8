package uk.civicpulse.analytics.publishing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import uk.civicpulse.analytics.actions.PublicAction;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything a council's public results page shows, already suppressed: a group with fewer than {@code minimumN}
 * responses (or contacts) keeps its name but loses every figure, here and in the open data built from this.
 *
 * @param cautionN  below this many responses a shown figure carries a "treat with caution" note (the API's minimum n)
 * @param services  % satisfied per service and channel, with the target and its status
 * @param channels  % satisfied per channel, all services together
 * @param trend     % satisfied per month, all services together
 * @param serviceTrends % satisfied per month for each service (all its channels together), each month suppressed on
 *                  its own below the minimum
 * @param standards timeliness standards, each version with how well it was kept
 * @param peers     where the council sits in each of its peer groups
 */
public record PublicResults(String council, String councilName, LocalDate from, LocalDate to, int minimumN, int cautionN,
                            List<SatisfactionFigure> services, List<SatisfactionFigure> channels, Trend trend,
                            List<ServiceTrend> serviceTrends,
                            List<StandardFigure> standards, List<PeerFigure> peers, List<PublicAction> actions,
                            Methodology methodology) {

    /**
     * One service and channel (service "all" for a channel's total). Figures are null when suppressed. Proportions
     * are 0-1 and unrounded; the page rounds.
     *
     * @param status met, not_met, too_close_to_call, no_target or no_responses (null on a channel's total)
     * @param caution fewer responses than the API's minimum n: shown, but to be read with caution
     */
    @Serdeable
    public record SatisfactionFigure(String service, String channel, boolean suppressed, @Nullable Long n,
                                     @Nullable Long satisfied, @Nullable Double proportion, @Nullable Double lower,
                                     @Nullable Double upper, @Nullable Double marginOfError, @Nullable Double target,
                                     @Nullable String status, boolean caution) {
    }

    /** % satisfied per month over the period (all services and channels), and whether it is changing. */
    public record Trend(List<Month> months, String direction, @Nullable Double pValue, @Nullable String label) {
    }

    @Serdeable
    public record Month(LocalDate from, boolean suppressed, @Nullable Long n, @Nullable Double proportion,
                        @Nullable Double lower, @Nullable Double upper) {
    }

    /** One service's months, all its channels together, from the same trend figures as the council's overall trend. */
    @Serdeable
    public record ServiceTrend(String service, List<Month> months) {
    }

    /**
     * One version of a timeliness standard and how it was kept (CSE 5.2.1, 5.3.2).
     *
     * @param contacts contacts judged against it (answered, or open past the limit); null when suppressed
     * @param within   of those, within the limit
     * @param status   met, not_met or too_close_to_call against the target share; null when suppressed or none
     */
    @Serdeable
    public record StandardFigure(String standard, LocalDate effectiveFrom, String promiseEn, String promiseCy,
                                 String measure, int limit, String unit, double targetShare, boolean suppressed,
                                 @Nullable Long contacts, @Nullable Long within, @Nullable Double share,
                                 @Nullable Double lower, @Nullable Double upper, @Nullable String status) {
    }

    /**
     * @param councils   councils in the peer group
     * @param peerValue  the group's pooled % satisfied (0-1)
     * @param position   inside, above or below the group's 95% funnel limits at this council's n; null when suppressed
     */
    public record PeerFigure(String peerGroup, String description, int councils, @Nullable Double peerValue,
                             boolean suppressed, @Nullable Long n, @Nullable Double proportion, @Nullable String position) {
    }

    /**
     * The methodology note's figures, all from the period's data (CSE 1.3.1).
     *
     * @param responses        every rating in the period
     * @param channels         responses per channel (suppressed below the minimum)
     * @param typicalMargin    the median margin of error of the service-and-channel figures shown
     * @param smallestMargin   the smallest of them
     * @param largestMargin    the largest of them
     * @param agentEntered     ratings a member of staff entered for a resident
     * @param suppressedGroups service-and-channel groups not shown for having too few responses
     */
    public record Methodology(long responses, List<SatisfactionFigure> channels, @Nullable Double typicalMargin,
                              @Nullable Double smallestMargin, @Nullable Double largestMargin, long agentEntered,
                              @Nullable Double agentShare, String intervalMethod, double confidenceLevel, int minimumN,
                              long suppressedGroups) {
    }
}
