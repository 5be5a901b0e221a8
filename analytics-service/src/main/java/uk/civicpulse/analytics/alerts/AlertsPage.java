package uk.civicpulse.analytics.alerts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
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
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import uk.civicpulse.analytics.pages.LanguageLocaleResolver;
import uk.civicpulse.analytics.pages.Pages;

import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The officer's alerts page: the council's alerts, newest first, each acknowledged with a button (a form post). */
@Hidden
@Controller(value = "/dashboard/councils/{council}/alerts", produces = MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AlertsPage {

    private static final ZoneId COUNCIL_TIME = ZoneId.of("Europe/London");

    private final AlertService alerts;

    AlertsPage(AlertService alerts) {
        this.alerts = alerts;
    }

    /** One alert as the page shows it: words and figures formatted for the page's language. */
    public record Row(long id, String kind, String service, String channel, String rule, String ruleKey, String figure,
                      String interval, long n, String threshold, String period, String raised,
                      @Nullable String acknowledgedBy, @Nullable String acknowledgedAt, Delivery email) {
    }

    /**
     * How the alert's email stands, as the page words it: {@code key} names the message, which takes the tries so far,
     * the problem (the reason it is not sent, or the last error) and a time (when sent, or the next try).
     */
    public record Delivery(String key, int attempts, String problem, String when) {
    }

    /** The longest error shown: a mail server's message can run to a stack of lines. */
    private static final int PROBLEM_SHOWN = 200;

    @Get
    public ModelAndView<Map<String, Object>> page(HttpRequest<?> request, @PathVariable String council,
                                                 @Nullable @QueryValue String status, @Nullable @QueryValue Long acknowledged,
                                                 @Nullable @QueryValue String error, Authentication who) {
        String shown = "unacknowledged".equals(status) ? "unacknowledged" : "all";
        Locale locale = LanguageLocaleResolver.language(request);
        List<Row> rows = alerts.list(who, council, shown).stream().map(a -> row(a, locale)).toList();
        Map<String, Object> model = Pages.model(request, who);
        model.put("council", council);
        // filled in by the CSRF filter once it is installed; the forms carry it as a hidden field
        model.put("rows", rows);
        model.put("status", shown);
        model.put("acknowledged", acknowledged);
        model.put("error", "acknowledged".equals(error) ? error : null);
        return new ModelAndView<>("dashboard/alerts", model);
    }

    @Post("/{id}/acknowledge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> acknowledge(HttpRequest<?> request, @PathVariable String council, @PathVariable long id, Authentication who) {
        String back = "/dashboard/councils/" + council + "/alerts";
        String lang = LanguageLocaleResolver.welsh(request) ? "&lang=cy" : "";
        try {
            alerts.acknowledge(who, council, id);
            return HttpResponse.seeOther(URI.create(back + "?acknowledged=" + id + lang));
        } catch (HttpStatusException e) {
            if (e.getStatus() != HttpStatus.CONFLICT) {
                throw e;
            }
            return HttpResponse.seeOther(URI.create(back + "?error=acknowledged" + lang));
        }
    }

    static Row row(Alert a, Locale locale) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM yyyy", locale);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", locale).withZone(COUNCIL_TIME);
        String ruleKey = switch (a.kind()) {
            case Alert.DIP -> "alerts.rule." + a.rule();
            case Alert.IMPROVEMENT -> "alerts.rule.high." + a.rule();
            case Alert.TARGET_MISSED -> "alerts.rule.target";
            default -> "alerts.rule.standard";
        };
        return new Row(a.id(), a.kind(), a.service() == null ? "" : a.service(), a.channel() == null ? "" : a.channel(),
                a.rule(), ruleKey, AlertText.percent(a.figure()),
                AlertText.percent(a.lower()) + " – " + AlertText.percent(a.upper()), a.n(), AlertText.percent(a.threshold()),
                day.format(a.periodFrom()) + " – " + day.format(a.periodTo()), time.format(a.raisedAt()),
                a.acknowledgedBy(), a.acknowledgedAt() == null ? null : time.format(a.acknowledgedAt()),
                delivery(a, time));
    }

    private static Delivery delivery(Alert a, DateTimeFormatter time) {
        Alert.Email email = a.email();
        String key = "alerts.delivery." + email.state();
        String problem = email.problem() == null ? "" : email.problem();
        if (Alert.Email.NOT_SENT.equals(email.state())) {
            // the reasons the service records are worded by the page; anything else is shown as recorded
            key = switch (problem) {
                case AlertMailer.NO_RECIPIENTS -> "alerts.delivery.notSent.noRecipients";
                case AlertMailer.NO_MAIL_SERVER -> "alerts.delivery.notSent.noMailServer";
                case "" -> "alerts.delivery.notSent.unknown";
                default -> "alerts.delivery.notSent";
            };
        }
        problem = problem.strip().replaceAll("\\s+", " ");
        if (problem.length() > PROBLEM_SHOWN) {
            problem = problem.substring(0, PROBLEM_SHOWN - 1) + "…";
        }
        String when = email.state().equals(Alert.Email.SENT) && a.emailedAt() != null ? time.format(a.emailedAt())
                : email.nextTry() == null ? "" : time.format(email.nextTry());
        return new Delivery(key, email.attempts(), problem, when);
    }
}
