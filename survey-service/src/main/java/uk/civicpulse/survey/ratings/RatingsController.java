package uk.civicpulse.survey.ratings;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

@Controller("/api/v1/ratings")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Ratings")
public class RatingsController {

    /** A single rating is small; the batch endpoint takes more. */
    public static final long MAX_RATING_BYTES = 16 * 1024;

    private final RatingIntake intake;
    private final RatingPublisher publisher;

    public RatingsController(RatingIntake intake, RatingPublisher publisher) {
        this.intake = intake;
        this.publisher = publisher;
    }

    /**
     * 202 once the broker has the rating (or had it before: the same id resent gets the same answer); 403 when the
     * page's origin is not allowed for the council; 429 with Retry-After when this client has given too many at this
     * touchpoint; 422 naming each bad field; 413 over 16 KB; 503 with Retry-After when the broker is away.
     */
    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit one rating")
    public CompletableFuture<HttpResponse<Accepted>> submit(HttpRequest<?> http, @Body RatingRequest request) {
        if (http.getContentLength() > MAX_RATING_BYTES) {
            throw new HttpStatusException(HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                    "A rating may be at most " + MAX_RATING_BYTES / 1024 + " KB; send many through /api/v1/ratings/batch");
        }
        RatingIntake.Decision decision = intake.decide(http, request);
        if (decision instanceof RatingIntake.Refused refused) {
            throw new RatingRefusedException(refused);
        }
        if (decision instanceof RatingIntake.AlreadyAccepted again) {
            return CompletableFuture.completedFuture(HttpResponse.accepted().body(new Accepted(again.id())));
        }
        RatingIntake.Ready ready = (RatingIntake.Ready) decision;
        return publisher.publish(ready.rating())
                .thenApply(rating -> {
                    intake.acknowledged(rating.id());
                    return HttpResponse.accepted().body(new Accepted(rating.id()));
                });
    }

    @Serdeable
    public record Accepted(UUID id) {
    }
}
