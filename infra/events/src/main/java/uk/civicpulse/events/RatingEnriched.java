package uk.civicpulse.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A resident added to a rating they had already given: the rating counts from the first tap, and the later, skippable
 * steps ("why?", comment, key areas, customer group) arrive as this event for the same rating id. Version 1, on
 * {@link Topics#RATINGS_V1} beside the rating itself and keyed by council, so it always follows its rating in the
 * same partition; the record header {@link EventTypes#HEADER} says which event a record holds.
 * <p>
 * It carries the whole current set of answers, each replacing what was there: applying it twice changes nothing.
 *
 * @param ratingId      the id of the {@link RatingSubmitted} it adds to
 * @param council       the rating's council; the record key
 * @param reasons       the reason codes now chosen
 * @param comment       the comment now given, or null
 * @param keyAreas      the key-area ratings now given
 * @param customerGroup the customer-group answers now given
 * @param enrichedAt    survey-service's clock when it accepted the addition
 * @param schemaVersion always {@link #SCHEMA_VERSION}
 */
public record RatingEnriched(
        UUID ratingId,
        String council,
        List<String> reasons,
        String comment,
        Map<KeyArea, Integer> keyAreas,
        Map<String, String> customerGroup,
        Instant enrichedAt,
        int schemaVersion) {

    public static final int SCHEMA_VERSION = 1;

    public RatingEnriched {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        keyAreas = keyAreas == null ? Map.of() : Map.copyOf(keyAreas);
        customerGroup = customerGroup == null ? Map.of() : Map.copyOf(customerGroup);
    }

    public String partitionKey() {
        return council;
    }
}
