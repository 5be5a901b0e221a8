package uk.civicpulse.survey.ratings;

import jakarta.inject.Singleton;
import uk.civicpulse.events.Channel;
import uk.civicpulse.events.CustomerGroups;
import uk.civicpulse.events.FieldError;
import uk.civicpulse.events.IsoInstants;
import uk.civicpulse.events.KeyArea;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.events.Scale;
import uk.civicpulse.survey.settings.CaptureSettings;
import uk.civicpulse.survey.settings.CouncilSettings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a {@link RatingRequest} into a {@link RatingSubmitted}, or into the list of everything wrong with it,
 * checked against the council's capture settings.
 */
@Singleton
public class RatingValidator {

    static final int MAX_REASONS = 20;
    /** A client clock this far ahead of ours is wrong, not merely skewed. */
    static final Duration MAX_CLOCK_AHEAD = Duration.ofDays(1);

    private final CaptureSettings settings;
    private final Clock clock;

    public RatingValidator(CaptureSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public Result validate(RatingRequest r) {
        return validate(r, false);
    }

    /**
     * @param agentEntered true when a member of staff enters the rating for the resident
     */
    public Result validate(RatingRequest r, boolean agentEntered) {
        List<FieldError> errors = new ArrayList<>();
        Instant now = clock.instant();

        UUID id = parseId(r.id(), errors);
        Optional<CouncilSettings> council = settings.council(r.council());
        if (council.isEmpty()) {
            errors.add(new FieldError("council", r.council() == null ? "is required" : "no council with code '" + r.council() + "'"));
        }
        Optional<CouncilSettings.ServiceSettings> service = council.flatMap(c -> c.service(r.service()));
        if (council.isPresent() && service.isEmpty()) {
            errors.add(new FieldError("service", r.service() == null ? "is required"
                    : "council '" + r.council() + "' has no service with code '" + r.service() + "'"));
        }
        Optional<Channel> channel = Optional.ofNullable(r.channel()).flatMap(Channel::fromCode);
        if (channel.isEmpty()) {
            errors.add(new FieldError("channel", r.channel() == null ? "is required" : "must be one of web, face_to_face, phone"));
        }
        if (r.touchpoint() == null || r.touchpoint().isBlank()) {
            errors.add(new FieldError("touchpoint", "is required"));
        } else if (r.touchpoint().length() > RatingSubmitted.MAX_TOUCHPOINT_LENGTH) {
            errors.add(new FieldError("touchpoint", "must be at most " + RatingSubmitted.MAX_TOUCHPOINT_LENGTH + " characters"));
        }
        Optional<Scale> scale = Optional.ofNullable(r.scale()).flatMap(Scale::fromCode);
        if (scale.isEmpty()) {
            errors.add(new FieldError("scale", r.scale() == null ? "is required" : "must be one of faces-3, buttons-4, likert-5"));
        } else if (service.isPresent() && !service.get().scale().equals(r.scale())) {
            errors.add(new FieldError("scale", "service '" + r.service() + "' uses scale " + service.get().scale()));
            scale = Optional.empty();
        }
        if (r.score() == null) {
            errors.add(new FieldError("score", "is required"));
        } else if (scale.isPresent() && !scale.get().isValidScore(r.score())) {
            errors.add(new FieldError("score", "must be 1 to " + scale.get().size() + " on scale " + scale.get().code()));
        }
        List<String> reasons = r.reasons() == null ? List.of() : r.reasons();
        if (reasons.size() > MAX_REASONS) {
            errors.add(new FieldError("reasons", "at most " + MAX_REASONS + " reasons"));
        }
        if (new HashSet<>(reasons).size() != reasons.size()) {
            errors.add(new FieldError("reasons", "a reason is given more than once"));
        }
        for (int i = 0; i < reasons.size() && service.isPresent(); i++) {
            if (!service.get().hasReason(reasons.get(i))) {
                errors.add(new FieldError("reasons[" + i + "]", "service '" + r.service() + "' has no reason '" + reasons.get(i) + "'"));
            }
        }
        if (r.comment() != null && r.comment().length() > RatingSubmitted.MAX_COMMENT_LENGTH) {
            errors.add(new FieldError("comment", "must be at most " + RatingSubmitted.MAX_COMMENT_LENGTH + " characters"));
        }
        Map<KeyArea, Integer> keyAreas = keyAreas(r.keyAreas(), errors);
        customerGroup(r.customerGroup(), council, errors);
        Instant submittedAt = submittedAt(r.submittedAt(), now, errors);

        if (!errors.isEmpty()) {
            return Result.rejected(errors);
        }
        String comment = r.comment() == null || r.comment().isBlank() ? null : r.comment();
        RatingSubmitted event = new RatingSubmitted(id, r.council(), r.service(), channel.get(), r.touchpoint(), scale.get(),
                r.score(), reasons, comment, keyAreas, r.customerGroup(), submittedAt, now, RatingSubmitted.SCHEMA_VERSION, agentEntered);
        List<FieldError> contractErrors = event.contractErrors();
        return contractErrors.isEmpty() ? Result.accepted(event) : Result.rejected(contractErrors);
    }

    private static UUID parseId(String id, List<FieldError> errors) {
        if (id == null) {
            errors.add(new FieldError("id", "is required: a UUID chosen by the client, reused when it retries"));
            return null;
        }
        try {
            UUID parsed = UUID.fromString(id);
            if (!parsed.toString().equalsIgnoreCase(id)) {
                throw new IllegalArgumentException();
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("id", "must be a UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e"));
            return null;
        }
    }

    private static Map<KeyArea, Integer> keyAreas(Map<String, Integer> given, List<FieldError> errors) {
        Map<KeyArea, Integer> keyAreas = new EnumMap<>(KeyArea.class);
        if (given == null) {
            return keyAreas;
        }
        given.forEach((code, rating) -> {
            Optional<KeyArea> area = KeyArea.fromCode(code);
            if (area.isEmpty()) {
                errors.add(new FieldError("keyAreas." + code, "must be one of delivery, timeliness, information, access, staff"));
            } else if (rating == null || rating < KeyArea.LOWEST || rating > KeyArea.HIGHEST) {
                errors.add(new FieldError("keyAreas." + code, "must be " + KeyArea.LOWEST + " to " + KeyArea.HIGHEST));
            } else {
                keyAreas.put(area.get(), rating);
            }
        });
        return keyAreas;
    }

    private static void customerGroup(Map<String, String> given, Optional<CouncilSettings> council, List<FieldError> errors) {
        if (given == null || council.isEmpty()) {
            return;
        }
        given.forEach((question, answer) -> {
            Optional<CouncilSettings.CustomerGroupQuestion> q = council.get().question(question);
            if (q.isEmpty()) {
                errors.add(new FieldError("customerGroup." + question, "council '" + council.get().code() + "' asks no such question"));
            } else if (answer == null || !(CustomerGroups.PREFER_NOT_TO_SAY.equals(answer) || q.get().hasAnswer(answer))) {
                errors.add(new FieldError("customerGroup." + question, "'" + answer + "' is not an answer to this question"));
            }
        });
    }

    private static Instant submittedAt(String given, Instant now, List<FieldError> errors) {
        if (given == null) {
            return now;
        }
        try {
            Instant at = IsoInstants.parse(given);
            if (at.isAfter(now.plus(MAX_CLOCK_AHEAD))) {
                errors.add(new FieldError("submittedAt", "is more than a day ahead of the server's clock"));
            }
            return at;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("submittedAt", "must be an ISO-8601 instant such as 2026-11-20T09:15:30Z"));
            return null;
        }
    }

    /** Either the event to publish or the reasons it was refused. */
    public record Result(RatingSubmitted rating, List<FieldError> errors) {

        static Result accepted(RatingSubmitted rating) {
            return new Result(rating, List.of());
        }

        static Result rejected(List<FieldError> errors) {
            return new Result(null, List.copyOf(errors));
        }

        public boolean isAccepted() {
            return rating != null;
        }
    }
}
