package uk.civicpulse.survey.enrichment;

import jakarta.inject.Singleton;
import uk.civicpulse.events.FieldError;
import uk.civicpulse.events.RatingEnriched;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.survey.ratings.RatingRequest;
import uk.civicpulse.survey.ratings.RatingValidator;
import uk.civicpulse.survey.settings.CaptureSettings;
import uk.civicpulse.survey.settings.CouncilSettings;

import java.util.List;
import java.util.Set;

/**
 * Checks later answers with exactly the rules a rating's own answers obey, by handing {@link RatingValidator} a rating
 * made of these answers (the scale point is a stand-in that is never published) and keeping only what it says about
 * the id, council, service and the answers themselves.
 */
@Singleton
public class EnrichmentValidator {

    /** Fields of the stand-in rating that the resident did not send now; problems with them are not theirs. */
    private static final Set<String> STAND_IN_FIELDS = Set.of("channel", "touchpoint", "scale", "score", "submittedAt");

    private final RatingValidator ratings;
    private final CaptureSettings settings;

    public EnrichmentValidator(RatingValidator ratings, CaptureSettings settings) {
        this.ratings = ratings;
        this.settings = settings;
    }

    public Result validate(String ratingId, EnrichmentRequest r) {
        String scale = settings.council(r.council()).flatMap(c -> c.service(r.service()))
                .map(CouncilSettings.ServiceSettings::scale).orElse("faces-3");
        RatingValidator.Result result = ratings.validate(new RatingRequest(ratingId, r.council(), r.service(), "web", "enrichment",
                scale, 1, r.reasons(), r.comment(), r.keyAreas(), r.customerGroup(), null));
        List<FieldError> errors = result.errors().stream().filter(e -> !STAND_IN_FIELDS.contains(e.field())).toList();
        if (!result.isAccepted()) {
            return new Result(null, errors.isEmpty() ? result.errors() : errors);
        }
        RatingSubmitted checked = result.rating();
        return new Result(new RatingEnriched(checked.id(), checked.council(), checked.reasons(), checked.comment(),
                checked.keyAreas(), checked.customerGroup(), checked.receivedAt(), RatingEnriched.SCHEMA_VERSION), List.of());
    }

    /** Either the event to publish or the reasons it was refused. */
    public record Result(RatingEnriched enrichment, List<FieldError> errors) {
        public boolean isAccepted() {
            return enrichment != null;
        }
    }
}
