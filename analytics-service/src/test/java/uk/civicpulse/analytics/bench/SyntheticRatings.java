package uk.civicpulse.analytics.bench;

import uk.civicpulse.events.Channel;
import uk.civicpulse.events.KeyArea;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.events.Scale;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** Ratings shaped like real ones (services, channels, customer-group answers, some comments), from a seed. */
public final class SyntheticRatings {

    static final String[] SERVICES = {"waste", "council_tax", "housing", "planning", "parking", "libraries", "benefits", "highways"};
    static final String[] AGE_BANDS = {"16_24", "25_34", "35_44", "45_54", "55_64", "65_74", "75_plus", "prefer_not_to_say"};
    static final String[] SEXES = {"female", "male", "prefer_not_to_say"};

    private SyntheticRatings() {
    }

    public static RatingSubmitted rating(Random random, String council, LocalDate day) {
        Channel channel = Channel.values()[random.nextInt(3)];
        String service = SERVICES[random.nextInt(SERVICES.length)];
        Instant at = day.atTime(8 + random.nextInt(10), random.nextInt(60)).toInstant(ZoneOffset.UTC);
        Map<String, String> group = random.nextDouble() < 0.6
                ? Map.of("age_band", AGE_BANDS[random.nextInt(AGE_BANDS.length)], "sex", SEXES[random.nextInt(SEXES.length)])
                : Map.of();
        String comment = random.nextDouble() < 0.08 ? "Synthetic comment " + random.nextInt(1000) : null;
        Map<KeyArea, Integer> keyAreas = random.nextDouble() < 0.25 ? Map.of(KeyArea.TIMELINESS, 1 + random.nextInt(5)) : Map.of();
        return new RatingSubmitted(UUID.randomUUID(), council, service, channel, "/" + service, Scale.FACES_3,
                random.nextDouble() < 0.9 ? 3 : 1 + random.nextInt(2), random.nextDouble() < 0.3 ? List.of("quick") : List.of(),
                comment, keyAreas, group, at, at, 1);
    }
}
