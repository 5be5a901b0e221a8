package uk.civicpulse.survey.ratings;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import uk.civicpulse.events.FieldError;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.survey.cors.OriginPolicy;
import uk.civicpulse.survey.ratelimit.RatingRateLimiter;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The checks every resident's rating passes before it is produced, in order: the page's origin is allowed for the
 * rating's council (403); a rating already accepted is answered again as accepted (202, nothing produced); the
 * client is within its rate limit (429); the rating is valid against the council's settings (422).
 */
@Singleton
public class RatingIntake {

    private final OriginPolicy origins;
    private final RecentlyAccepted recentlyAccepted;
    private final RatingRateLimiter rateLimiter;
    private final RatingValidator validator;

    public RatingIntake(OriginPolicy origins, RecentlyAccepted recentlyAccepted, RatingRateLimiter rateLimiter,
                        RatingValidator validator) {
        this.origins = origins;
        this.recentlyAccepted = recentlyAccepted;
        this.rateLimiter = rateLimiter;
        this.validator = validator;
    }

    /** What to do with one rating. */
    public sealed interface Decision permits Ready, AlreadyAccepted, Refused {
    }

    /** Valid: produce it, then answer 202. */
    public record Ready(RatingSubmitted rating) implements Decision {
    }

    /** Accepted before: answer 202 again without producing it. */
    public record AlreadyAccepted(UUID id) implements Decision {
    }

    /**
     * Refused with this status and detail.
     *
     * @param retryAfter set for 429
     * @param originRefused true when refused because of the page's origin
     */
    public record Refused(HttpStatus status, String detail, List<FieldError> errors, Optional<Duration> retryAfter,
                          boolean originRefused) implements Decision {
    }

    public Decision decide(HttpRequest<?> request, RatingRequest rating) {
        Optional<String> originRefusal = origins.refusal(request, rating.council());
        if (originRefusal.isPresent()) {
            return new Refused(HttpStatus.FORBIDDEN, originRefusal.get(), List.of(), Optional.empty(), true);
        }
        Optional<UUID> id = parseId(rating.id());
        if (id.isPresent() && recentlyAccepted.contains(id.get())) {
            return new AlreadyAccepted(id.get());
        }
        Optional<Duration> wait = rateLimiter.tryTake(request, rating.channel(), rating.council(), rating.touchpoint());
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            return new Refused(HttpStatus.TOO_MANY_REQUESTS, "Too many ratings from here for this page or kiosk just now. "
                    + "Try again in " + seconds + " s.", List.of(), wait, false);
        }
        RatingValidator.Result result = validator.validate(rating);
        if (!result.isAccepted()) {
            String fields = String.join(", ", result.errors().stream().map(FieldError::field).distinct().toList());
            return new Refused(HttpStatus.UNPROCESSABLE_ENTITY, "The rating was not accepted; check: " + fields,
                    result.errors(), Optional.empty(), false);
        }
        return new Ready(result.rating());
    }

    /** Remembers ratings the broker has acknowledged, so a resubmission gets the same answer. */
    public void acknowledged(UUID id) {
        recentlyAccepted.add(id);
    }

    private static Optional<UUID> parseId(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
