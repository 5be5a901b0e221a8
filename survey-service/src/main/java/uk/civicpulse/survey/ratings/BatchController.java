package uk.civicpulse.survey.ratings;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import uk.civicpulse.events.FieldError;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.web.Problem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Many ratings at once: a kiosk flushing its queue after an outage, or an import. Each rating is checked on its own,
 * exactly as {@code POST /api/v1/ratings} would check it, and gets its own result; the valid ones are produced even
 * when others are refused. The answer is 200 with one result per rating, in order, once the broker has acknowledged
 * every valid one; if it cannot, the whole batch is answered 503 with Retry-After and should be resent as it is
 * (ratings it did store are not counted twice: downstream keeps one rating per id).
 */
@Controller("/api/v1/ratings/batch")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Ratings")
public class BatchController {

    public static final int MAX_RATINGS = 1000;

    private final RatingIntake intake;
    private final RatingPublisher publisher;
    private final JsonMapper json;

    public BatchController(RatingIntake intake, RatingPublisher publisher, JsonMapper json) {
        this.intake = intake;
        this.publisher = publisher;
        this.json = json;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit up to 1,000 ratings, with a result for each")
    @RequestBody(content = @Content(schema = @Schema(implementation = BatchBody.class)))
    public CompletableFuture<BatchResults> submit(HttpRequest<?> http, @Body byte[] body) {
        Items items = read(body);
        List<RatingRequest> requests = items.requests();
        int n = requests.size();
        ItemResult[] results = new ItemResult[n];
        List<RatingSubmitted> ready = new ArrayList<>();
        Set<UUID> inThisBatch = new HashSet<>();
        for (int i = 0; i < n; i++) {
            RatingRequest request = requests.get(i);
            if (request == null) {
                results[i] = new ItemResult(items.malformedIds().get(i), 400, problem(HttpStatus.BAD_REQUEST,
                        "Rating " + i + " is not a rating object of the expected form", List.of()));
                continue;
            }
            RatingIntake.Decision decision = intake.decide(http, request);
            if (decision instanceof RatingIntake.Refused refused) {
                results[i] = new ItemResult(request.id(), refused.status().getCode(),
                        problem(refused.status(), refused.detail(), refused.errors()));
            } else if (decision instanceof RatingIntake.AlreadyAccepted again) {
                results[i] = new ItemResult(again.id().toString(), 202, null);
            } else {
                RatingSubmitted rating = ((RatingIntake.Ready) decision).rating();
                results[i] = new ItemResult(request.id(), 202, null);
                if (inThisBatch.add(rating.id())) {
                    ready.add(rating);
                }
            }
        }
        // All records go to the producer before any acknowledgement is awaited; each is remembered as it is acknowledged.
        return publisher.publishAll(ready, rating -> intake.acknowledged(rating.id()))
                .handle((ok, error) -> {
                    if (error != null) {
                        // Some valid rating was not acknowledged: claim none, so the client keeps and resends them all.
                        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                        throw cause instanceof RuntimeException re ? re : new BrokerUnavailableException(cause);
                    }
                    return new BatchResults(List.of(results));
                });
    }

    /**
     * @param requests     the items in order, null where an item is not a rating object
     * @param malformedIds position of each such item to its id, where it had one
     */
    private record Items(List<RatingRequest> requests, Map<Integer, String> malformedIds) {
    }

    /**
     * The body's ratings, bound in one pass when every item is a rating object (the usual case); otherwise read as a
     * tree so each malformed item can be reported on its own while the others go on.
     */
    private Items read(byte[] body) {
        try {
            BatchBody batch = json.readValue(body, Argument.of(BatchBody.class));
            if (batch != null && batch.ratings() != null && !batch.ratings().contains(null)) {
                checkSize(batch.ratings().size());
                return new Items(batch.ratings(), Map.of());
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof HttpStatusException status) {
                throw status;
            }
            // some item is not a rating object, or the body is not {"ratings": [...]}: look closer below
        }
        JsonNode tree;
        try {
            tree = json.readValue(body, Argument.of(JsonNode.class));
        } catch (IOException | RuntimeException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "The body is not JSON: " + e.getMessage());
        }
        JsonNode ratings = tree != null && tree.isObject() ? tree.get("ratings") : null;
        if (ratings == null || !ratings.isArray()) {
            throw new HttpStatusException(HttpStatus.UNPROCESSABLE_ENTITY,
                    "The body must be {\"ratings\": [ ... ]}, each rating as for POST /api/v1/ratings");
        }
        checkSize(ratings.size());
        List<RatingRequest> requests = new ArrayList<>(ratings.size());
        Map<Integer, String> malformedIds = new HashMap<>();
        for (int i = 0; i < ratings.size(); i++) {
            JsonNode item = ratings.get(i);
            RatingRequest request = null;
            try {
                request = item.isObject() ? json.readValueFromTree(item, RatingRequest.class) : null;
            } catch (IOException | RuntimeException e) {
                // reported as malformed
            }
            if (request == null) {
                malformedIds.put(i, item.isObject() && item.get("id") != null && item.get("id").isString()
                        ? item.get("id").getStringValue() : null);
            }
            requests.add(request);
        }
        return new Items(requests, malformedIds);
    }

    private static void checkSize(int size) {
        if (size > MAX_RATINGS) {
            throw new HttpStatusException(HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                    "A batch may hold at most " + MAX_RATINGS + " ratings; this one has " + size + ". Split it.");
        }
    }

    private static Problem problem(HttpStatus status, String detail, List<FieldError> errors) {
        return new Problem("about:blank", status.getReason(), status.getCode(), detail, errors.isEmpty() ? null : errors);
    }

    /** The body: {"ratings": [ ... ]}, each rating as for POST /api/v1/ratings. */
    @Serdeable
    public record BatchBody(@Nullable List<RatingRequest> ratings) {
    }

    @Serdeable
    public record BatchResults(List<ItemResult> results) {
    }

    /**
     * @param id      the rating's id as sent
     * @param status  202 accepted (now or before), or the 4xx it would have had on its own
     * @param problem why it was refused, or null when accepted
     */
    @Serdeable
    public record ItemResult(@Nullable @JsonInclude(JsonInclude.Include.ALWAYS) String id, int status,
                             @Nullable @JsonInclude(JsonInclude.Include.ALWAYS) Problem problem) {
    }
}
