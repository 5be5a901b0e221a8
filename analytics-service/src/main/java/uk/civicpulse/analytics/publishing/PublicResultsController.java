package uk.civicpulse.analytics.publishing;

import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import uk.civicpulse.analytics.pages.LanguageLocaleResolver;
import uk.civicpulse.analytics.pages.Pages;

import java.util.Map;

/**
 * A council's published results (CSE 1.2.2, 1.3.1, 5.2.1, 5.3.2): no sign-in, English or Welsh ({@code ?lang=cy}),
 * tables that carry every figure without JavaScript, and the same figures as open data at stable addresses.
 * Every route takes an optional {@code from} and {@code to}; without them, the last twelve complete months.
 */
@Hidden
@Controller("/public/councils/{council}")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class PublicResultsController {

    private final PublicResultsService results;
    private final MessageSource messages;

    PublicResultsController(PublicResultsService results, MessageSource messages) {
        this.results = results;
        this.messages = messages;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> page(HttpRequest<?> request, @PathVariable String council,
                                                  @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        return new ModelAndView<>("public/results", model(request, council, ReportingPeriod.parse(from, to)));
    }

    @Get(uri = "/methodology", produces = MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> methodology(HttpRequest<?> request, @PathVariable String council,
                                                         @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        Map<String, Object> model = model(request, council, ReportingPeriod.parse(from, to));
        model.put("methodologyLink", "this page");
        return new ModelAndView<>("public/methodology", model);
    }

    @Get(uri = "/satisfaction.json", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<OpenData.Satisfaction> satisfactionJson(@PathVariable String council, @Nullable @QueryValue String from,
                                                                @Nullable @QueryValue String to) {
        return HttpResponse.ok(satisfaction(council, ReportingPeriod.parse(from, to))).header("Access-Control-Allow-Origin", "*");
    }

    @Get(uri = "/satisfaction.csv", produces = "text/csv")
    public HttpResponse<String> satisfactionCsv(@PathVariable String council, @Nullable @QueryValue String from,
                                                @Nullable @QueryValue String to) {
        OpenData.Satisfaction data = satisfaction(council, ReportingPeriod.parse(from, to));
        return csv(OpenData.csv(data), council + "-satisfaction-" + data.from() + "-" + data.to() + ".csv");
    }

    @Get(uri = "/trend.json", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<OpenData.Trend> trendJson(@PathVariable String council, @Nullable @QueryValue String from,
                                                  @Nullable @QueryValue String to) {
        return HttpResponse.ok(trend(council, ReportingPeriod.parse(from, to))).header("Access-Control-Allow-Origin", "*");
    }

    @Get(uri = "/trend.csv", produces = "text/csv")
    public HttpResponse<String> trendCsv(@PathVariable String council, @Nullable @QueryValue String from,
                                         @Nullable @QueryValue String to) {
        OpenData.Trend data = trend(council, ReportingPeriod.parse(from, to));
        return csv(OpenData.csv(data), council + "-trend-" + data.from() + "-" + data.to() + ".csv");
    }

    @Get(uri = "/timeliness.json", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<OpenData.Timeliness> timelinessJson(@PathVariable String council, @Nullable @QueryValue String from,
                                                            @Nullable @QueryValue String to) {
        return HttpResponse.ok(timeliness(council, ReportingPeriod.parse(from, to))).header("Access-Control-Allow-Origin", "*");
    }

    @Get(uri = "/timeliness.csv", produces = "text/csv")
    public HttpResponse<String> timelinessCsv(@PathVariable String council, @Nullable @QueryValue String from,
                                              @Nullable @QueryValue String to) {
        OpenData.Timeliness data = timeliness(council, ReportingPeriod.parse(from, to));
        return csv(OpenData.csv(data), council + "-timeliness-" + data.from() + "-" + data.to() + ".csv");
    }

    private OpenData.Satisfaction satisfaction(String council, ReportingPeriod period) {
        String name = results.councilName(council);
        return OpenData.satisfaction(council, name, period, results.minimumN(),
                results.satisfactionByServiceAndChannel(council, period), results.satisfactionByChannel(council, period));
    }

    private OpenData.Trend trend(String council, ReportingPeriod period) {
        String name = results.councilName(council);
        return OpenData.trend(council, name, period, results.minimumN(), results.trend(council, period).months(),
                results.serviceTrends(council, period, results.services(council, period)));
    }

    private OpenData.Timeliness timeliness(String council, ReportingPeriod period) {
        String name = results.councilName(council);
        return OpenData.timeliness(council, name, period, results.minimumN(), results.standards(council, period));
    }

    private static HttpResponse<String> csv(String body, String filename) {
        return HttpResponse.ok(body).contentType(MediaType.of("text/csv; charset=utf-8"))
                .header("Content-Disposition", "inline; filename=\"" + filename + "\"")
                .header("Access-Control-Allow-Origin", "*");
    }

    private Map<String, Object> model(HttpRequest<?> request, String council, ReportingPeriod period) {
        PublicResults data = results.results(council, period);
        Map<String, Object> model = Pages.model(request, null);
        // The public page never shows who is signed in, even to an officer reading it.
        model.put("signedIn", false);
        model.put("r", data);
        model.put("fmt", new PageFormat(messages, LanguageLocaleResolver.language(request), LanguageLocaleResolver.welsh(request)));
        boolean custom = request.getParameters().contains("from");
        String range = custom ? "?from=" + period.from() + "&to=" + period.to() : "";
        model.put("rangeQuery", range);
        model.put("base", "/public/councils/" + council);
        return model;
    }
}
