package uk.civicpulse.survey.ratings;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

@Controller("/api/v1/ratings")
public class RatingsController {

    private final RatingValidator validator;
    private final RatingPublisher publisher;

    public RatingsController(RatingValidator validator, RatingPublisher publisher) {
        this.validator = validator;
        this.publisher = publisher;
    }

    /** 202 once the broker has the rating; 422 naming each bad field; 503 with Retry-After when the broker is away. */
    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    public CompletableFuture<HttpResponse<Accepted>> submit(@Body RatingRequest request) {
        RatingValidator.Result result = validator.validate(request);
        if (!result.isAccepted()) {
            throw new RatingRejectedException(result.errors());
        }
        return publisher.publish(result.rating())
                .thenApply(rating -> HttpResponse.accepted().body(new Accepted(rating.id())));
    }

    @Serdeable
    public record Accepted(UUID id) {
    }
}
