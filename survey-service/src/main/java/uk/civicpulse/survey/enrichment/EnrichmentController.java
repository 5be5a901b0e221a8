package uk.civicpulse.survey.enrichment;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import uk.civicpulse.survey.cors.OriginPolicy;
import uk.civicpulse.survey.ratings.RatingIntake;
import uk.civicpulse.survey.ratings.RatingRefusedException;
import uk.civicpulse.survey.ratings.RatingRejectedException;
import uk.civicpulse.survey.ratings.RatingsController.Accepted;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The later answers to a rating: each skippable step of the widget posts the whole set of answers so far here, and
 * they reach Kafka as {@link uk.civicpulse.events.RatingEnriched} for the same rating id.
 */
@Controller("/api/v1/ratings/{id}/answers")
public class EnrichmentController {

    private final EnrichmentValidator validator;
    private final EnrichmentPublisher publisher;
    private final OriginPolicy origins;

    public EnrichmentController(EnrichmentValidator validator, EnrichmentPublisher publisher, OriginPolicy origins) {
        this.validator = validator;
        this.publisher = publisher;
        this.origins = origins;
    }

    /**
     * 202 once the broker has the answers; 403 from a page origin the rating's council has not allowed (the same rule
     * as for ratings); 422 naming each bad field; 503 with Retry-After when the broker is away.
     */
    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    public CompletableFuture<HttpResponse<Accepted>> enrich(HttpRequest<?> http, @PathVariable String id,
                                                           @Body EnrichmentRequest request) {
        Optional<String> refusal = origins.refusal(http, request.council());
        if (refusal.isPresent()) {
            throw new RatingRefusedException(new RatingIntake.Refused(HttpStatus.FORBIDDEN, refusal.get(), List.of(),
                    Optional.empty(), true));
        }
        EnrichmentValidator.Result result = validator.validate(id, request);
        if (!result.isAccepted()) {
            throw new RatingRejectedException(result.errors());
        }
        return publisher.publish(result.enrichment())
                .thenApply(e -> HttpResponse.accepted().body(new Accepted(e.ratingId())));
    }
}
