package uk.civicpulse.analytics.satisfaction;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import uk.civicpulse.analytics.officers.CouncilAccess;
import uk.civicpulse.analytics.web.BadParameterException;
import uk.civicpulse.analytics.web.CsvWriter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * % satisfied for any slice of one council: by service, channel, touchpoint or a customer-group question, over a
 * custom range or a day, week, month, quarter or year, as one table or a time series; JSON or CSV.
 */
@Controller("/api/v1/councils/{council}/satisfaction")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class SatisfactionController {

    private final SatisfactionService service;
    private final CouncilAccess access;

    public SatisfactionController(SatisfactionService service, CouncilAccess access) {
        this.service = service;
        this.access = access;
    }

    /**
     * One row per group, each with n, counts per answer, the chosen metric (% satisfied by default) with its interval
     * (95% Wilson by default), margin of error and standard error; the finite population correction where the
     * contact volumes cover the row (whole months, by service and channel only); weighted to the population shares
     * of one question (post-stratification) or several (raking) when {@code weight} is given, with each row's design
     * effect and effective n.
     *
     * @param from       first day, inclusive (YYYY-MM-DD); or give {@code period} and {@code date}
     * @param to         last day, inclusive (YYYY-MM-DD)
     * @param period     day, week, month, quarter or year: the period containing {@code date} (default today)
     * @param by         comma-separated breakdown: service, channel, touchpoint, customer_group
     * @param question   the customer-group question, with customer_group in {@code by} or an {@code answer} filter
     * @param service    only this service
     * @param channel    only this channel
     * @param touchpoint only this touchpoint
     * @param answer     only residents who gave this answer to {@code question}
     * @param format     json (default) or csv
     * @param metric     percent_satisfied (default), net_satisfaction, mean_score or rescaled_mean
     * @param method     the interval for % satisfied: wilson (default), clopper_pearson or jeffreys (means use t)
     * @param interval   the same as {@code method} (on this route only; on /series {@code interval} is the period)
     * @param level      confidence level in per cent: 90, 95 (default) or 99
     * @param fpc        auto (default: correct for the finite population where the contacts are known) or off
     * @param weight     comma-separated customer-group questions to weight to, e.g. age_band or age_band,sex
     * @param cap        with {@code weight}: the largest weight as a multiple of the mean (default 5)
     */
    @Get(produces = {MediaType.APPLICATION_JSON, "text/csv"})
    public HttpResponse<?> satisfaction(@PathVariable String council, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                        @Nullable @QueryValue String period, @Nullable @QueryValue String date,
                                        @Nullable @QueryValue String by, @Nullable @QueryValue String question,
                                        @Nullable @QueryValue String service, @Nullable @QueryValue String channel,
                                        @Nullable @QueryValue String touchpoint, @Nullable @QueryValue String answer,
                                        @Nullable @QueryValue String format, @Nullable @QueryValue String metric,
                                        @Nullable @QueryValue String method, @Nullable @QueryValue String interval,
                                        @Nullable @QueryValue String level, @Nullable @QueryValue String fpc,
                                        @Nullable @QueryValue String weight, @Nullable @QueryValue String cap, Authentication who) {
        access.requireReadable(who, council);
        Slice slice = SliceParameters.parse(council, from, to, period, date, by, question,
                filters(service, channel, touchpoint, answer), null);
        if (method != null && interval != null && !method.equals(interval)) {
            throw new BadParameterException("interval", "give the interval method once, as 'method' or 'interval'");
        }
        FigureOptions options = FigureOptions.parse(metric, method != null ? method : interval, level, fpc, weight, cap, this.service.defaultCap());
        return respond(this.service.report(slice, options), format);
    }

    /**
     * The same figures per period: one row per day, week, month, quarter or year (and per group, if broken down).
     *
     * @param interval day, week, month, quarter or year
     * @param metric   percent_satisfied (default), net_satisfaction, mean_score or rescaled_mean
     * @param method   the interval for % satisfied: wilson (default), clopper_pearson or jeffreys
     * @param level    confidence level in per cent: 90, 95 (default) or 99
     * @param fpc      auto (default: correct each month, quarter or year row for the finite population where the
     *                 contacts cover it, as on the route above; day and week rows are never corrected) or off
     * @param weight   comma-separated customer-group questions to weight to
     * @param cap      with {@code weight}: the largest weight as a multiple of the mean (default 5)
     */
    @Get(uri = "/series", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    public HttpResponse<?> series(@PathVariable String council, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                  @QueryValue String interval, @Nullable @QueryValue String by, @Nullable @QueryValue String question,
                                  @Nullable @QueryValue String service, @Nullable @QueryValue String channel,
                                  @Nullable @QueryValue String touchpoint, @Nullable @QueryValue String answer,
                                  @Nullable @QueryValue String format, @Nullable @QueryValue String metric,
                                  @Nullable @QueryValue String method, @Nullable @QueryValue String level,
                                  @Nullable @QueryValue String fpc,
                                  @Nullable @QueryValue String weight, @Nullable @QueryValue String cap, Authentication who) {
        access.requireReadable(who, council);
        Slice slice = SliceParameters.parse(council, from, to, null, null, by, question,
                filters(service, channel, touchpoint, answer), interval);
        FigureOptions options = FigureOptions.parse(metric, method, level, fpc, weight, cap, this.service.defaultCap());
        return respond(this.service.report(slice, options), format);
    }

    private static Map<String, String> filters(String service, String channel, String touchpoint, String answer) {
        Map<String, String> filters = new HashMap<>();
        filters.put("service", service);
        filters.put("channel", channel);
        filters.put("touchpoint", touchpoint);
        filters.put("answer", answer);
        return filters;
    }

    private static HttpResponse<?> respond(SatisfactionReport report, String format) {
        if (format == null || format.equals("json")) {
            return HttpResponse.ok(report).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        if (!format.equals("csv")) {
            throw new BadParameterException("format", "must be json or csv");
        }
        return HttpResponse.ok(csv(report))
                .contentType(MediaType.of("text/csv; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"" + report.council() + "-satisfaction-" + report.from() + "-" + report.to() + ".csv\"");
    }

    static String csv(SatisfactionReport report) {
        CsvWriter csv = new CsvWriter();
        List<Object> header = new ArrayList<>(report.by());
        header.addAll(List.of("scale", "n", "satisfied", "proportion", "value", "lower", "upper", "margin_of_error", "standard_error",
                "effective_n", "design_effect", "contacts", "finite_population_corrected", "metric", "method",
                "confidence_level", "label", "note", "counts"));
        csv.row(header);
        for (SatisfactionRow row : report.rows()) {
            List<Object> fields = new ArrayList<>();
            report.by().forEach(d -> fields.add(row.group().get(d)));
            fields.addAll(java.util.Arrays.asList(row.scale(), row.n(), row.satisfied(), row.proportion(), row.value(), row.lower(), row.upper(),
                    row.marginOfError(), row.standardError(), row.effectiveN(), row.designEffect(), row.contacts(),
                    row.finitePopulationCorrected(), row.metric(), row.method(), row.confidenceLevel(), row.label(), row.note(),
                    row.counts().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + ";" + b).orElse("")));
            csv.row(fields);
        }
        return csv.toString();
    }
}
