package uk.civicpulse.events;

import java.nio.charset.StandardCharsets;

/**
 * The Kafka record header naming which event a record holds, where a topic carries more than one. A record without
 * the header on {@link Topics#RATINGS_V1} is a {@link RatingSubmitted} (every record written before the header existed).
 */
public final class EventTypes {

    public static final String HEADER = "civic-pulse-event";
    public static final String RATING_SUBMITTED_V1 = "RatingSubmitted/1";
    public static final String RATING_ENRICHED_V1 = "RatingEnriched/1";
    /** On {@link Topics#CONTACTS_V1}; a record there without the header is read as this too. */
    public static final String CONTACT_HANDLED_V1 = "ContactHandled/1";

    private EventTypes() {
    }

    public static byte[] headerValue(String type) {
        return type.getBytes(StandardCharsets.UTF_8);
    }
}
