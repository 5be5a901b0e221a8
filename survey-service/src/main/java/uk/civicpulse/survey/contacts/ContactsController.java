package uk.civicpulse.survey.contacts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import uk.civicpulse.events.ContactHandled;
import uk.civicpulse.events.FieldError;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Contacts from a council's systems (CSE criterion 5), authenticated by the council's integration key. 202 only once
 * the broker has them; 422 naming each bad field; 401 without a valid key; 403 for another council's contacts; 503
 * with Retry-After when the broker is away; 413 for a batch over its limits. Re-sending the same source id updates the one contact, never a second.
 */
@Controller("/api/v1/contacts")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ContactsController {

    private final ContactValidator validator;
    private final ContactPublisher publisher;
    private final IntegrationKeys keys;
    private final ContactLimits limits;
    private final JsonMapper json;

    public ContactsController(ContactValidator validator, ContactPublisher publisher, IntegrationKeys keys,
                             ContactLimits limits, JsonMapper json) {
        this.validator = validator;
        this.publisher = publisher;
        this.keys = keys;
        this.limits = limits;
        this.json = json;
    }

    @Serdeable
    public record Accepted(String sourceId) {
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    public CompletableFuture<HttpResponse<Accepted>> submit(@Body ContactRequest request,
                                                            @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        String council = keys.councilFor(authorization);
        IntegrationKeys.requireSameCouncil(council, request.council());
        ContactValidator.Result result = validator.validate(request);
        if (result.contact() == null) {
            throw new ContactRejectedException(result.errors());
        }
        return publisher.publish(List.of(result.contact()))
                .thenApply(v -> HttpResponse.accepted().body(new Accepted(result.contact().sourceId())));
    }

    @Serdeable
    public record Batch(@Nullable List<ContactRequest> contacts) {
    }

    /** One item's outcome: accepted, or rejected with its errors. */
    @Serdeable
    public record ItemResult(int index, @Nullable String sourceId, String status, List<FieldError> errors) {
    }

    @Serdeable
    public record BatchResult(int accepted, int rejected, List<ItemResult> results) {
    }

    /**
     * Up to 1,000 contacts and 1 MB (SURVEY_CONTACTS_MAX_BATCH, SURVEY_CONTACTS_MAX_BATCH_BYTES); each is judged
     * alone. 202 with a result per item once the broker has every accepted one; 413 saying the limit for a batch over
     * either (nothing of it is sent); 422 if none could be accepted or the batch is empty. The body is read as bytes
     * so its size is known however it was sent (chunked bodies have no Content-Length).
     */
    @Post("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Batch.class)))
    public CompletableFuture<HttpResponse<BatchResult>> batch(@Body byte[] sent,
                                                              @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        String council = keys.councilFor(authorization);
        if (sent.length > limits.maxBatchBytes()) {
            throw ContactBatchTooLargeException.bytes(sent.length, limits.maxBatchBytes());
        }
        Batch batch;
        try {
            batch = json.readValue(sent, Batch.class);
        } catch (IOException | RuntimeException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST,
                    "The request body is not valid JSON of the expected form {\"contacts\": [ ... ]}: " + e.getMessage());
        }
        List<ContactRequest> items = batch == null || batch.contacts() == null ? List.of() : batch.contacts();
        if (items.size() > limits.maxBatch()) {
            throw ContactBatchTooLargeException.contacts(items.size(), limits.maxBatch());
        }
        if (items.isEmpty()) {
            throw new ContactRejectedException(List.of(new FieldError("contacts", "must hold 1 to " + limits.maxBatch() + " contacts")));
        }
        List<ItemResult> results = new ArrayList<>();
        List<ContactHandled> accepted = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ContactRequest r = items.get(i);
            ContactValidator.Result result = validator.validate(r);
            List<FieldError> errors = new ArrayList<>(result.errors());
            if (r.council() != null && !r.council().equals(council)) {
                errors.add(new FieldError("council", "this integration key sends contacts for '" + council + "' only"));
            }
            if (errors.isEmpty()) {
                accepted.add(result.contact());
                results.add(new ItemResult(i, r.sourceId(), "accepted", List.of()));
            } else {
                results.add(new ItemResult(i, r.sourceId(), "rejected", errors));
            }
        }
        if (accepted.isEmpty()) {
            List<FieldError> all = new ArrayList<>();
            results.forEach(item -> item.errors().forEach(e -> all.add(new FieldError("contacts[" + item.index() + "]." + e.field(), e.message()))));
            throw new ContactRejectedException(all);
        }
        BatchResult body = new BatchResult(accepted.size(), items.size() - accepted.size(), results);
        return publisher.publish(accepted).thenApply(v -> HttpResponse.accepted().body(body));
    }
}
