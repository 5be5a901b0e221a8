package uk.civicpulse.testkit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import uk.civicpulse.events.EventCodec;
import uk.civicpulse.events.EventTypes;
import uk.civicpulse.events.RatingEnriched;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.events.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads the ratings topic from its start, in a consumer group of its own, as analytics-service would. The topic
 * carries ratings (RatingSubmitted) and later answers to them (RatingEnriched), put there by every test class of the
 * JVM; they are told apart by the event-type header (a record without one is a rating, as for analytics-service).
 */
public final class RatingsTopic {

    /** How long to read before giving up on what has not arrived. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    /**
     * What has been read so far, in topic order within a partition (the topic is keyed by council, so one council's
     * records keep their order).
     *
     * @param records     the ratings, each with its key, headers and offset; redeliveries included
     * @param enrichments the later answers
     * @param sequence    every record read, as "rating:{id}" or "answers:{rating id}"
     */
    public record Read(List<ConsumerRecord<String, RatingSubmitted>> records, List<RatingEnriched> enrichments,
                       List<String> sequence) {

        /** The ratings of {@link #records()}. */
        public List<RatingSubmitted> ratings() {
            return records.stream().map(ConsumerRecord::value).toList();
        }
    }

    private RatingsTopic() {
    }

    /** Reads until {@code done} holds for what has been read, or {@link #PATIENCE} has passed; returns all read. */
    public static Read readUntil(Predicate<Read> done) {
        Read read = new Read(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        try (KafkaConsumer<String, byte[]> consumer = TestKafka.consumerFromStart(Topics.RATINGS_V1.name())) {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!done.test(read) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    Header header = r.headers().lastHeader(EventTypes.HEADER);
                    String type = header == null ? EventTypes.RATING_SUBMITTED_V1 : new String(header.value(), StandardCharsets.UTF_8);
                    if (type.equals(EventTypes.RATING_SUBMITTED_V1)) {
                        RatingSubmitted rating = EventCodec.decode(r.value(), RatingSubmitted.class);
                        read.records().add(new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.timestamp(), r.timestampType(),
                                r.serializedKeySize(), r.serializedValueSize(), r.key(), rating, r.headers(), r.leaderEpoch()));
                        read.sequence().add("rating:" + rating.id());
                    } else if (type.equals(EventTypes.RATING_ENRICHED_V1)) {
                        RatingEnriched answers = EventCodec.decode(r.value(), RatingEnriched.class);
                        read.enrichments().add(answers);
                        read.sequence().add("answers:" + answers.ratingId());
                    }
                }
            }
        }
        return read;
    }

    /**
     * Reads until every wanted rating has been read, and fails if one has not within {@link #PATIENCE}.
     *
     * @return every rating read (redeliveries included), each with its key, headers and offset
     */
    public static List<ConsumerRecord<String, RatingSubmitted>> readUntilSeen(Set<UUID> wanted) {
        Set<UUID> seen = new HashSet<>();
        int[] looked = {0};
        Read read = readUntil(r -> {
            // only the records added since the last look
            for (; looked[0] < r.records().size(); looked[0]++) {
                seen.add(r.records().get(looked[0]).value().id());
            }
            return seen.containsAll(wanted);
        });
        Set<UUID> missing = new HashSet<>(wanted);
        missing.removeAll(seen);
        assertTrue(missing.isEmpty(), "not on the ratings topic after " + PATIENCE.toSeconds() + " s: " + missing);
        return read.records();
    }

    /** The ratings of {@link #readUntilSeen(Set)}, without their records. */
    public static List<RatingSubmitted> ratingsUntilSeen(Set<UUID> wanted) {
        return readUntilSeen(wanted).stream().map(ConsumerRecord::value).toList();
    }
}
