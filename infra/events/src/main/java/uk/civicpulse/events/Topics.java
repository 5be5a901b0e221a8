package uk.civicpulse.events;

import java.util.List;

/** Every topic of the contract, in one place. A breaking change to an event is a new versioned topic. */
public final class Topics {

    /** {@link RatingSubmitted} version 1, keyed by council so one council's ratings stay in order in one partition. */
    public static final Topic RATINGS_V1 = new Topic("civic-pulse.ratings.v1", 12);

    /**
     * Records from {@link #RATINGS_V1} that can never be counted (undecodable, breaking the contract, or adding to a
     * rating that does not exist), with the reason in the {@link DeadLetters#REASON} header. Keyed as the original.
     */
    public static final Topic RATINGS_DEAD_LETTER_V1 = new Topic("civic-pulse.ratings.v1.dead-letter", 3);

    /**
     * {@link ContactHandled} version 1 from the contacts API, the CSV import tool and integrations (telephony, CRM),
     * keyed by council so updates to one contact stay in order in one partition.
     */
    public static final Topic CONTACTS_V1 = new Topic("civic-pulse.contacts.v1", 12);

    /** Records from {@link #CONTACTS_V1} that can never be counted, with the reason in the {@link DeadLetters#REASON} header. */
    public static final Topic CONTACTS_DEAD_LETTER_V1 = new Topic("civic-pulse.contacts.v1.dead-letter", 3);

    public static final List<Topic> ALL = List.of(RATINGS_V1, RATINGS_DEAD_LETTER_V1, CONTACTS_V1, CONTACTS_DEAD_LETTER_V1);

    private Topics() {
    }
}
