package uk.civicpulse.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import uk.civicpulse.events.Channel;
import uk.civicpulse.events.CustomerGroups;
import uk.civicpulse.events.ContactHandled;
import uk.civicpulse.events.EventCodec;
import uk.civicpulse.events.EventTypes;
import uk.civicpulse.events.KeyArea;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.events.Scale;
import uk.civicpulse.events.ScalePoint;
import uk.civicpulse.events.Topics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Twelve months of history for every council survey-service knows, at realistic volumes: each service has a true
 * satisfaction level (some above a 95% target, some below), channels differ, one service dips in winter, and
 * residents answer customer-group questions some of the time. The same seed gives the same ratings with the same
 * ids, so running the launcher again adds nothing twice.
 */
public final class DemoData {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final double[] SERVICE_LEVELS = {0.97, 0.91, 0.96, 0.86, 0.985, 0.93};
    private static final Map<Channel, Double> DAILY_RATINGS = Map.of(Channel.WEB, 3.5, Channel.FACE_TO_FACE, 1.5, Channel.PHONE, 2.0);
    private static final Map<Channel, Double> CHANNEL_SHIFT = Map.of(Channel.WEB, -0.01, Channel.FACE_TO_FACE, 0.02, Channel.PHONE, -0.03);
    private static final List<String> PRAISE = List.of("Quick and friendly, thank you.", "Found what I needed straight away.",
            "The advisor sorted it in one call.", "Really helpful staff at the desk.");
    private static final List<String> COMPLAINTS = List.of("Waited forty minutes on the phone.",
            "Nobody called me back, my number is 07700 900123.", "The form kept timing out.",
            "Still waiting after three weeks, ref CT-448812. Email me at jo.bloggs@example.com",
            "Bin missed again at 12 Acacia Avenue, NM1 4AB.");

    private final URI surveyService;
    private final String bootstrapServers;
    private final ObjectMapper json = new ObjectMapper();

    private long contactsProduced;

    public DemoData(URI surveyService, String bootstrapServers) {
        this.surveyService = surveyService;
        this.bootstrapServers = bootstrapServers;
    }

