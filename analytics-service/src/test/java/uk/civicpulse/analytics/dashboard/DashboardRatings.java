package uk.civicpulse.analytics.dashboard;

import uk.civicpulse.analytics.ingest.RatingStore;
import uk.civicpulse.analytics.timeliness.ContactStore;
import uk.civicpulse.events.ContactChannel;
import uk.civicpulse.events.ContactHandled;
import uk.civicpulse.events.Channel;
import uk.civicpulse.events.KeyArea;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.events.Scale;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A year (2025) of ratings for three demo councils, stored straight into the test database through the consumer's own
 * {@link RatingStore} (the broker is not what these tests are about). Waste is usually above its 95% target and dips
 * in December; council tax sits near 90%; planning lower; residents aged 65 and over are more satisfied
 * than the rest; a quarter of ratings answer the five key areas, in step with the overall answer. Fixed seed: the
 * same ratings every run.
 */
final class DashboardRatings {

    static final List<String> COUNCILS = List.of("northmoor", "eastbrook", "westshire");
    static final List<String> SERVICES = List.of("waste", "council_tax", "planning");
    static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    static final LocalDate LAST = LocalDate.of(2025, 12, 31);
    static final String RANGE = "from=2025-01-01&to=2025-12-31";
    private static final double[] LEVELS = {0.985, 0.90, 0.84};
    private static final List<String> AGE_BANDS = List.of("16_34", "35_64", "65_plus");

    private DashboardRatings() {
    }

    static int store(RatingStore store) throws Exception {
        Random random = new Random(20251207);
        List<RatingSubmitted> batch = new ArrayList<>();
        int stored = 0;
        for (String council : COUNCILS) {
            double councilShift = council.equals("westshire") ? -0.04 : council.equals("eastbrook") ? 0.01 : 0;
            for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
                for (int s = 0; s < SERVICES.size(); s++) {
                    String service = SERVICES.get(s);
                    boolean dip = service.equals("waste") && day.getMonthValue() == 12;
                    for (Channel channel : Channel.values()) {
                        int count = 1 + random.nextInt(3);
                        for (int i = 0; i < count; i++) {
                            String age = random.nextDouble() < 0.6 ? AGE_BANDS.get(random.nextInt(3)) : null;
                            double p = LEVELS[s] + councilShift - (dip ? 0.15 : 0) + ("65_plus".equals(age) ? 0.05 : 0)
                                    - (channel == Channel.PHONE ? 0.02 : 0);
                            boolean satisfied = random.nextDouble() < Math.min(0.995, p);
                            int score = satisfied ? 4 + random.nextInt(2) : 1 + random.nextInt(3);
                            Map<KeyArea, Integer> areas = new EnumMap<>(KeyArea.class);
                            if (random.nextDouble() < 0.25) {
                                for (KeyArea area : KeyArea.values()) {
                                    areas.put(area, Math.max(1, Math.min(5, score + random.nextInt(3) - 1)));
                                }
                            }
                            UUID id = UUID.nameUUIDFromBytes((council + service + channel + day + i).getBytes(StandardCharsets.UTF_8));
                            Instant at = day.atTime(12, 0).atZone(RatingStore.COUNCIL_TIME).toInstant();
                            batch.add(new RatingSubmitted(id, council, service, channel, "/" + service, Scale.LIKERT_5, score,
                                    List.of(), null, areas, age == null ? Map.of() : Map.of("age_band", age), at, at,
                                    RatingSubmitted.SCHEMA_VERSION));
                            if (batch.size() == 1000) {
                                stored += store.apply(batch, List.of()).stored();
                                batch.clear();
                            }
                        }
                    }
                }
            }
        }
        stored += store.apply(batch, List.of()).stored();
        return stored;
    }

    /**
     * A year of Northmoor's contacts for its timeliness standards: phone calls answered in 5 to 95 seconds (the
     * standard is 60), emails answered in 0 to 7 days (5 working days), complaints resolved in 5 to 30 days (20
     * working days), some resolved at the first contact.
     */
    static int storeContacts(ContactStore store) throws Exception {
        Random random = new Random(7);
        List<ContactHandled> batch = new ArrayList<>();
        int n = 0;
        for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() > 5) {
                continue;
            }
            Instant nine = day.atTime(9, 0).atZone(RatingStore.COUNCIL_TIME).toInstant();
            for (int i = 0; i < 6; i++) {
                Instant received = nine.plusSeconds(600L * i);
                Instant answered = received.plusSeconds(5 + random.nextInt(91));
                batch.add(new ContactHandled("call-" + day + "-" + i, "northmoor", "council_tax", ContactChannel.PHONE, "call",
                        received, answered, answered.plusSeconds(300), random.nextDouble() < 0.7, ContactHandled.SCHEMA_VERSION));
            }
            for (int i = 0; i < 2; i++) {
                Instant received = nine.plusSeconds(3600L * i);
                Instant replied = received.plus(Duration.ofDays(random.nextInt(8)));
                batch.add(new ContactHandled("email-" + day + "-" + i, "northmoor", "waste", ContactChannel.EMAIL, "email",
                        received, replied, replied, random.nextDouble() < 0.5, ContactHandled.SCHEMA_VERSION));
            }
            Instant complaint = nine.plusSeconds(7200);
            Instant resolved = complaint.plus(Duration.ofDays(5 + random.nextInt(26)));
            batch.add(new ContactHandled("complaint-" + day, "northmoor", "planning", ContactChannel.WEB_FORM, "complaint",
                    complaint, complaint.plus(Duration.ofDays(1)), resolved, false, ContactHandled.SCHEMA_VERSION));
        }
        n += store.apply(batch).added();
        return n;
    }
}
