package uk.civicpulse.analytics.targets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Each service and channel against its target over a range (CSE 1.3.4).
 *
 * @param filters the slice's filters as given (service, channel, touchpoint, question, answer)
 * @param rows    one per service and channel with responses or a target, by service then channel
 */
@Serdeable
public record TargetStatusReport(String council, LocalDate from, LocalDate to, Map<String, String> filters, String metric, String intervalMethod,
                                 String probabilityMethod, double confidenceLevel, int minimumN, List<Row> rows) {

    /**
     * @param target               the target that applies (the channel's own, else the service's "all"); null if none
     * @param targetChannel        the channel the target was set for ("all" or this channel)
     * @param status               met, not_met, too_close_to_call, no_responses, or no_target
     * @param probabilityAtOrAbove P(true level >= target), Jeffreys posterior; null without a target
     * @param moreResponsesNeeded  responses that would likely settle a too-close-to-call status (0 when settled; null
     *                             when no number would, or without a target)
     * @param label                "too few responses" below the minimum n
     */
    @Serdeable
    public record Row(String service, String channel, @Nullable Double target, @Nullable String targetChannel, long n,
                      long satisfied, @Nullable Double proportion, @Nullable Double lower, @Nullable Double upper,
                      String status, @Nullable Double probabilityAtOrAbove, @Nullable Long moreResponsesNeeded,
                      @Nullable String label) {
    }
}