    /** @return how many ratings were produced (re-runs produce the same ids, which analytics counts once) */
    public long generate(LocalDate today, int days) throws IOException, InterruptedException {
        long produced = 0;
        try (Producer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (JsonNode council : get("/api/v1/councils")) {
                String code = council.get("code").asText();
                JsonNode settings = get("/api/v1/councils/" + code + "/capture-settings");
                for (RatingSubmitted rating : ratings(settings, today, days)) {
                    producer.send(new ProducerRecord<>(Topics.RATINGS_V1.name(), rating.partitionKey(), EventCodec.encode(rating)));
                    produced++;
                }
                List<String> services = new ArrayList<>();
                settings.get("services").forEach(s -> services.add(s.get("code").asText()));
                for (ContactHandled contact : DemoContacts.contacts(code, services, today, days)) {
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CONTACTS_V1.name(), contact.partitionKey(), EventCodec.encode(contact));
                    record.headers().add(EventTypes.HEADER, EventTypes.headerValue(EventTypes.CONTACT_HANDLED_V1));
                    producer.send(record);
                    contactsProduced++;
                }
            }
            producer.flush();
        }
        return produced;
    }

    /** Contacts (for the timeliness standards) produced by {@link #generate}; fixed ids, so a re-run adds none. */
    public long contactsProduced() {
        return contactsProduced;
    }

    static List<RatingSubmitted> ratings(JsonNode settings, LocalDate today, int days) {
        String council = settings.get("code").asText();
        Random random = new Random(council.hashCode());
        List<RatingSubmitted> ratings = new ArrayList<>();
        int serviceIndex = 0;
        for (Iterator<JsonNode> services = settings.get("services").elements(); services.hasNext(); serviceIndex++) {
            JsonNode service = services.next();
            String serviceCode = service.get("code").asText();
            Scale scale = Scale.fromCode(service.get("scale").asText()).orElseThrow();
            double level = SERVICE_LEVELS[(serviceIndex + Math.abs(council.hashCode())) % SERVICE_LEVELS.length];
            List<String> reasons = new ArrayList<>();
            service.get("reasons").forEach(r -> reasons.add(r.get("code").asText()));
            for (int d = days; d >= 1; d--) {
                LocalDate day = today.minusDays(d);
                boolean winterDip = serviceIndex == 0 && (day.getMonthValue() == 1 || day.getMonthValue() == 12);
                for (Channel channel : Channel.values()) {
                    int count = poisson(random, DAILY_RATINGS.get(channel));
                    for (int i = 0; i < count; i++) {
                        double p = Math.min(0.995, level + CHANNEL_SHIFT.get(channel) - (winterDip ? 0.08 : 0));
                        UUID id = UUID.nameUUIDFromBytes((council + ":" + serviceCode + ":" + channel + ":" + day + ":" + i).getBytes(StandardCharsets.UTF_8));
                        ratings.add(rating(random, id, council, serviceCode, channel, scale, p, reasons, settings.get("customerGroupQuestions"), day));
                    }
                }
            }
        }
        return ratings;
    }

    private static RatingSubmitted rating(Random random, UUID id, String council, String service, Channel channel, Scale scale,
                                          double satisfiedShare, List<String> reasons, JsonNode questions, LocalDate day) {
        boolean satisfied = random.nextDouble() < satisfiedShare;
        List<ScalePoint> candidates = scale.points().stream().filter(p -> p.satisfied() == satisfied).toList();
        // the happier answer is likelier among the satisfied, the milder among the rest
        ScalePoint point = satisfied ? candidates.get(candidates.size() - 1 - (random.nextDouble() < 0.7 ? 0 : Math.min(1, candidates.size() - 1)))
                : candidates.get(random.nextDouble() < 0.55 ? candidates.size() - 1 : random.nextInt(candidates.size()));
        List<String> chosen = new ArrayList<>();
        if (random.nextDouble() < 0.35) {
            chosen.add(satisfied ? reasons.get(random.nextInt(3)) : reasons.get(3 + random.nextInt(reasons.size() - 3)));
        }
        String comment = random.nextDouble() < 0.08
                ? (satisfied ? PRAISE.get(random.nextInt(PRAISE.size())) : COMPLAINTS.get(random.nextInt(COMPLAINTS.size())))
                : null;
        Map<KeyArea, Integer> keyAreas = new EnumMap<>(KeyArea.class);
        if (random.nextDouble() < 0.25) {
            int base = satisfied ? 4 : 2;
            for (KeyArea area : KeyArea.values()) {
                keyAreas.put(area, Math.max(1, Math.min(5, base + random.nextInt(3) - 1)));
            }
        }
        Map<String, String> customerGroup = new HashMap<>();
        if (random.nextDouble() < 0.6) {
            for (JsonNode question : questions) {
                JsonNode answers = question.get("answers");
                customerGroup.put(question.get("code").asText(), random.nextDouble() < 0.1
                        ? CustomerGroups.PREFER_NOT_TO_SAY : answers.get(random.nextInt(answers.size())).get("code").asText());
            }
        }
        ZonedDateTime at = day.atTime(8 + random.nextInt(10), random.nextInt(60), random.nextInt(60)).atZone(LONDON);
        String touchpoint = switch (channel) {
            case WEB -> "/" + service.replace('_', '-');
            case FACE_TO_FACE -> "kiosk-" + council + "-civic-centre";
            case PHONE -> "line-" + service.replace('_', '-');
        };
        return new RatingSubmitted(id, council, service, channel, touchpoint, scale, point.score(), chosen, comment, keyAreas,
                customerGroup, at.toInstant(), at.toInstant().plusSeconds(1), RatingSubmitted.SCHEMA_VERSION);
    }

    private static int poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(surveyService.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode());
        }
        return json.readTree(response.body());
    }
}
