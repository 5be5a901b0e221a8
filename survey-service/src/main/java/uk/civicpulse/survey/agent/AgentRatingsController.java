package uk.civicpulse.survey.agent;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import uk.civicpulse.events.FieldError;
import uk.civicpulse.survey.admin.StaffAccess;
import uk.civicpulse.survey.ratings.RatingIntake;
import uk.civicpulse.survey.ratings.RatingPublisher;
import uk.civicpulse.survey.ratings.RatingRefusedException;
import uk.civicpulse.survey.ratings.RatingRequest;
import uk.civicpulse.survey.ratings.RatingValidator;
import uk.civicpulse.survey.ratings.RatingsController;
import uk.civicpulse.survey.ratings.RecentlyAccepted;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Ratings a member of staff enters for a resident, at a counter or on the phone. They are marked agent-entered in
 * the event, because assisted capture can select who is asked and the figures must be able to tell them apart.
 * Needs a staff token for the rating's council.
 */
@Controller("/api/v1/agent-ratings")
@Secured({StaffAccess.OFFICER, StaffAccess.COUNCIL_ADMIN, StaffAccess.PLATFORM_ADMIN})
@Tag(name = "Agent-entered ratings")
public class AgentRatingsController {

    static final Set<String> AGENT_CHANNELS = Set.of("face_to_face", "phone");

    private final RatingValidator validator;
    private final RatingPublisher publisher;
    private final StaffAccess access;
    private final RecentlyAccepted recentlyAccepted;

    public AgentRatingsController(RatingValidator validator, RatingPublisher publisher, StaffAccess access,
                                  RecentlyAccepted recentlyAccepted) {
        this.validator = validator;
        this.publisher = publisher;
        this.access = access;
        this.recentlyAccepted = recentlyAccepted;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enter a rating given to a member of staff (marked agent-entered)")
    public CompletableFuture<HttpResponse<RatingsController.Accepted>> submit(Authentication who, @Body RatingRequest request) {
        access.requireStaffOf(who, request.council());
        RatingValidator.Result result = validator.validate(request, true);
        List<FieldError> errors = new ArrayList<>(result.errors());
        if (request.channel() != null && !AGENT_CHANNELS.contains(request.channel())) {
            errors.add(new FieldError("channel", "a rating entered by staff is face_to_face or phone"));
        }
        if (!errors.isEmpty()) {
            throw new RatingRefusedException(new RatingIntake.Refused(HttpStatus.UNPROCESSABLE_ENTITY,
                    "The rating was not accepted; check: " + String.join(", ", errors.stream().map(FieldError::field).distinct().toList()),
                    errors, Optional.empty(), false));
        }
        return publisher.publish(result.rating()).thenApply(rating -> {
            recentlyAccepted.add(rating.id());
            return HttpResponse.accepted().body(new RatingsController.Accepted(rating.id()));
        });
    }
}
