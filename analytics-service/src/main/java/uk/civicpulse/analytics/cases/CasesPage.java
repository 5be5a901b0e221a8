package uk.civicpulse.analytics.cases;

import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import uk.civicpulse.analytics.pages.LanguageLocaleResolver;
import uk.civicpulse.analytics.pages.Pages;
import uk.civicpulse.analytics.web.BadFieldException;
import uk.civicpulse.events.Scale;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The officer's case pages: the list (filters in the address, so a view can be shared), and one case with the
 * resident's comment, its history and the forms that assign, note, respond and close it (post, then redirect).
 */
@Hidden
@Controller(value = "/dashboard/councils/{council}/cases", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class CasesPage {

    private static final ZoneId COUNCIL_TIME = ZoneId.of("Europe/London");
    private static final List<String> ERRORS = List.of("officer", "note", "response", "closed");
    private static final List<String> DONE = List.of("assigned", "noted", "responded", "closed");

    private final CaseService cases;

    CasesPage(CaseService cases) {
        this.cases = cases;
    }

    /** A case as the list and the detail show it. */
    public record Row(long id, String opened, String service, String channel, String answer, String status,
                      @Nullable String assignedTo, @Nullable String response, @Nullable String closed, String touchpoint) {
    }

    /** A step as the history shows it. */
    public record Step(String kind, String actor, @Nullable String detail, String at) {
    }

    /** A time-to-close row with its figures formatted. */
    public record CloseRow(String month, String service, long opened, long closed, long stillOpen, String median, String percentile90) {
    }

    @Get
    public ModelAndView<Map<String, Object>> list(HttpRequest<?> request, @PathVariable String council,
                                                 @Nullable @QueryValue String status, @Nullable @QueryValue String service,
                                                 Authentication who) {
        Locale locale = LanguageLocaleResolver.language(request);
        String shownStatus = ServiceCase.OPEN.equals(status) || ServiceCase.CLOSED.equals(status) ? status : null;
        String shownService = service == null || service.isBlank() ? null : service;
        Map<String, Object> model = Pages.model(request, who);
        model.put("council", council);
        // filled in by the CSRF filter once it is installed; the forms carry it as a hidden field
        model.put("rows", cases.list(who, council, shownStatus, shownService, 200, 0).stream().map(c -> row(c, locale)).toList());
        model.put("services", cases.services(who, council));
        model.put("status", shownStatus == null ? "" : shownStatus);
        model.put("service", shownService == null ? "" : shownService);
        LocalDate today = LocalDate.now(COUNCIL_TIME);
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMMM yyyy", locale);
        model.put("closeRows", cases.timeToClose(who, council, today.withDayOfMonth(1).minusMonths(11), today, shownService).rows().stream()
                .map(r -> new CloseRow(month.format(r.month()), r.service(), r.opened(), r.closed(), r.stillOpen(),
                        days(r.median(), locale), days(r.percentile90(), locale))).toList());
        return new ModelAndView<>("dashboard/cases", model);
    }

    @Get("/{id}")
    public ModelAndView<Map<String, Object>> detail(HttpRequest<?> request, @PathVariable String council, @PathVariable long id,
                                                   @Nullable @QueryValue String done, @Nullable @QueryValue String error,
                                                   Authentication who) {
        Locale locale = LanguageLocaleResolver.language(request);
        CaseDetail detail = cases.detail(who, council, id);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", locale).withZone(COUNCIL_TIME);
        Map<String, Object> model = Pages.model(request, who);
        model.put("council", council);
        // filled in by the CSRF filter once it is installed; the forms carry it as a hidden field
        model.put("serviceCase", row(detail.serviceCase(), locale));
        model.put("open", !detail.serviceCase().closed());
        model.put("comment", detail.comment());
        model.put("officerOfCouncil", council.equals(who.getAttributes().get("council")));
        model.put("steps", detail.events().stream().map(e -> new Step(e.kind(), e.actor(), e.detail(), time.format(e.at()))).toList());
        model.put("officers", cases.officers(who, council));
        model.put("done", done != null && DONE.contains(done) ? done : null);
        model.put("error", error != null && ERRORS.contains(error) ? error : null);
        return new ModelAndView<>("dashboard/case", model);
    }

    /** What the case forms post; each form sends its own field. */
    @Serdeable
    public record StepForm(@Nullable String officer, @Nullable String note, @Nullable String response, @Nullable String csrfToken) {
    }

    @Post("/{id}/assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> assign(HttpRequest<?> request, @PathVariable String council, @PathVariable long id, @Body StepForm form, Authentication who) {
        return step(request, council, id, "assigned", () -> cases.assign(who, council, id, form.officer()));
    }

    @Post("/{id}/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> note(HttpRequest<?> request, @PathVariable String council, @PathVariable long id, @Body StepForm form, Authentication who) {
        return step(request, council, id, "noted", () -> cases.note(who, council, id, form.note()));
    }

    @Post("/{id}/respond")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> respond(HttpRequest<?> request, @PathVariable String council, @PathVariable long id, @Body StepForm form, Authentication who) {
        return step(request, council, id, "responded", () -> cases.respond(who, council, id, form.response()));
    }

    @Post("/{id}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> close(HttpRequest<?> request, @PathVariable String council, @PathVariable long id, Authentication who) {
        return step(request, council, id, "closed", () -> cases.close(who, council, id));
    }

    private HttpResponse<?> step(HttpRequest<?> request, String council, long id, String kind, Supplier<CaseDetail> action) {
        String back = "/dashboard/councils/" + council + "/cases/" + id;
        String lang = LanguageLocaleResolver.welsh(request) ? "&lang=cy" : "";
        try {
            action.get();
            return HttpResponse.seeOther(URI.create(back + "?done=" + kind + lang));
        } catch (BadFieldException e) {
            return HttpResponse.seeOther(URI.create(back + "?error=" + e.field() + lang + "#" + e.field()));
        } catch (HttpStatusException e) {
            if (e.getStatus() != HttpStatus.CONFLICT) {
                throw e;
            }
            return HttpResponse.seeOther(URI.create(back + "?error=closed" + lang));
        }
    }

    private static Row row(ServiceCase c, Locale locale) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", locale).withZone(COUNCIL_TIME);
        boolean welsh = locale.getLanguage().equals("cy");
        String answer = Scale.fromCode(c.scale()).filter(s -> s.isValidScore(c.score()))
                .map(s -> welsh ? s.point(c.score()).welsh() : s.point(c.score()).english()).orElse(c.answer());
        return new Row(c.id(), time.format(c.openedAt()), c.service(), c.channel(), answer, c.status(), c.assignedTo(),
                c.response(), c.closedAt() == null ? null : time.format(c.closedAt()), c.touchpoint());
    }

    private static String days(@Nullable Double days, Locale locale) {
        return days == null ? "–" : String.format(locale, "%.1f", days);
    }
}
