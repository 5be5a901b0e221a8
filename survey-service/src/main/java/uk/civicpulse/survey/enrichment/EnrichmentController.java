package uk.civicpulse.survey.enrichment;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import uk.civicpulse.survey.ratings.RatingRejectedException;
import uk.civicpulse.survey.ratings.RatingsController.Accepted;

import java.util.concurrent.CompletableFuture;

/**
 * The later answers to a rating: each skippable step of the widget posts the whole set of answers so far here, and
 * they reach Kafka as {@link uk.civicpulse.events.RatingEnriched} for the same rating id.
 */
@Controller("/api/v1/ratings/{id}/answers")
public class EnrichmentController {

    private final EnrichmentValidator validator;
    private final EnrichmentPublisher publisher;

    public EnrichmentController(EnrichmentValidator validator, EnrichmentPublisher publisher) {
        this.validator = validator;
        this.publisher = publisher;
    }

    /** 202 once the broker has the answers; 422 naming each bad field; 503 with Retry-After when the broker is away. */
    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    public CompletableFuture<HttpResponse<Accepted>> enrich(@PathVariable String id, @Body EnrichmentRequest request) {
        EnrichmentValidator.Result result = validator.validate(id, request);
        if (!result.isAccepted()) {
            throw new RatingRejectedException(result.errors());
        }
        return publisher.publish(result.enrichment())
                .thenApply(e -> HttpResponse.accepted().body(new Accepted(e.ratingId())));
    }
}
