package uk.civicpulse.analytics.actions;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import uk.civicpulse.analytics.ingest.RatingStore;
import uk.civicpulse.analytics.officers.CouncilAccess;
import uk.civicpulse.analytics.pages.Pages;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;

/**
 * Officers of a council record what residents said and what the council did (CSE 1.2.2); the public results page
 * publishes it. Posts redirect back to the list (post-redirect-get); a form with mistakes is shown again, 422, with an
 * error summary linked to each field.
 */
@Hidden
@Controller(value = "/dashboard/councils/{council}/actions", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ActionsController {

    private final ActionRepository actions;
    private final CouncilAccess access;

    ActionsController(ActionRepository actions, CouncilAccess access) {
        this.actions = actions;
        this.access = access;
    }

    @Get
    public ModelAndView<Map<String, Object>> list(HttpRequest<?> request, @PathVariable String council, Authentication who) {
        access.requireReadable(who, council);
        Map<String, Object> model = model(request, council, who);
        model.put("form", ActionForm.empty(LocalDate.now(RatingStore.COUNCIL_TIME)));
        model.put("saved", request.getParameters().get("saved"));
        return new ModelAndView<>("actions/actions", model);
    }

    @Get("/{id}")
    public ModelAndView<Map<String, Object>> edit(HttpRequest<?> request, @PathVariable String council, @PathVariable long id,
                                                  Authentication who) {
        access.requireReadable(who, council);
        PublicAction action = actions.find(council, id).orElseThrow(() -> notFound(id));
        Map<String, Object> model = model(request, council, who);
        model.put("form", ActionForm.of(action));
        model.put("editing", id);
        return new ModelAndView<>("actions/edit", model);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> create(HttpRequest<?> request, @PathVariable String council, @Body ActionForm form, Authentication who) {
        access.requireReadable(who, council);
        Map<String, String> errors = form.errors();
        if (!errors.isEmpty()) {
            Map<String, Object> model = model(request, council, who);
            model.put("form", form);
            model.put("errors", errors);
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("actions/actions", model));
        }
        actions.create(council, form, who.getName());
        return backToList(request, council, "created");
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> update(HttpRequest<?> request, @PathVariable String council, @PathVariable long id, @Body ActionForm form,
                                  Authentication who) {
        access.requireReadable(who, council);
        actions.find(council, id).orElseThrow(() -> notFound(id));
        Map<String, String> errors = form.errors();
        if (!errors.isEmpty()) {
            Map<String, Object> model = model(request, council, who);
            model.put("form", form);
            model.put("errors", errors);
            model.put("editing", id);
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("actions/edit", model));
        }
        if (!actions.update(council, id, form, who.getName())) {
            throw notFound(id);
        }
        return backToList(request, council, "updated");
    }

    @Post("/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> delete(HttpRequest<?> request, @PathVariable String council, @PathVariable long id, Authentication who) {
        access.requireReadable(who, council);
        if (!actions.delete(council, id)) {
            throw notFound(id);
        }
        return backToList(request, council, "deleted");
    }

    private Map<String, Object> model(HttpRequest<?> request, String council, Authentication who) {
        Map<String, Object> model = Pages.model(request, who);
        model.put("council", council);
        model.put("actions", actions.all(council));
        model.put("errors", Map.of());
        // Filled in by the CSRF filter once it is installed; the forms carry it as a hidden field meanwhile.
        return model;
    }

    private static HttpResponse<?> backToList(HttpRequest<?> request, String council, String what) {
        String lang = "cy".equals(request.getParameters().get("lang")) ? "&lang=cy" : "";
        return HttpResponse.seeOther(URI.create("/dashboard/councils/" + council + "/actions?saved=" + what + lang));
    }

    private static HttpStatusException notFound(long id) {
        return new HttpStatusException(HttpStatus.NOT_FOUND, "no action " + id + " for this council");
    }
}
