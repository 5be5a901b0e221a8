package uk.civicpulse.analytics.dashboard;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import uk.civicpulse.analytics.councils.CouncilRepository;
import uk.civicpulse.analytics.ingest.RatingStore;
import uk.civicpulse.analytics.officers.CouncilAccess;
import uk.civicpulse.analytics.pages.LanguageLocaleResolver;
import uk.civicpulse.analytics.pages.PageMessages;
import uk.civicpulse.analytics.pages.Pages;
import uk.civicpulse.analytics.timeliness.Standard;
import uk.civicpulse.analytics.timeliness.StandardRepository;
import uk.civicpulse.analytics.trends.SatisfiedCounts;
import uk.civicpulse.analytics.web.BadParameterException;
import uk.civicpulse.events.Channel;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the page and CSV routes share: the council check, the filters, the figures of a named page, the model. */
@Singleton
class DashboardPageSupport {

    private final Map<String, PageFigures> pages;
    private final CouncilAccess access;
    private final CouncilRepository councils;
    private final SatisfiedCounts counts;
    private final PageMessages messages;
    private final StandardRepository standards;

    DashboardPageSupport(List<PageFigures> pages, CouncilAccess access, CouncilRepository councils, SatisfiedCounts counts,
                         PageMessages messages, StandardRepository standards) {
        this.pages = pages.stream().collect(Collectors.toMap(PageFigures::name, Function.identity()));
        this.access = access;
        this.councils = councils;
        this.counts = counts;
        this.messages = messages;
        this.standards = standards;
    }

    Words words(HttpRequest<?> request) {
        return new Words(messages, LanguageLocaleResolver.language(request));
    }

    /** The council check comes first, so another council's page is refused whatever its filters. */
    DashboardFilters filters(HttpRequest<?> request, String council, Authentication who) {
        access.requireReadable(who, council);
        return DashboardFilters.parse(request, LocalDate.now(RatingStore.COUNCIL_TIME));
    }

    /** As {@link #filters(HttpRequest, String, Authentication)}, refusing (404) a page that does not exist before any filter is read. */
    DashboardFilters filters(HttpRequest<?> request, String council, Authentication who, String page) {
        access.requireReadable(who, council);
        page(page);
        return DashboardFilters.parse(request, LocalDate.now(RatingStore.COUNCIL_TIME));
    }

    DashboardPage figures(String page, String council, DashboardFilters filters, Authentication who, Words words) {
        return page(page).build(council, filters, who, words);
    }

    private PageFigures page(String page) {
        PageFigures figures = pages.get(page);
        if (figures == null) {
            throw new io.micronaut.http.exceptions.HttpStatusException(HttpStatus.NOT_FOUND, "no dashboard page '" + page + "'");
        }
        return figures;
    }

    HttpResponse<?> render(HttpRequest<?> request, String council, Authentication who, String page) {
        Words words = words(request);
        Map<String, Object> model = Pages.model(request, who);
        model.put("council", council);
        model.put("councilName", councils.councils().stream().filter(c -> c.code().equals(council))
                .map(CouncilRepository.Council::name).findFirst().orElse(council));
        model.put("pageName", page);
        model.put("pageTitle", words.get("dash." + page + ".title"));
        model.put("pageIntro", words.get("dash." + page + ".intro"));
        model.put("fields", pages.containsKey(page) ? pages.get(page).fields() : List.of());
        List<String> periods = pages.containsKey(page) ? pages.get(page).periods() : List.of();
        model.put("path", "/dashboard/councils/" + council + (page.equals("overview") ? "" : "/" + page));
        model.put("csvPath", "/dashboard/councils/" + council + "/" + page + ".csv");
        // the council is checked first; the standards stay on a problem page too, so a wrong one can be put right
        access.requireReadable(who, council);
        model.put("standards", pages.containsKey(page) && pages.get(page).fields().contains("standard") ? standards(council) : List.of());
        DashboardFilters filters;
        try {
            filters = filters(request, council, who);
        } catch (BadParameterException e) {
            return problem(model, words, e, defaults(), given(request), periods);
        }
        model.put("filters", filters);
        model.put("values", filters.parameters());
        model.put("range", words.get("dash.range", filters.from(), filters.to()));
        model.put("services", services(council, filters, who));
        model.put("channels", Arrays.stream(Channel.values()).map(Channel::code).toList());
        model.put("periods", periods);
        try {
            DashboardPage figures = figures(page, council, filters, who, words);
            model.put("notes", figures.notes());
            model.put("tables", figures.tables());
        } catch (BadParameterException e) {
            return problem(model, words, e, filters, given(request), periods);
        }
        model.put("csvQuery", query(filters.parameters(), request));
        return HttpResponse.ok(new ModelAndView<>("dashboard/figures", model));
    }

    private static Map<String, String> given(HttpRequest<?> request) {
        Map<String, String> given = new java.util.HashMap<>();
        request.getParameters().forEach((name, values) -> {
            if (!values.isEmpty() && name.length() <= 20) {
                given.put(name, values.get(0));
            }
        });
        return given;
    }

    private static DashboardFilters defaults() {
        return DashboardFilters.parse(HttpRequest.GET("/"), LocalDate.now(RatingStore.COUNCIL_TIME));
    }

    /** A 400 page naming the filter that is wrong, with the form to put it right. */
    private HttpResponse<?> problem(Map<String, Object> model, Words words, BadParameterException e, DashboardFilters filters,
                                    Map<String, String> given, List<String> periods) {
        model.put("filters", filters);
        // the values given, wrong one included, so the reader can see and correct it
        Map<String, String> values = new java.util.HashMap<>(filters.parameters());
        given.forEach((name, value) -> values.put(name, value));
        model.put("values", values);
        model.put("services", List.of());
        model.put("channels", Arrays.stream(Channel.values()).map(Channel::code).toList());
        model.put("periods", periods);
        model.put("problemField", e.parameter());
        model.put("problemLabel", words.get("dash.filter." + e.parameter()).startsWith("dash.") ? e.parameter() : words.get("dash.filter." + e.parameter()));
        model.put("problemMessage", e.getMessage().startsWith("dash.") ? words.get(e.getMessage()) : e.getMessage());
        model.put("notes", List.of());
        model.put("tables", List.of());
        return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("dashboard/figures", model));
    }

    /** The services with responses in the range, for the service filter (the chosen one kept even without any). */
    private List<FilterOption> services(String council, DashboardFilters filters, Authentication who) {
        java.util.TreeSet<String> codes = new java.util.TreeSet<>();
        counts.byServiceAndChannel(filters.wholeCouncil(council)).keySet().forEach(c -> codes.add(c.service()));
        if (filters.service() != null) {
            codes.add(filters.service());
        }
        return codes.stream().map(code -> new FilterOption(code, Words.humanise(code))).toList();
    }

    /** The council's timeliness standards by code, for the standard filter; the first is shown when none is chosen. */
    private List<FilterOption> standards(String council) {
        return standards.standards(council).stream().map(Standard::code).distinct().sorted()
                .map(code -> new FilterOption(code, Words.humanise(code))).toList();
    }

    /** The filters and the page's language as a query string (for the CSV links). */
    static String query(Map<String, String> parameters, HttpRequest<?> request) {
        String q = parameters.entrySet().stream().map(e -> Pages.encode(e.getKey()) + "=" + Pages.encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return LanguageLocaleResolver.welsh(request) ? q + "&lang=cy" : q;
    }
}
