package uk.civicpulse.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A resident rated a council service. Version 1 of the event on {@link Topics#RATINGS_V1}.
 *
 * @param id            chosen by the client; a resubmission with the same id is a no-op everywhere
 * @param council       the council's code, e.g. "cardiff-demo"; the record key
 * @param service       the service's code within the council, e.g. "waste"
 * @param channel       how the resident reached the council
 * @param touchpoint    where on that channel: a page path, a kiosk id or a phone line
 * @param scale         the scale the resident answered on
 * @param score         1 (worst) to the scale's size (best)
 * @param reasons       reason codes the resident chose ("why?"), possibly empty
 * @param comment       free text, possibly null; personal data in it is redacted before wider use
 * @param keyAreas      optional 1-5 ratings of the CSE key areas
 * @param customerGroup customer-group question code to answer code; "prefer_not_to_say" is an answer
 * @param submittedAt   the client's clock when the resident rated
 * @param receivedAt    survey-service's clock when it accepted the rating
 * @param schemaVersion always {@link #SCHEMA_VERSION} on this topic
 * @param agentEntered  true when a member of staff entered the rating for the resident (assisted capture, which can
 *                      select who is asked); added compatibly to version 1, absent means false
 */
public record RatingSubmitted(
        UUID id,
        String council,
        String service,
        Channel channel,
        String touchpoint,
        Scale scale,
        int score,
        List<String> reasons,
        String comment,
        Map<KeyArea, Integer> keyAreas,
        Map<String, String> customerGroup,
        Instant submittedAt,
        Instant receivedAt,
        int schemaVersion,
        Boolean agentEntered) {

    public static final int SCHEMA_VERSION = 1;
    public static final int MAX_COMMENT_LENGTH = 1000;
    public static final int MAX_CODE_LENGTH = 64;
    public static final int MAX_TOUCHPOINT_LENGTH = 200;

    /** A rating the resident gave themselves. */
    public RatingSubmitted(UUID id, String council, String service, Channel channel, String touchpoint, Scale scale,
                           int score, List<String> reasons, String comment, Map<KeyArea, Integer> keyAreas,
                           Map<String, String> customerGroup, Instant submittedAt, Instant receivedAt, int schemaVersion) {
        this(id, council, service, channel, touchpoint, scale, score, reasons, comment, keyAreas, customerGroup,
                submittedAt, receivedAt, schemaVersion, false);
    }

    public RatingSubmitted {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        keyAreas = keyAreas == null ? Map.of() : Map.copyOf(keyAreas);
        customerGroup = customerGroup == null ? Map.of() : Map.copyOf(customerGroup);
        agentEntered = Boolean.TRUE.equals(agentEntered);
    }

    /**
     * True when a code (council, service, reason, question, answer) has the contract's form: 1 to
     * {@link #MAX_CODE_LENGTH} characters of {@code a-z}, {@code 0-9}, {@code _} and {@code -}, the first a letter or
     * digit (the regular expression {@code [a-z0-9][a-z0-9_-]{0,63}}, checked by hand: every rating has several codes).
     */
    public static boolean isCode(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_CODE_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean letterOrDigit = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (!letterOrDigit && (i == 0 || c != '_' && c != '-')) {
                return false;
            }
        }
        return true;
    }

    /** The Kafka record key: one council's ratings share a partition and stay in order. */
    public String partitionKey() {
        return council;
    }

    /** The moment the rating counts for: when the resident gave it, unless the client's clock ran ahead of ours. */
    public Instant ratedAt() {
        if (submittedAt == null || submittedAt.isAfter(receivedAt)) {
            return receivedAt;
        }
        return submittedAt;
    }

    public boolean satisfied() {
        return scale.isSatisfied(score);
    }

    /**
     * What the contract itself rules out, field by field. Whether the council, service, reasons and
     * questions exist is for the producer's configuration to say, not the contract.
     */
    public List<FieldError> contractErrors() {
        List<FieldError> errors = new ArrayList<>();
        if (id == null) {
            errors.add(new FieldError("id", "is required"));
        }
        if (!isCode(council)) {
            errors.add(new FieldError("council", "must be a code of lower-case letters, digits, '-' or '_'"));
        }
        if (!isCode(service)) {
            errors.add(new FieldError("service", "must be a code of lower-case letters, digits, '-' or '_'"));
        }
        if (channel == null) {
            errors.add(new FieldError("channel", "is required"));
        }
        if (touchpoint == null || touchpoint.isBlank() || touchpoint.length() > MAX_TOUCHPOINT_LENGTH) {
            errors.add(new FieldError("touchpoint", "is required, at most " + MAX_TOUCHPOINT_LENGTH + " characters"));
        }
        if (scale == null) {
            errors.add(new FieldError("scale", "is required"));
        } else if (!scale.isValidScore(score)) {
            errors.add(new FieldError("score", "must be 1 to " + scale.size() + " on scale " + scale.code()));
        }
        for (int i = 0; i < reasons.size(); i++) {
            if (!isCode(reasons.get(i))) {
                errors.add(new FieldError("reasons[" + i + "]", "must be a reason code"));
            }
        }
        if (comment != null && comment.length() > MAX_COMMENT_LENGTH) {
            errors.add(new FieldError("comment", "must be at most " + MAX_COMMENT_LENGTH + " characters"));
        }
        keyAreas.forEach((area, rating) -> {
            if (rating == null || rating < KeyArea.LOWEST || rating > KeyArea.HIGHEST) {
                errors.add(new FieldError("keyAreas." + area.code(), "must be " + KeyArea.LOWEST + " to " + KeyArea.HIGHEST));
            }
        });
        customerGroup.forEach((question, answer) -> {
            if (!isCode(question) || !isCode(answer)) {
                errors.add(new FieldError("customerGroup." + question, "question and answer must be codes"));
            }
        });
        if (receivedAt == null) {
            errors.add(new FieldError("receivedAt", "is required"));
        }
        if (schemaVersion != SCHEMA_VERSION) {
            errors.add(new FieldError("schemaVersion", "must be " + SCHEMA_VERSION));
        }
        return errors;
    }
}
