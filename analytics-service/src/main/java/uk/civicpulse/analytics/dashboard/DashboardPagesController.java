package uk.civicpulse.analytics.dashboard;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;


/**
 * The officer dashboard's statistics pages. Each route checks the council first (an officer of another council gets
 * 403, an unknown council 404, before any filter is read), then reads its filters from the address (a wrong one is a
 * 400 page naming it) and shows the figures a {@link PageFigures} reads from the statistics behind the JSON API.
 */
@Hidden
@Controller(value = "/dashboard/councils/{council}", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DashboardPagesController {

    private final DashboardPageSupport support;

    DashboardPagesController(DashboardPageSupport support) {
        this.support = support;
    }

    @Get
    public HttpResponse<?> overview(HttpRequest<?> request, @PathVariable String council, Authentication who) {
        return support.render(request, council, who, "overview");
    }

    @Get("/trend")
    public HttpResponse<?> trend(HttpRequest<?> request, @PathVariable String council, Authentication who) {
        return support.render(request, council, who, "trend");
    }

    @Get("/channels")
    public HttpResponse<?> channels(HttpRequest<?> request, @PathVariable String council, Authentication who) {
        return support.render(request, council, who, "channels");
    }

    @Get("/groups")
    public HttpResponse<?> groups(HttpRequest<?> request, @PathVariable String council, Authentication who) {
        return support.render(request, council, who, "groups");
    }

    @Get("/peers")
    public HttpResponse<?> peers(HttpRequest<?> request, @PathVariable String council, Authentication who) {
        return support.render(request, council, who, "peers");
    }

    @Get("/dips")
    public HttpResponse<?> dips(HttpRequest<?> request, @PathVariable String council, Authentication who) {
        return support.render(request, council, who, "dips");
    }

    @Get("/drivers")
    public HttpResponse<?> drivers(HttpRequest<?> request, @PathVariable String council, Authentication who) {
        return support.render(request, council, who, "drivers");
    }

    @Get("/timeliness")
    public HttpResponse<?> timeliness(HttpRequest<?> request, @PathVariable String council, Authentication who) {
        return support.render(request, council, who, "timeliness");
    }
}
