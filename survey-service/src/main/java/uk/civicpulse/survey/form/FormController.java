package uk.civicpulse.survey.form;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import uk.civicpulse.events.FieldError;
import uk.civicpulse.survey.ratings.BrokerUnavailableException;
import uk.civicpulse.survey.ratings.RatingPublisher;
import uk.civicpulse.survey.ratings.RatingRequest;
import uk.civicpulse.survey.ratings.RatingValidator;
import uk.civicpulse.survey.settings.CaptureSettings;
import uk.civicpulse.survey.settings.CouncilSettings;
import uk.civicpulse.survey.settings.CouncilSettings.ServiceSettings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The rating form without JavaScript: GET draws it (with a fresh rating id in a hidden field, so sending it twice
 * counts once), POST validates it with the same {@link RatingValidator} as the API, publishes it and thanks the
 * resident, or draws it again with an error summary.
 */
@Controller("/form/{council}/{service}")
public class FormController {

    static final String DEFAULT_TOUCHPOINT = "form";

    private final CaptureSettings settings;
    private final RatingValidator validator;
    private final RatingPublisher publisher;

    public FormController(CaptureSettings settings, RatingValidator validator, RatingPublisher publisher) {
        this.settings = settings;
        this.validator = validator;
        this.publisher = publisher;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<String> show(@PathVariable String council, @PathVariable String service,
                                     @Nullable @QueryValue String touchpoint, @Nullable @QueryValue String lang) {
        CouncilSettings c = council(council);
        ServiceSettings s = service(c, service);
        return page(HttpStatus.OK, FormPage.form(Words.of(c, Words.language(lang, c)), c, s, UUID.randomUUID().toString(),
                touchpoint == null || touchpoint.isBlank() ? DEFAULT_TOUCHPOINT : touchpoint, Map.of(), Map.of()));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public CompletableFuture<HttpResponse<String>> submit(@PathVariable String council, @PathVariable String service, @Body String body) {
        CouncilSettings c = council(council);
        ServiceSettings s = service(c, service);
        Map<String, List<String>> form = Html.decodeForm(body);
        Words w = Words.of(c, Words.language(first(form, "lang"), c));
        String touchpoint = first(form, "touchpoint");
        String id = first(form, "id");
        RatingValidator.Result result = validator.validate(request(form, c, s));
        if (!result.isAccepted()) {
            String freshId = result.errors().stream().anyMatch(e -> e.field().equals("id")) ? UUID.randomUUID().toString() : id;
            return CompletableFuture.completedFuture(page(HttpStatus.UNPROCESSABLE_ENTITY,
                    FormPage.form(w, c, s, freshId, touchpoint == null ? DEFAULT_TOUCHPOINT : touchpoint, form, errors(w, s, result.errors()))));
        }
        return publisher.publish(result.rating())
                .<HttpResponse<String>>thenApply(r -> page(HttpStatus.OK, FormPage.thanks(w, c)))
                .exceptionally(e -> {
                    if (!(e.getCause() instanceof BrokerUnavailableException) && !(e instanceof BrokerUnavailableException)) {
                        throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
                    }
                    // Same id kept in the form: sending it again is counted once.
                    return page(HttpStatus.SERVICE_UNAVAILABLE, FormPage.form(w, c, s, id, touchpoint == null ? DEFAULT_TOUCHPOINT : touchpoint, form,
                            Map.of("_send", w.get("tryAgain")))).header("Retry-After", "5");
                });
    }

    private static RatingRequest request(Map<String, List<String>> form, CouncilSettings council, ServiceSettings service) {
        Integer score = null;
        try {
            score = Integer.valueOf(first(form, "score"));
        } catch (NumberFormatException e) {
            // left empty: the validator says the score is required
        }
        Map<String, Integer> keyAreas = new LinkedHashMap<>();
        Map<String, String> customerGroup = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            String value = values.get(0);
            if (name.startsWith("k-") && !value.isEmpty()) {
                try {
                    keyAreas.put(name.substring(2), Integer.valueOf(value));
                } catch (NumberFormatException e) {
                    keyAreas.put(name.substring(2), null);
                }
            } else if (name.startsWith("g-") && !value.isEmpty()) {
                customerGroup.put(name.substring(2), value);
            }
        });
        String comment = first(form, "comment");
        return new RatingRequest(first(form, "id"), council.code(), service.code(), "web", first(form, "touchpoint"), service.scale(),
                score, form.getOrDefault("reasons", List.of()), comment == null || comment.isBlank() ? null : comment,
                keyAreas, customerGroup, null);
    }

    /** The validator's field names turned into the form's element ids and words a resident understands. */
    private static Map<String, String> errors(Words w, ServiceSettings service, List<FieldError> errors) {
        Map<String, String> byElement = new LinkedHashMap<>();
        String firstScore = "score-" + uk.civicpulse.events.Scale.fromCode(service.scale()).orElseThrow().size();
        for (FieldError e : errors) {
            String f = e.field();
            if (f.equals("score") || f.equals("scale")) {
                byElement.putIfAbsent(firstScore, w.get("needScore"));
            } else if (f.equals("comment")) {
                byElement.putIfAbsent("comment", w.get("longComment"));
            } else if (f.startsWith("reasons")) {
                byElement.putIfAbsent("reasons", w.get("checkAnswer"));
            } else if (f.startsWith("keyAreas.")) {
                byElement.putIfAbsent("k-" + f.substring("keyAreas.".length()), w.get("checkAnswer"));
            } else if (f.startsWith("customerGroup.")) {
                byElement.putIfAbsent("g-" + f.substring("customerGroup.".length()), w.get("checkAnswer"));
            } else {
                byElement.putIfAbsent("_" + f, w.get("tryAgain"));
            }
        }
        return byElement;
    }

    private CouncilSettings council(String code) {
        return settings.council(code).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no council with code '" + code + "'"));
    }

    private static ServiceSettings service(CouncilSettings council, String code) {
        return council.service(code).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND,
                "council '" + council.code() + "' has no service with code '" + code + "'"));
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static MutableHttpResponse<String> page(HttpStatus status, String html) {
        return HttpResponse.<String>status(status).body(html).contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
                .header("Content-Security-Policy", Html.PAGE_POLICY)
                .header("Cache-Control", "no-store");
    }
}
