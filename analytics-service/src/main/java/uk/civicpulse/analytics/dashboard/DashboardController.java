package uk.civicpulse.analytics.dashboard;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import uk.civicpulse.analytics.councils.CouncilRepository;
import uk.civicpulse.analytics.officers.Role;
import uk.civicpulse.analytics.pages.Pages;

import java.util.List;
import java.util.Map;

/** The officer's starting page: the councils they may see (their own; every council for a platform admin). */
@Hidden
@Controller(value = "/dashboard", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DashboardController {

    private final CouncilRepository councils;

    DashboardController(CouncilRepository councils) {
        this.councils = councils;
    }

    @Get
    public ModelAndView<Map<String, Object>> home(HttpRequest<?> request, Authentication who) {
        Map<String, Object> model = Pages.model(request, who);
        boolean platformAdmin = who.getRoles().contains(Role.PLATFORM_ADMIN.code());
        Object own = who.getAttributes().get("council");
        List<CouncilRepository.Council> visible = councils.councils().stream()
                .filter(c -> platformAdmin || c.code().equals(own)).toList();
        model.put("councils", visible);
        return new ModelAndView<>("dashboard/home", model);
    }
}
