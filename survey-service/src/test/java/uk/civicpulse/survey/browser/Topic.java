package uk.civicpulse.survey.browser;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import uk.civicpulse.events.EventCodec;
import uk.civicpulse.events.EventTypes;
import uk.civicpulse.events.RatingEnriched;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.events.Topics;
import uk.civicpulse.testkit.TestKafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads the ratings topic from the start, as analytics-service would: ratings and enrichments told apart by header. */
public final class Topic {

    /**
     * @param sequence every record read, in topic order, as "rating:{id}" or "answers:{rating id}" (the ratings
     *                 topic is keyed by council, so one council's records keep their order)
     */
    public record Read(List<RatingSubmitted> ratings, List<RatingEnriched> enrichments, List<String> sequence) {
    }

    private Topic() {
    }

    /** Polls until {@code done} holds for what has been read (or 30 s pass), then returns everything read. */
    public static Read readUntil(Predicate<Read> done) {
        Read read = new Read(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "browser-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.RATINGS_V1.name()));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!done.test(read) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    Header type = r.headers().lastHeader(EventTypes.HEADER);
                    if (type != null && new String(type.value(), StandardCharsets.UTF_8).equals(EventTypes.RATING_ENRICHED_V1)) {
                        RatingEnriched e = EventCodec.decode(r.value(), RatingEnriched.class);
                        read.enrichments().add(e);
                        read.sequence().add("answers:" + e.ratingId());
                    } else {
                        RatingSubmitted s = EventCodec.decode(r.value(), RatingSubmitted.class);
                        read.ratings().add(s);
                        read.sequence().add("rating:" + s.id());
                    }
                }
            }
        }
        return read;
    }
}
