package uk.civicpulse.events;

/** Headers on a dead-lettered record, saying why it was set aside and where it came from. */
public final class DeadLetters {

    public static final String REASON = "civic-pulse-dead-letter-reason";
    public static final String ORIGINAL_TOPIC = "civic-pulse-original-topic";
    public static final String ORIGINAL_PARTITION = "civic-pulse-original-partition";
    public static final String ORIGINAL_OFFSET = "civic-pulse-original-offset";

    private DeadLetters() {
    }
}
