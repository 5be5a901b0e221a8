package uk.civicpulse.analytics.satisfaction;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Parameter;
import uk.civicpulse.analytics.officers.CouncilAccess;
import uk.civicpulse.analytics.web.BadParameterException;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The slice parameters every statistics route over the ratings shares (targets, trend, control chart, funnel): the
 * council, the range and the equality filters on service, channel, touchpoint and one customer-group answer. Bound
 * from the request with {@code @RequestBean}; turned into a {@link Slice} by {@link SliceParameters}, so a bad value
 * is the same 400 problem on every route.
 *
 * @param council    the council (path)
 * @param from       first day, inclusive (YYYY-MM-DD)
 * @param to         last day, inclusive (YYYY-MM-DD)
 * @param service    only this service
 * @param channel    only this channel
 * @param touchpoint only this touchpoint
 * @param question   the customer-group question of {@code answer}, e.g. age_band
 * @param answer     only respondents who gave this answer to {@code question}, e.g. 65_74
 * @param request    the request itself, to refuse parameters the route does not take
 */
@Introspected
public record SliceQuery(
        @Parameter(description = "the council's code") @PathVariable String council,
        @Parameter(description = "first day, inclusive (YYYY-MM-DD)", required = true) @Nullable @QueryValue String from,
        @Parameter(description = "last day, inclusive (YYYY-MM-DD)", required = true) @Nullable @QueryValue String to,
        @Parameter(description = "only this service (default all)") @Nullable @QueryValue String service,
        @Parameter(description = "only this channel: web, face_to_face or phone (default all)") @Nullable @QueryValue String channel,
        @Parameter(description = "only this touchpoint (default all)") @Nullable @QueryValue String touchpoint,
        @Parameter(description = "the customer-group question of 'answer', e.g. age_band; required with 'answer'") @Nullable @QueryValue String question,
        @Parameter(description = "only respondents who gave this answer to 'question', e.g. 65_74 (default all)") @Nullable @QueryValue String answer,
        @Parameter(hidden = true) HttpRequest<?> request) {

    /** The query parameters every route taking a slice understands. */
    public static final List<String> PARAMETERS = List.of("from", "to", "service", "channel", "touchpoint", "question", "answer");

    /**
     * Refuses an officer of another council (403), and with a 400 any query parameter the route does not take: a
     * breakdown ({@code by}) or a filter these routes cannot apply must not be ignored silently, or the figures
     * would look filtered when they are not.
     *
     * @param routeParameters the route's own query parameters beyond {@link #PARAMETERS}
     */
    public void requireReadable(CouncilAccess access, Authentication who, String... routeParameters) {
        access.requireReadable(who, council);
        Set<String> known = new LinkedHashSet<>(PARAMETERS);
        known.addAll(List.of(routeParameters));
        for (String name : request.getParameters().names()) {
            if (!known.contains(name)) {
                throw new BadParameterException(name, unknown(name, known));
            }
        }
        if (answer != null && question == null) {
            throw new BadParameterException("question", "name the customer-group question of answer '" + answer + "', e.g. question=age_band");
        }
        if (question != null && answer == null) {
            throw new BadParameterException("answer", "give the answer to '" + question + "' to slice by, e.g. answer=65_74");
        }
    }

    private static String unknown(String name, Set<String> known) {
        if (name.equals("by")) {
            return "this route gives one figure per service and channel (or per period) and cannot break it down further;"
                    + " filter with " + String.join(", ", PARAMETERS.subList(2, PARAMETERS.size())) + " instead";
        }
        if (name.equals("customer_group")) {
            return "slice by a customer group with question and answer, e.g. question=age_band&answer=65_74";
        }
        return "is not a parameter of this route, which takes " + known;
    }

    /** The equality filters, keyed as {@link SliceParameters#parse} takes them. */
    public Map<String, String> filters() {
        Map<String, String> filters = new HashMap<>();
        filters.put("service", service);
        filters.put("channel", channel);
        filters.put("touchpoint", touchpoint);
        filters.put("answer", answer);
        return filters;
    }

    /** This slice for another council (a peer), with the same range and filters. */
    public SliceQuery forCouncil(String other) {
        return new SliceQuery(other, from, to, service, channel, touchpoint, question, answer, request);
    }

    /** The filters given, by parameter name, for echoing in a report. */
    public Map<String, String> givenFilters() {
        Map<String, String> given = new java.util.LinkedHashMap<>();
        for (String name : PARAMETERS.subList(2, PARAMETERS.size())) {
            String value = switch (name) {
                case "service" -> service;
                case "channel" -> channel;
                case "touchpoint" -> touchpoint;
                case "question" -> question;
                default -> answer;
            };
            if (value != null) {
                given.put(name, value);
            }
        }
        return given;
    }

    /** A slice of this query's council over the range named by the given parameters, for messages naming them. */
    public Slice slice(String fromParameter, String fromValue, String toParameter, String toValue, @Nullable String by,
                       @Nullable String interval) {
        if (fromValue == null || toValue == null) {
            throw new BadParameterException(fromValue == null ? fromParameter : toParameter, "is required (YYYY-MM-DD)");
        }
        try {
            return SliceParameters.parse(council, fromValue, toValue, null, null, by, question, filters(), interval);
        } catch (BadParameterException e) {
            // name the parameter the caller gave (e.g. baselineFrom), not the slice's own
            String name = e.parameter().equals("from") ? fromParameter : e.parameter().equals("to") ? toParameter : e.parameter();
            throw new BadParameterException(name, e.getMessage().replace("'from'", "'" + fromParameter + "'").replace("'to'", "'" + toParameter + "'"));
        }
    }
}
