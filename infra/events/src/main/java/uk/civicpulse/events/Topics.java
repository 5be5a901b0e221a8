package uk.civicpulse.events;

import java.util.List;

/** Every topic of the contract, in one place. A breaking change to an event is a new versioned topic. */
public final class Topics {

    /** {@link RatingSubmitted} version 1, keyed by council so one council's ratings stay in order in one partition. */
    public static final Topic RATINGS_V1 = new Topic("civic-pulse.ratings.v1", 12);

    public static final List<Topic> ALL = List.of(RATINGS_V1);

    private Topics() {
    }
}
