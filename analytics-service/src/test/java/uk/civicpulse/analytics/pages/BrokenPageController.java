package uk.civicpulse.analytics.pages;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.Map;

/** A page whose template fails while it is rendered: only PageRenderingIT switches it on. */
@Requires(property = "civic-pulse.test.broken-page", value = "true")
@Controller(value = "/test", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
class BrokenPageController {

    @Get("/broken-page")
    ModelAndView<Map<String, Object>> broken() {
        return new ModelAndView<>("test/broken", Map.of("present", "yes"));
    }
}
