package uk.civicpulse.analytics.comments;

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
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import uk.civicpulse.analytics.councils.CouncilRepository;
import uk.civicpulse.analytics.officers.CouncilAccess;
import uk.civicpulse.analytics.pages.Pages;
import uk.civicpulse.analytics.web.BadParameterException;

import java.util.Map;

/**
 * The officers' comments page and its CSV download: residents' comments with their reasons, score, service, channel
 * and date, filtered by the address, redacted unless a council admin asks for the originals (and that is audited).
 */
@Hidden
@Controller(value = "/dashboard/councils/{council}", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class CommentsPageController {

    static final int PAGE_SIZE = 25;
    /** The most comments one CSV download holds; the page says so when a view has more. */
    static final int MAX_CSV_ROWS = 10_000;

    private final CommentRepository comments;
    private final CommentDisclosure disclosure;
    private final CouncilAccess access;
    private final CouncilRepository councils;

    CommentsPageController(CommentRepository comments, CommentDisclosure disclosure, CouncilAccess access, CouncilRepository councils) {
        this.comments = comments;
        this.disclosure = disclosure;
        this.access = access;
        this.councils = councils;
    }

    @Get("/comments")
    public ModelAndView<Map<String, Object>> page(HttpRequest<?> request, @PathVariable String council, @Nullable @QueryValue String service,
                                                  @Nullable @QueryValue String score, @Nullable @QueryValue String reason,
                                                  @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                                  @Nullable @QueryValue String originals, @Nullable @QueryValue Integer page, Authentication who) {
        access.requireReadable(who, council);
        CommentFilters filters = CommentFilters.parse(service, score, reason, from, to, originals);
        int p = page == null ? 0 : page;
        if (p < 0) {
            throw new BadParameterException("page", "must be 0 or more");
        }
        CommentPage shown = disclosure.disclose(who, council, comments.find(council, filters.from(), filters.to(), filters.service(),
                filters.score(), filters.reason(), p, PAGE_SIZE), filters.originals(), CommentDisclosure.Route.PAGE);

        Map<String, Object> model = Pages.model(request, who);
        String base = "/dashboard/councils/" + Pages.encode(council) + "/comments";
        String lang = (String) model.get("langParam");
        model.put("council", council);
        model.put("councilName", councils.councils().stream().filter(c -> c.code().equals(council)).findFirst()
                .map(c -> c.name() == null ? c.code() : c.name()).orElse(council));
        model.put("filters", filters);
        model.put("options", comments.filterOptions(council));
        model.put("comments", shown);
        model.put("first", shown.total() == 0 ? 0 : (long) p * PAGE_SIZE + 1);
        model.put("last", (long) p * PAGE_SIZE + shown.items().size());
        model.put("previousHref", p > 0 ? base + "?" + filters.query(p - 1) + lang : null);
        model.put("nextHref", (long) (p + 1) * PAGE_SIZE < shown.total() ? base + "?" + filters.query(p + 1) + lang : null);
        model.put("csvHref", base + ".csv?" + filters.query(0));
        model.put("csvCapped", shown.total() > MAX_CSV_ROWS);
        model.put("maxCsvRows", MAX_CSV_ROWS);
        model.put("mayReadOriginals", CommentDisclosure.mayReadOriginals(who, council));
        return new ModelAndView<>("dashboard/comments", model);
    }

    @Get(value = "/comments.csv", produces = "text/csv")
    public HttpResponse<String> csv(@PathVariable String council, @Nullable @QueryValue String service, @Nullable @QueryValue String score,
                                    @Nullable @QueryValue String reason, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                    @Nullable @QueryValue String originals, Authentication who) {
        access.requireReadable(who, council);
        CommentFilters filters = CommentFilters.parse(service, score, reason, from, to, originals);
        CommentPage all = disclosure.disclose(who, council, comments.find(council, filters.from(), filters.to(), filters.service(),
                filters.score(), filters.reason(), 0, MAX_CSV_ROWS), filters.originals(), CommentDisclosure.Route.PAGE_CSV);
        String name = council + "-comments-" + filters.from() + "-to-" + filters.to() + ".csv";
        return HttpResponse.ok(CommentCsv.of(all.items())).contentType(MediaType.of("text/csv; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
    }
}
