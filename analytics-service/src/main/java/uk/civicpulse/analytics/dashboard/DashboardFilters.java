package uk.civicpulse.analytics.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import uk.civicpulse.analytics.satisfaction.Interval;
import uk.civicpulse.analytics.satisfaction.SliceQuery;
import uk.civicpulse.analytics.web.BadParameterException;
import uk.civicpulse.events.Channel;
import uk.civicpulse.events.RatingSubmitted;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The filters of a dashboard page, all in the address so a view can be shared: the range ({@code from}, {@code to};
 * by default the last twelve months, this one included), a service, a channel, the period of a series, a
 * customer-group question, a control chart's baseline and a timeliness standard. An empty value means "all" (an unchosen select); a value
 * that is wrong is a {@link BadParameterException} naming it, shown as a 400 page.
 */
record DashboardFilters(LocalDate from, LocalDate to, @Nullable String service, @Nullable String channel, String period,
                        @Nullable String question, LocalDate baselineFrom, LocalDate baselineTo, @Nullable String standard) {

    /** Filter values go into the address and the database: a code is short and plain. */
    static final int MAX_CODE = 64;
    static final String DEFAULT_PERIOD = "month";

    static DashboardFilters parse(HttpRequest<?> request, LocalDate today) {
        LocalDate to = date(request, "to", today);
        LocalDate from = date(request, "from", to.minusMonths(11).withDayOfMonth(1));
        if (from.isAfter(to)) {
            throw new BadParameterException("from", "dash.problem.range");
        }
        String service = code(request, "service");
        String channel = given(request, "channel");
        if (channel != null && Channel.fromCode(channel).isEmpty()) {
            throw new BadParameterException("channel", "dash.problem.code");
        }
        String period = given(request, "period");
        if (period != null && Interval.fromCode(period).isEmpty()) {
            throw new BadParameterException("period", "dash.problem.code");
        }
        LocalDate baselineFrom = date(request, "baselineFrom", from);
        LocalDate baselineTo = date(request, "baselineTo", min(to, baselineFrom.plusMonths(6).minusDays(1)));
        if (baselineFrom.isAfter(baselineTo)) {
            throw new BadParameterException("baselineFrom", "dash.problem.range");
        }
        return new DashboardFilters(from, to, service, channel, period == null ? DEFAULT_PERIOD : period,
                code(request, "question"), baselineFrom, baselineTo, code(request, "standard"));
    }

    /** The slice for the statistics routes behind the JSON API (which check the council and the range again). */
    SliceQuery slice(String council) {
        return new SliceQuery(council, from.toString(), to.toString(), service, channel, null, null, null, BARE_REQUEST);
    }

    /** The slice of one service and channel (either null for all). */
    SliceQuery slice(String council, @Nullable String service, @Nullable String channel) {
        return new SliceQuery(council, from.toString(), to.toString(), service, channel, null, null, null, BARE_REQUEST);
    }

    /** The same slice without the service and channel filters (e.g. every service's row on the overview). */
    SliceQuery wholeCouncil(String council) {
        return new SliceQuery(council, from.toString(), to.toString(), null, null, null, null, null, BARE_REQUEST);
    }

    /**
     * The routes behind the JSON API refuse query parameters they do not take; the page's own parameters (lang and
     * the rest) are not theirs, so they are handed a request with none. Everything they need is in the SliceQuery.
     */
    private static final HttpRequest<?> BARE_REQUEST = HttpRequest.GET("/");

    /** These filters as query parameters, in a fixed order, for links and the CSV address. */
    Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("from", from.toString());
        p.put("to", to.toString());
        if (service != null) {
            p.put("service", service);
        }
        if (channel != null) {
            p.put("channel", channel);
        }
        p.put("period", period);
        if (question != null) {
            p.put("question", question);
        }
        p.put("baselineFrom", baselineFrom.toString());
        p.put("baselineTo", baselineTo.toString());
        if (standard != null) {
            p.put("standard", standard);
        }
        return p;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static String given(HttpRequest<?> request, String name) {
        String value = request.getParameters().get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String code(HttpRequest<?> request, String name) {
        String value = given(request, name);
        if (value != null && (value.length() > MAX_CODE || !RatingSubmitted.isCode(value))) {
            throw new BadParameterException(name, "dash.problem.code");
        }
        return value;
    }

    private static LocalDate date(HttpRequest<?> request, String name, LocalDate otherwise) {
        String value = given(request, name);
        if (value == null) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name, "dash.problem.date");
        }
    }
}
