package uk.civicpulse.analytics.trends;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.civicpulse.analytics.officers.Officer;
import uk.civicpulse.analytics.officers.OfficerRepository;
import uk.civicpulse.analytics.officers.PasswordHasher;
import uk.civicpulse.analytics.officers.Role;
import uk.civicpulse.events.Channel;
import uk.civicpulse.events.EventCodec;
import uk.civicpulse.events.KeyArea;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.events.Scale;
import uk.civicpulse.events.Topics;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestKafka;
import uk.civicpulse.testkit.TestProperties;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Targets, trends, control charts, funnels, key drivers and external surveys, computed through HTTP from ratings
 * that went through a real broker into a real database. Expected values come from R 4.2.2 and statsmodels 0.13.5
 * (commands beside each); the data they were computed from is the data produced below.
 */
@MicronautTest(transactional = false)
@Property(name = "flyway.datasources.default.locations", value = "classpath:db/migration,classpath:db/demo")
@Property(name = "civic-pulse.demo.officers", value = "true")
@Property(name = "civic-pulse.demo.password", value = "test-password")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsApiIT implements TestPropertyProvider {

    /** Satisfied of 40 libraries ratings on the web in each month January to June 2025; July has 20 of 40. (2025, so that SatisfactionApiIT, which shares the broker, sees none of them in its March 2026). */
    static final int[] LIBRARIES_SATISFIED = {28, 30, 32, 34, 36, 38};

    private final TestDatabase database = TestDatabase.create("analytics_statistics");
    private String officer;
    private String councilAdmin;
    private String platformAdmin;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    OfficerRepository officers;

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.of(database).newConsumerGroup("analytics-it").asMap();
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    private static Instant day(int month, int dayOfMonth) {
        return Instant.parse(String.format("2025-%02d-%02dT12:00:00Z", month, dayOfMonth));
    }

    private static RatingSubmitted rating(String council, String service, Channel channel, boolean satisfied,
                                          Map<KeyArea, Integer> keyAreas, Instant when) {
        return new RatingSubmitted(UUID.randomUUID(), council, service, channel, "/" + service, Scale.LIKERT_5, satisfied ? 5 : 2,
                List.of(), null, keyAreas, Map.of(), when, when, 1);
    }

    /**
     * The key-area answers of libraries rating i in month m (1-6): the same formulas as the R reference
     * (see {@link #keyDriversComeFromTheStoredKeyAreaRatings()}).
     */
    static Map<KeyArea, Integer> keyAreas(int month, int i, boolean satisfied) {
        Map<KeyArea, Integer> areas = new EnumMap<>(KeyArea.class);
        areas.put(KeyArea.DELIVERY, satisfied ? 4 + i % 2 : 1 + i % 3);
        areas.put(KeyArea.TIMELINESS, 1 + (i + month) % 5);
        areas.put(KeyArea.INFORMATION, 1 + (i * 7 + month) % 5);
        areas.put(KeyArea.ACCESS, 1 + (i * 3) % 5);
        areas.put(KeyArea.STAFF, satisfied ? 3 + i % 3 : 2 + i % 2);
        return areas;
    }

    @BeforeAll
    void produceRatings() {
        try (KafkaProducer<String, byte[]> producer = TestKafka.producer()) {
            java.util.function.Consumer<RatingSubmitted> send = r ->
                    producer.send(new ProducerRecord<>(Topics.RATINGS_V1.name(), r.council(), EventCodec.encode(r)));
            for (int month = 1; month <= 6; month++) {
                for (int i = 0; i < 40; i++) {
                    boolean satisfied = i < LIBRARIES_SATISFIED[month - 1];
                    send.accept(rating("westshire", "libraries", Channel.WEB, satisfied, keyAreas(month, i, satisfied), day(month, 10)));
                }
            }
            // July: a dip, 20 of 40, without key areas
            for (int i = 0; i < 40; i++) {
                send.accept(rating("westshire", "libraries", Channel.WEB, i < 20, Map.of(), day(7, 10)));
            }
            // highways by phone in March: 2 of 3
            for (boolean satisfied : new boolean[]{true, true, false}) {
                send.accept(rating("westshire", "highways", Channel.PHONE, satisfied, Map.of(), day(3, 5)));
            }
            // peers' libraries on the web in March: northmoor 45 of 50, eastbrook 15 of 30
            for (int i = 0; i < 50; i++) {
                send.accept(rating("northmoor", "libraries", Channel.WEB, i < 45, Map.of(), day(3, 12)));
            }
            for (int i = 0; i < 30; i++) {
                send.accept(rating("eastbrook", "libraries", Channel.WEB, i < 15, Map.of(), day(3, 12)));
            }
            producer.flush();
        }
        officers.save(new Officer("admin@westshire", PasswordHasher.hash("test-password"), "westshire", Role.COUNCIL_ADMIN));
        officer = login("officer@westshire");
        councilAdmin = login("admin@westshire");
        platformAdmin = login("admin@civic-pulse");
        await().atMost(90, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(300)).until(() ->
                total("westshire") == 283 && total("northmoor") == 50 && total("eastbrook") == 30);
    }

    private String login(String username) {
        Map<?, ?> login = client.toBlocking().retrieve(HttpRequest.POST("/login",
                Map.of("username", username, "password", "test-password")), Map.class);
        return (String) login.get("access_token");
    }

    @SuppressWarnings("unchecked")
    private long total(String council) {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) get("/api/v1/councils/" + council
                + "/satisfaction?from=2025-01-01&to=2025-07-31", platformAdmin).get("rows");
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("n")).longValue();
    }

    private Map<String, Object> get(String path, String token) {
        return client.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token), Argument.mapOf(String.class, Object.class));
    }

    private Map<String, Object> send(MutableHttpRequest<?> request, String token) {
        return client.toBlocking().retrieve(request.bearerAuth(token), Argument.mapOf(String.class, Object.class));
    }

    private static double number(Object o) {
        return ((Number) o).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, String service, String channel) {
        return rows.stream().filter(r -> r.get("service").equals(service) && r.get("channel").equals(channel)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + service + "/" + channel + " in " + rows));
    }

    @Test
    void targetStatusJudgesEachServiceAndChannelAgainstItsDemoTarget() {
        Map<String, Object> report = get("/api/v1/councils/westshire/targets/status?from=2025-01-01&to=2025-06-30", officer);
        List<Map<String, Object>> rows = list(report.get("rows"));
        // libraries/web has its own 97% target; highways/phone falls back to highways' 90% for all channels;
        // social_care, schools and registrars have targets but no responses
        assertEquals(5, rows.size(), rows.toString());
        Map<String, Object> libraries = row(rows, "libraries", "web");
        assertEquals(240, number(libraries.get("n")));
        assertEquals(198, number(libraries.get("satisfied")));
        assertEquals(0.97, number(libraries.get("target")), 1e-15);
        assertEquals("web", libraries.get("targetChannel"));
        assertEquals("not_met", libraries.get("status"));
        // R 4.2.2: prop.test(198, 240, correct=FALSE)$conf.int -> 0.771914500548311 0.867845451489676
        assertEquals(0.771914500548311, number(libraries.get("lower")), 1e-12);
        assertEquals(0.867845451489676, number(libraries.get("upper")), 1e-12);
        // R 4.2.2: pbeta(.97, 198.5, 42.5, lower.tail=FALSE) -> 1.69157738512074e-20
        assertEquals(1.69157738512074e-20, number(libraries.get("probabilityAtOrAbove")), 1e-25);
        assertEquals(0, number(libraries.get("moreResponsesNeeded")));

        Map<String, Object> highways = row(rows, "highways", "phone");
        assertEquals("all", highways.get("targetChannel"));
        assertEquals(0.90, number(highways.get("target")), 1e-15);
        assertEquals("too_close_to_call", highways.get("status"));
        assertEquals("too few responses", highways.get("label"));
        // R 4.2.2: prop.test(2, 3, correct=FALSE)$conf.int -> 0.207659600802048 0.938508055279604
        assertEquals(0.207659600802048, number(highways.get("lower")), 1e-12);
        assertEquals(0.938508055279604, number(highways.get("upper")), 1e-12);
        // R 4.2.2: pbeta(.9, 2.5, 1.5, lower.tail=FALSE) -> 0.0978806429413797
        assertEquals(0.0978806429413797, number(highways.get("probabilityAtOrAbove")), 1e-12);
        // R 4.2.2: z <- qnorm(.975); wu <- function(p,m) (p + z^2/(2*m) + z*sqrt(p*(1-p)/m + z^2/(4*m^2)))/(1+z^2/m);
        //          m <- 3; while (wu(2/3, m) >= .9) m <- m + 1; m - 3  -> 4
        assertEquals(4, number(highways.get("moreResponsesNeeded")));

        Map<String, Object> schools = row(rows, "schools", "all");
        assertEquals("no_responses", schools.get("status"));
        assertEquals(0, number(schools.get("n")));
        assertNull(schools.get("proportion"));
        assertEquals("wilson", report.get("intervalMethod"));
        assertEquals("jeffreys_beta_posterior", report.get("probabilityMethod"));
    }

    @Test
    void councilAdminsSetTargetsThatOfficersOnlyRead() {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> send(
                HttpRequest.PUT("/api/v1/councils/westshire/targets/registrars/web", Map.of("target", 0.9)), officer));
        assertEquals(HttpStatus.FORBIDDEN, refused.getStatus());
        Map<String, Object> saved = send(HttpRequest.PUT("/api/v1/councils/westshire/targets/registrars/web", Map.of("target", 0.9)), councilAdmin);
        assertEquals(0.9, number(saved.get("target")), 1e-15);
        assertEquals("admin@westshire", saved.get("updatedBy"));
        List<Map<String, Object>> targets = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/councils/westshire/targets").bearerAuth(officer),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertTrue(targets.stream().anyMatch(t -> t.get("service").equals("registrars") && t.get("channel").equals("web")), targets.toString());
        for (Object bad : List.of(95, -0.1)) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> send(
                    HttpRequest.PUT("/api/v1/councils/westshire/targets/registrars/web", Map.of("target", bad)), councilAdmin));
            assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
            assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        }
        HttpClientResponseException badChannel = assertThrows(HttpClientResponseException.class, () -> send(
                HttpRequest.PUT("/api/v1/councils/westshire/targets/registrars/carrier_pigeon", Map.of("target", 0.9)), councilAdmin));
        assertEquals(HttpStatus.BAD_REQUEST, badChannel.getStatus());
        HttpClientResponseException otherCouncil = assertThrows(HttpClientResponseException.class, () -> send(
                HttpRequest.PUT("/api/v1/councils/northmoor/targets/waste/web", Map.of("target", 0.9)), councilAdmin));
        assertEquals(HttpStatus.FORBIDDEN, otherCouncil.getStatus());
        assertEquals(HttpStatus.NO_CONTENT, client.toBlocking().exchange(
                HttpRequest.DELETE("/api/v1/councils/westshire/targets/registrars/web").bearerAuth(platformAdmin)).getStatus());
    }

    @Test
    void trendGivesTheChangeBetweenTheLastTwoMonthsAndACochranArmitageTest() {
        Map<String, Object> report = get("/api/v1/councils/westshire/trend?service=libraries&channel=web&period=month&from=2025-01-01&to=2025-06-30", officer);
        List<Map<String, Object>> series = list(report.get("series"));
        assertEquals(6, series.size());
        assertEquals("2025-06-01", series.get(5).get("from"));
        assertEquals(38, number(series.get(5).get("satisfied")));
        // R 4.2.2: prop.test(38, 40, correct=FALSE)$conf.int -> 0.83496122630859 0.986179332613852
        assertEquals(0.83496122630859, number(series.get(5).get("lower")), 1e-12);
        assertEquals(0.986179332613852, number(series.get(5).get("upper")), 1e-12);
        Map<String, Object> change = map(report.get("change"));
        assertEquals(0.05, number(change.get("difference")), 1e-15);
        // statsmodels 0.13.5: confint_proportions_2indep(38, 40, 36, 40, method='newcomb', compare='diff')
        //   -> (-0.0799405741354077, 0.18543938779897143)
        assertEquals(-0.0799405741354077, number(change.get("lower")), 1e-12);
        assertEquals(0.18543938779897143, number(change.get("upper")), 1e-12);
        assertEquals("newcombe_hybrid_score", change.get("method"));
        Map<String, Object> trend = map(report.get("trend"));
        // R 4.2.2: prop.trend.test(c(28,30,32,34,36,38), rep(40,6)) -> X-squared 12.1212121212121, p 0.000498514893575207
        assertEquals(12.1212121212121, number(trend.get("chiSquared")), 1e-10);
        assertEquals(0.000498514893575207, number(trend.get("pValue")), 1e-12);
        assertEquals("improving", trend.get("direction"));
        assertEquals("cochran_armitage", trend.get("method"));
    }

    @Test
    void trendOffersALogisticRegressionSlopeAndNamesTheVariant() {
        Map<String, Object> report = get("/api/v1/councils/westshire/trend?service=libraries&channel=web&period=month"
                + "&from=2025-01-01&to=2025-06-30&method=logistic", officer);
        Map<String, Object> trend = map(report.get("trend"));
        assertEquals("logistic_regression_wald", trend.get("method"));
        // R 4.2.2: s <- c(28,30,32,34,36,38); m <- rep(40,6); t <- 1:6
        //   co <- summary(glm(cbind(s, m - s) ~ t, family=binomial))$coefficients["t", ]; co[1] + c(-1,1)*qnorm(.975)*co[2]
        //   -> slope 0.369481167684766, se 0.109652346104986, p 0.000752857859623817, [0.154566518498672, 0.58439581687086]
        assertEquals(0.369481167684766, number(trend.get("slope")), 1e-9);
        assertEquals(0.109652346104986, number(trend.get("standardError")), 1e-9);
        assertEquals(0.000752857859623817, number(trend.get("pValue")), 1e-12);
        assertEquals(0.154566518498672, number(trend.get("lower")), 1e-9);
        assertEquals(0.58439581687086, number(trend.get("upper")), 1e-9);
        assertEquals("improving", trend.get("direction"));
        assertEquals("cochran_armitage", map(get("/api/v1/councils/westshire/trend?service=libraries&from=2025-01-01&to=2025-06-30"
                + "&method=cochran-armitage", officer).get("trend")).get("method"));
        // one month: a labelled result, not an error
        Map<String, Object> one = map(get("/api/v1/councils/westshire/trend?service=libraries&from=2025-03-01&to=2025-03-31&method=logistic",
                officer).get("trend"));
        assertEquals("too few periods", one.get("label"));
        assertNull(one.get("slope"));
        HttpClientResponseException bad = assertThrows(HttpClientResponseException.class, () -> get(
                "/api/v1/councils/westshire/trend?from=2025-01-01&to=2025-06-30&method=probit", officer));
        assertEquals(HttpStatus.BAD_REQUEST, bad.getStatus());
        assertTrue(bad.getResponse().getBody(String.class).orElse("").contains("'method'"));
    }

    @Test
    void controlChartFlagsTheJulyDipAndNamesEachRule() {
        Map<String, Object> chart = get("/api/v1/councils/westshire/control-chart?service=libraries&channel=web"
                + "&baselineFrom=2025-01-01&baselineTo=2025-03-31&from=2025-01-01&to=2025-07-31", officer);
        assertEquals(0.75, number(chart.get("centre")), 1e-15);
        List<Map<String, Object>> points = list(chart.get("points"));
        assertEquals(7, points.size());
        // R 4.2.2: pbar <- 90/120; s <- sqrt(pbar*(1-pbar)/40); c(s, pbar-3*s, pbar+3*s)
        //   -> 0.0684653196881458 0.544604040935563 0.955395959064437
        for (Map<String, Object> p : points) {
            assertEquals(0.0684653196881458, number(p.get("sigma")), 1e-12);
            assertEquals(0.544604040935563, number(p.get("lower")), 1e-12);
            assertEquals(0.955395959064437, number(p.get("upper")), 1e-12);
        }
        List<Map<String, Object>> alerts = list(chart.get("alerts"));
        // by hand: April-June (0.85, 0.90, 0.95) are all above the centre and May and June are beyond 2 sigma (0.887)
        // but inside 3 sigma; July (0.5) is below the lower limit
        assertEquals(2, alerts.size(), alerts.toString());
        assertEquals("two_of_three_near_limit", alerts.get(0).get("rule"));
        assertEquals("high", alerts.get(0).get("direction"));
        assertEquals("2025-04-01", alerts.get(0).get("from"));
        assertEquals("2025-06-30", alerts.get(0).get("to"));
        assertEquals("point_beyond_limits", alerts.get(1).get("rule"));
        assertEquals("low", alerts.get(1).get("direction"));
        assertEquals("2025-07-01", alerts.get(1).get("from"));
    }

    @Test
    void funnelPlacesEachPeerCouncilAgainstSpiegelhalterLimits() {
        Map<String, Object> report = get("/api/v1/councils/westshire/funnel?service=libraries&from=2025-01-01&to=2025-07-31", officer);
        List<Map<String, Object>> groups = list(report.get("peerGroups"));
        assertEquals(1, groups.size());
        Map<String, Object> group = groups.get(0);
        assertEquals("demo-all", group.get("code"));
        assertEquals(278.0 / 360, number(group.get("peerValue")), 1e-15);
        Map<String, Map<String, Object>> byCouncil = new HashMap<>();
        list(group.get("councils")).forEach(c -> byCouncil.put((String) c.get("council"), c));
        assertEquals(4, byCouncil.size());
        // R 4.2.2: th <- 278/360; lim <- function(P,n,th){ r <- qbinom(P,n,th);
        //   a <- (pbinom(r,n,th)-P)/(pbinom(r,n,th)-pbinom(r-1,n,th)); (r-a)/n }
        //   c(lim(.025,n,th), lim(.975,n,th), lim(.001,n,th), lim(.999,n,th))
        double[][] expected = {
                {280, 0.720355847961485, 0.818658091102033, 0.690310744355754, 0.84503539177427},
                {50, 0.641206102359375, 0.873974335075756, 0.564729909521147, 0.928557811562563},
                {30, 0.597889788655486, 0.896607284903226, 0.499648211803965, 0.961649053112907}};
        String[] councils = {"westshire", "northmoor", "eastbrook"};
        String[][] positions = {{"inside", "inside"}, {"above", "inside"}, {"below", "inside"}};
        for (int i = 0; i < councils.length; i++) {
            Map<String, Object> point = byCouncil.get(councils[i]);
            assertEquals(expected[i][0], number(point.get("n")));
            Map<String, Object> limits = map(point.get("limits"));
            assertEquals(expected[i][1], number(limits.get("lower95")), 1e-9);
            assertEquals(expected[i][2], number(limits.get("upper95")), 1e-9);
            assertEquals(expected[i][3], number(limits.get("lower998")), 1e-9);
            assertEquals(expected[i][4], number(limits.get("upper998")), 1e-9);
            assertEquals(positions[i][0], point.get("position95"), councils[i]);
            assertEquals(positions[i][1], point.get("position998"), councils[i]);
        }
        assertEquals(true, byCouncil.get("westshire").get("you"));
        assertEquals("no_responses", byCouncil.get("cwm-tawel").get("position95"));
        assertTrue(list(group.get("curve")).size() > 20);
        // aggregates only: nothing in the answer carries another council's comments or ratings
        assertTrue(!report.toString().contains("comment"), report.toString());
    }

    @Test
    void keyDriversComeFromTheStoredKeyAreaRatings() {
        Map<String, Object> report = get("/api/v1/councils/westshire/key-drivers?service=libraries&channel=web&from=2025-01-01&to=2025-07-31", officer);
        Map<String, Object> analysis = map(report.get("analysis"));
        // July's ratings gave no key areas: only January to June's 240 count
        assertEquals(240, number(analysis.get("n")));
        /*
         * R 4.2.2, the same ratings:
         * s <- c(28,30,32,34,36,38); rows <- NULL
         * for (mo in 1:6) for (i in 0:39) { sat <- i < s[mo]
         *   rows <- rbind(rows, c(ifelse(sat,100,25), ifelse(sat, 4 + i%%2, 1 + i%%3), 1 + (i+mo)%%5,
         *                         1 + (i*7+mo)%%5, 1 + (i*3)%%5, ifelse(sat, 3 + i%%3, 2 + i%%2))) }
         * d <- as.data.frame(rows); names(d) <- c("overall","delivery","timeliness","information","access","staff")
         * cor.test(d$delivery, d$overall)  -> 0.859682535120515 [0.822602370717205, 0.889482073213253]
         * cor.test(d$staff, d$overall)     -> 0.589564501843665 [0.500284046400048, 0.666440311908591]
         * m <- lm(overall ~ delivery + timeliness + information + access + staff, data=d); cbind(coef(m), confint(m))
         */
        Map<String, Object> delivery = list(analysis.get("correlations")).get(0);
        assertEquals("delivery", delivery.get("area"));
        assertEquals(0.859682535120515, number(delivery.get("r")), 1e-12);
        assertEquals(0.822602370717205, number(delivery.get("lower")), 1e-12);
        assertEquals(0.889482073213253, number(delivery.get("upper")), 1e-12);
        Map<String, Object> staff = list(analysis.get("correlations")).get(4);
        assertEquals(0.589564501843665, number(staff.get("r")), 1e-12);
        assertEquals(0.500284046400048, number(staff.get("lower")), 1e-12);
        List<Map<String, Object>> coefficients = list(map(analysis.get("regression")).get("coefficients"));
        double[][] expected = {
                {-13.496192200445206, -23.78611828581778, -3.206266115072635},
                {19.062154929548342, 17.27538989428785, 20.848919964808836},
                {-0.255780708078751, -1.49727255483410, 0.985711138676597},
                {0.102802110533361, -1.14176521006011, 1.347369431126832},
                {-0.149402628329653, -1.39371453838123, 1.094909281721928},
                {6.449410822269157, 4.34101696985911, 8.557804674679208}};
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j][0], number(coefficients.get(j).get("estimate")), 1e-9);
            assertEquals(expected[j][1], number(coefficients.get(j).get("lower")), 1e-9);
            assertEquals(expected[j][2], number(coefficients.get(j).get("upper")), 1e-9);
        }
        // R: summary(m)$r.squared -> 0.774884644518445
        assertEquals(0.774884644518445, number(map(analysis.get("regression")).get("rSquared")), 1e-12);

        Map<String, Object> few = get("/api/v1/councils/westshire/key-drivers?service=highways&from=2025-01-01&to=2025-07-31", officer);
        assertEquals("too few responses", map(few.get("analysis")).get("label"));
    }

    @Test
    void externalSurveysGetTheSameStatisticsAndATrendAcrossWaves() {
        String path = "/api/v1/councils/westshire/external-surveys";
        long[][] waves = {{2024, 300, 400}, {2025, 330, 410}, {2026, 350, 400}};
        Map<String, Object> last = null;
        for (long[] w : waves) {
            Map<String, Object> body = new HashMap<>(Map.of("title", "Residents' survey", "wave", String.valueOf(w[0]),
                    "fieldedFrom", w[0] + "-02-01", "fieldedTo", w[0] + "-03-15", "respondents", w[2], "satisfied", w[1], "target", 0.9));
            if (w[0] == 2026) {
                body.put("groups", List.of(Map.of("question", "age_band", "answer", "65_74", "respondents", 100, "satisfied", 80)));
            }
            last = send(HttpRequest.POST(path, body), officer);
        }
        Map<String, Object> estimate = map(last.get("estimate"));
        // R 4.2.2: prop.test(350, 400, correct=FALSE)$conf.int -> 0.838980902486042 0.903884876763236
        assertEquals(0.838980902486042, number(estimate.get("lower")), 1e-12);
        assertEquals(0.903884876763236, number(estimate.get("upper")), 1e-12);
        Map<String, Object> target = map(last.get("target"));
        assertEquals("too_close_to_call", target.get("status"));
        // R 4.2.2: pbeta(.9, 350.5, 50.5, lower.tail=FALSE) -> 0.0513364571174307
        assertEquals(0.0513364571174307, number(target.get("probabilityAtOrAbove")), 1e-12);
        Map<String, Object> group = map(list(last.get("groups")).get(0).get("estimate"));
        // R 4.2.2: prop.test(80, 100, correct=FALSE)$conf.int -> 0.711170834406841 0.866633066668967
        assertEquals(0.711170834406841, number(group.get("lower")), 1e-12);

        Map<String, Object> listing = get(path, officer);
        // other tests add surveys with other titles
        assertEquals(3, list(listing.get("surveys")).stream().filter(x -> "Residents' survey".equals(map(x.get("survey")).get("title"))).count());
        Map<String, Object> trends = list(listing.get("trends")).stream().filter(x -> "Residents' survey".equals(x.get("title"))).findFirst().orElseThrow();
        assertEquals(3, number(trends.get("waves")));
        Map<String, Object> change = map(trends.get("change"));
        // statsmodels 0.13.5: confint_proportions_2indep(350, 400, 330, 410, method='newcomb', compare='diff')
        //   -> (0.019579932300228045, 0.12036988390401919)
        assertEquals(0.019579932300228045, number(change.get("lower")), 1e-12);
        assertEquals(0.12036988390401919, number(change.get("upper")), 1e-12);
        Map<String, Object> trend = map(trends.get("trend"));
        // R 4.2.2: prop.trend.test(c(300,330,350), c(400,410,400)) -> X-squared 20.2986357586513, p 6.62478032213934e-06
        assertEquals(20.2986357586513, number(trend.get("chiSquared")), 1e-10);
        assertEquals(6.62478032213934e-06, number(trend.get("pValue")), 1e-12);
        assertEquals("improving", trend.get("direction"));

        HttpClientResponseException duplicate = assertThrows(HttpClientResponseException.class, () -> send(HttpRequest.POST(path,
                Map.of("title", "Residents' survey", "wave", "2026", "fieldedFrom", "2025-02-01", "fieldedTo", "2025-03-15",
                        "respondents", 10, "satisfied", 5)), officer));
        assertEquals(HttpStatus.CONFLICT, duplicate.getStatus());
        assertEquals("application/problem+json", duplicate.getResponse().getContentType().orElseThrow().toString());
        HttpClientResponseException otherCouncil = assertThrows(HttpClientResponseException.class,
                () -> get("/api/v1/councils/northmoor/external-surveys", officer));
        assertEquals(HttpStatus.FORBIDDEN, otherCouncil.getStatus());
    }

    /**
     * Group counts with population shares give % satisfied post-stratified to them, with the Wilson interval at
     * Kish's effective n. Reference, R 4.2.2 with survey (microdata expanded from the group counts):
     * <pre>
     * library(survey)
     * g <- c("16_34","35_64","65_plus"); n <- c(100,200,100); s <- c(70,160,90)
     * d <- data.frame(q=rep(rep(g,2), c(s, n-s)), y=rep(c(1,0), c(sum(s), sum(n-s))))
     * des <- postStratify(svydesign(ids=~1, data=d), ~q, data.frame(q=g, Freq=400*c(0.3,0.5,0.2)))
     * m <- svymean(~y, des); w <- weights(des); w <- w/mean(w)
     * neff <- sum(w)^2/sum(w^2); p <- coef(m)[[1]]; z <- qnorm(0.975); c0 <- p*neff
     * (c0 + z^2/2 + c(-1,1)*z*sqrt(c0*(neff-c0)/neff + z^2/4))/(neff+z^2)
     * -> p 0.79, neff 392.156862745098, deff 1.02, interval 0.746971635303328 0.827401961768516
     * </pre>
     * The tenure question uses the council's stored shares (owner 0.6, renter 0.4) on groups 100 of 150 and 200 of
     * 250: R as above with g <- c("owner","renter"); n <- c(150,250); s <- c(100,200); Freq=400*c(0.6,0.4)
     * -> p 0.72, neff 328.947368421053, deff 1.216, interval 0.669153503862324 0.765767473818583
     */
    @Test
    void groupCountsWithPopulationSharesGetAPostStratifiedFigure() {
        client.toBlocking().exchange(HttpRequest.PUT("/api/v1/councils/westshire/population-shares/tenure",
                Map.of("shares", Map.of("owner", 0.6, "renter", 0.4))).bearerAuth(councilAdmin));
        String path = "/api/v1/councils/westshire/external-surveys";
        Map<String, Object> body = new HashMap<>(Map.of("title", "Weighted residents' survey", "wave", "2026",
                "fieldedFrom", "2026-02-01", "fieldedTo", "2026-03-15", "respondents", 400, "satisfied", 300,
                "groups", List.of(
                        Map.of("question", "age_band", "answer", "16_34", "respondents", 100, "satisfied", 70),
                        Map.of("question", "age_band", "answer", "35_64", "respondents", 200, "satisfied", 160),
                        Map.of("question", "age_band", "answer", "65_plus", "respondents", 100, "satisfied", 90),
                        Map.of("question", "tenure", "answer", "owner", "respondents", 150, "satisfied", 100),
                        Map.of("question", "tenure", "answer", "renter", "respondents", 250, "satisfied", 200)),
                "populationShares", Map.of("age_band", Map.of("16_34", 0.3, "35_64", 0.5, "65_plus", 0.2))));
        Map<String, Object> created = send(HttpRequest.POST(path, body), officer);
        List<Map<String, Object>> weighted = list(created.get("weighted"));
        assertEquals(2, weighted.size());
        Map<String, Object> age = weighted.stream().filter(w -> w.get("question").equals("age_band")).findFirst().orElseThrow();
        assertEquals("request", age.get("sharesFrom"));
        assertEquals("post-stratification", age.get("weighting"));
        assertEquals("wilson", age.get("method"));
        assertEquals(400, number(age.get("n")));
        assertEquals(0.79, number(age.get("proportion")), 1e-9);
        assertEquals(392.156862745098, number(age.get("effectiveN")), 1e-9);
        assertEquals(1.02, number(age.get("designEffect")), 1e-9);
        assertEquals(0.746971635303328, number(age.get("lower")), 1e-9);
        assertEquals(0.827401961768516, number(age.get("upper")), 1e-9);
        Map<String, Object> tenure = weighted.stream().filter(w -> w.get("question").equals("tenure")).findFirst().orElseThrow();
        assertEquals("council", tenure.get("sharesFrom"));
        assertEquals(0.72, number(tenure.get("proportion")), 1e-9);
        assertEquals(328.947368421053, number(tenure.get("effectiveN")), 1e-9);
        assertEquals(1.216, number(tenure.get("designEffect")), 1e-9);
        assertEquals(0.669153503862324, number(tenure.get("lower")), 1e-9);
        assertEquals(0.765767473818583, number(tenure.get("upper")), 1e-9);

        // the listing weights with the council's stored shares only (shares given with a submission are not stored)
        Map<String, Object> listed = list(get(path + "?title=Weighted%20residents%27%20survey", officer).get("surveys")).get(0);
        List<Map<String, Object>> listedWeighted = list(listed.get("weighted"));
        Map<String, Object> listedTenure = listedWeighted.stream().filter(w -> w.get("question").equals("tenure")).findFirst().orElseThrow();
        assertEquals(0.72, number(listedTenure.get("proportion")), 1e-9);
        // westshire's demo data stores age_band shares too: the listing uses them, not the ones given with the submission
        assertEquals(2, listedWeighted.size());
        listedWeighted.stream().filter(w -> w.get("question").equals("age_band"))
                .forEach(w -> assertEquals("council", w.get("sharesFrom")));

        // shares that do not sum to 1, or that lack an answer with respondents, are refused naming the field
        for (Map<String, Object> shares : List.<Map<String, Object>>of(
                Map.of("age_band", Map.of("16_34", 0.3, "35_64", 0.5, "65_plus", 0.1)),
                Map.of("age_band", Map.of("16_34", 0.5, "35_64", 0.5)))) {
            Map<String, Object> bad = new HashMap<>(body);
            bad.put("wave", "bad");
            bad.put("populationShares", shares);
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> send(HttpRequest.POST(path, bad), officer));
            assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
            assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
            assertTrue(e.getResponse().getBody(String.class).orElse("").contains("populationShares"));
        }
    }

    /**
     * Group counts get each group against the rest, the overall chi-square and Benjamini-Hochberg across the five
     * comparisons of the wave; with population shares, the goodness of fit; with a population size, the finite
     * population correction. Reference, R 4.2.2:
     * <pre>
     * options(digits=15)
     * p <- c(prop.test(c(70, 250), c(100, 300), correct=FALSE)$p.value,   # 16_34 against 35_64 and 65_plus
     *        prop.test(c(160, 160), c(200, 200), correct=FALSE)$p.value,  # 35_64
     *        prop.test(c(90, 230), c(100, 300), correct=FALSE)$p.value,   # 65_plus
     *        prop.test(c(100, 200), c(150, 250), correct=FALSE)$p.value,  # owner
     *        prop.test(c(200, 100), c(250, 150), correct=FALSE)$p.value)  # renter
     * -> 0.00389241712277863 0.99999999999999878 0.00389241712277862 0.00286911279207662 0.00286911279207662
     * p.adjust(p, "BH") -> 0.00486552140347329 0.99999999999999878 0.00486552140347329 (x3)
     * chisq.test(cbind(c(70,160,90), c(30,40,10)), correct=FALSE) -> X-squared 12.5, df 2, p 0.00193045413622771
     * chisq.test(cbind(c(100,200), c(50,50)), correct=FALSE)    -> X-squared 8.88888888888889, df 1, p 0.00286911279207662
     * r <- chisq.test(c(100,200,100), p=c(.3,.5,.2)) -> X-squared 8.33333333333333, df 2, p 0.0155038535990093,
     *      r$stdres -2.18217890235992 0 2.5
     * r <- chisq.test(c(150,250), p=c(.6,.4))        -> X-squared 84.375, df 1, p 4.09290622782616e-20,
     *      r$stdres -9.18558653543692 9.18558653543692
     * neff <- 400*4999/4600; prop.test(300/400*neff, neff, correct=FALSE)$conf.int -> 0.707223845302522 0.788396298666615
     * sqrt(.75*.25*(5000-400)/(5000-1)/400) -> 0.0207686366248112
     * </pre>
     */
    @Test
    void groupCountsGetGroupDifferencesRepresentativenessAndTheFinitePopulationCorrection() {
        String path = "/api/v1/councils/westshire/external-surveys";
        Map<String, Object> body = new HashMap<>(Map.of("title", "Compared residents' survey", "wave", "2026",
                "fieldedFrom", "2026-02-01", "fieldedTo", "2026-03-15", "respondents", 400, "satisfied", 300, "population", 5000,
                "groups", List.of(
                        Map.of("question", "age_band", "answer", "16_34", "respondents", 100, "satisfied", 70),
                        Map.of("question", "age_band", "answer", "35_64", "respondents", 200, "satisfied", 160),
                        Map.of("question", "age_band", "answer", "65_plus", "respondents", 100, "satisfied", 90),
                        Map.of("question", "tenure", "answer", "owner", "respondents", 150, "satisfied", 100),
                        Map.of("question", "tenure", "answer", "renter", "respondents", 250, "satisfied", 200)),
                "populationShares", Map.of("age_band", Map.of("16_34", 0.3, "35_64", 0.5, "65_plus", 0.2),
                        "tenure", Map.of("owner", 0.6, "renter", 0.4))));
        Map<String, Object> submitted = send(HttpRequest.POST(path, body), officer);
        Map<String, Object> listed = list(get(path + "?title=Compared%20residents%27%20survey", officer).get("surveys")).get(0);
        // the population is stored with the wave, so the listing corrects the interval too; group differences need no shares
        for (Map<String, Object> figures : List.of(submitted, listed)) {
            assertEquals(5000, number(map(figures.get("survey")).get("population")));
            Map<String, Object> estimate = map(figures.get("estimate"));
            assertEquals(true, estimate.get("finitePopulationCorrected"));
            assertEquals(5000, number(estimate.get("population")));
            assertEquals(0.707223845302522, number(estimate.get("lower")), 1e-12);
            assertEquals(0.788396298666615, number(estimate.get("upper")), 1e-12);
            assertEquals(0.0207686366248112, number(estimate.get("standardError")), 1e-12);

            List<Map<String, Object>> differences = list(figures.get("differences"));
            assertEquals(2, differences.size());
            Map<String, Object> age = differences.get(0);
            assertEquals("age_band", age.get("question"));
            assertEquals("benjamini_hochberg", age.get("adjustment"));
            assertEquals(12.5, number(map(age.get("overall")).get("statistic")), 1e-10);
            assertEquals(2, number(map(age.get("overall")).get("df")));
            assertEquals(0.00193045413622771, number(map(age.get("overall")).get("pValue")), 1e-14);
            List<Map<String, Object>> ages = list(age.get("groups"));
            double[] p = {0.00389241712277863, 0.99999999999999878, 0.00389241712277862};
            double[] adjusted = {0.00486552140347329, 0.99999999999999878, 0.00486552140347329};
            boolean[] flagged = {true, false, true};
            for (int g = 0; g < 3; g++) {
                assertEquals(p[g], number(ages.get(g).get("pValue")), 1e-14);
                assertEquals(adjusted[g], number(ages.get(g).get("adjustedPValue")), 1e-14);
                assertEquals(flagged[g], ages.get(g).get("significant"));
            }
            assertEquals(300, number(ages.get(0).get("restN")));
            Map<String, Object> tenure = differences.get(1);
            assertEquals(8.88888888888889, number(map(tenure.get("overall")).get("statistic")), 1e-10);
            assertEquals(0.00486552140347329, number(list(tenure.get("groups")).get(0).get("adjustedPValue")), 1e-14);
        }
        // representativeness uses the shares given with the submission; the listing, only the council's stored ones
        {
            Map<String, Object> figures = submitted;
            List<Map<String, Object>> profile = list(figures.get("representativeness"));
            assertEquals(2, profile.size());
            Map<String, Object> ageFit = profile.get(0);
            assertEquals("request", ageFit.get("sharesFrom"));
            assertEquals(8.33333333333333, number(ageFit.get("statistic")), 1e-10);
            assertEquals(0.0155038535990093, number(ageFit.get("pValue")), 1e-14);
            // groups come in the order of the shares, which a JSON object does not fix: find them by answer
            Map<String, Map<String, Object>> ageGroups = new HashMap<>();
            list(ageFit.get("groups")).forEach(g -> ageGroups.put((String) g.get("answer"), g));
            assertEquals(-2.18217890235992, number(ageGroups.get("16_34").get("standardisedResidual")), 1e-12);
            assertEquals("under", ageGroups.get("16_34").get("representation"));
            assertEquals(0.25 / 0.3, number(ageGroups.get("16_34").get("ratio")), 1e-12);
            assertEquals(0, number(ageGroups.get("35_64").get("standardisedResidual")), 1e-12);
            assertNull(ageGroups.get("35_64").get("representation"));
            assertEquals(2.5, number(ageGroups.get("65_plus").get("standardisedResidual")), 1e-12);
            assertEquals("over", ageGroups.get("65_plus").get("representation"));
            Map<String, Object> tenureFit = profile.get(1);
            assertEquals(84.375, number(tenureFit.get("statistic")), 1e-10);
            assertEquals(4.09290622782616e-20, number(tenureFit.get("pValue")), 1e-30);
            Map<String, Object> owner = list(tenureFit.get("groups")).stream().filter(g -> g.get("answer").equals("owner")).findFirst().orElseThrow();
            assertEquals(-9.18558653543692, number(owner.get("standardisedResidual")), 1e-12);
            assertEquals("under", owner.get("representation"));
        }
        // westshire's demo data store age_band shares: the listing tests against those
        Map<String, Object> listedAge = list(listed.get("representativeness")).stream()
                .filter(q -> q.get("question").equals("age_band")).findFirst().orElseThrow();
        assertEquals("council", listedAge.get("sharesFrom"));

        Map<String, Object> small = new HashMap<>(body);
        small.put("wave", "small population");
        small.put("population", 399);
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> send(HttpRequest.POST(path, small), officer));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        assertTrue(e.getResponse().getBody(String.class).orElse("").contains("population"));
    }

    /**
     * A wave with a benchmark (here a made-up national figure of 81%) is placed on Spiegelhalter's funnel limits
     * around it. Reference, R 4.2.2:
     * <pre>
     * lim <- function(P, n, th) { r <- qbinom(P, n, th); a <- (pbinom(r, n, th) - P)/(pbinom(r, n, th) - pbinom(r-1, n, th)); (r - a)/n }
     * sapply(c(0.025, 0.975, 0.001, 0.999), lim, n=400, th=0.81)
     * -> 0.769570511597436 0.846495557170722 0.745973389097516 0.867059360736573
     * </pre>
     * so 300 of 400 (0.75) is below the 95% limits and inside the 99.8% ones.
     */
    @Test
    void aWaveWithABenchmarkIsPlacedOnFunnelLimitsAroundIt() {
        String path = "/api/v1/councils/westshire/external-surveys";
        Map<String, Object> body = Map.of("title", "Benchmarked survey", "wave", "2026", "fieldedFrom", "2026-02-01",
                "fieldedTo", "2026-03-15", "respondents", 400, "satisfied", 300, "benchmark", 0.81,
                "benchmarkSource", "national residents' survey");
        Map<String, Object> funnel = map(send(HttpRequest.POST(path, body), officer).get("funnel"));
        assertEquals(0.81, number(funnel.get("benchmark")), 0);
        assertEquals("national residents' survey", funnel.get("benchmarkSource"));
        assertEquals(0.769570511597436, number(funnel.get("lower95")), 1e-12);
        assertEquals(0.846495557170722, number(funnel.get("upper95")), 1e-12);
        assertEquals(0.745973389097516, number(funnel.get("lower998")), 1e-12);
        assertEquals(0.867059360736573, number(funnel.get("upper998")), 1e-12);
        assertEquals("below", funnel.get("within95"));
        assertEquals("inside", funnel.get("within998"));
        assertEquals("spiegelhalter_exact_binomial_interpolated", funnel.get("method"));

        // stored with the wave: the listing places it too; a wave without a benchmark has no funnel
        Map<String, Object> listed = list(get(path + "?title=Benchmarked%20survey", officer).get("surveys")).get(0);
        assertEquals("below", map(listed.get("funnel")).get("within95"));
        Map<String, Object> plain = send(HttpRequest.POST(path, Map.of("title", "Benchmarked survey", "wave", "2027",
                "fieldedFrom", "2027-02-01", "fieldedTo", "2027-03-15", "respondents", 10, "satisfied", 9)), officer);
        assertNull(plain.get("funnel"));

        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> send(HttpRequest.POST(path,
                Map.of("title", "Benchmarked survey", "wave", "bad", "fieldedFrom", "2027-02-01", "fieldedTo", "2027-03-15",
                        "respondents", 10, "satisfied", 9, "benchmark", 81)), officer));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        assertTrue(e.getResponse().getBody(String.class).orElse("").contains("benchmark"));
    }

    @Test
    void badSubmissionsGetA400ProblemNamingTheField() {
        Map<String, Object> good = Map.of("title", "Event survey", "wave", "1", "fieldedFrom", "2025-05-01", "fieldedTo", "2025-05-01",
                "respondents", 50, "satisfied", 40);
        Map<String, Object[]> bad = Map.of(
                "satisfied", new Object[]{"satisfied", 51},
                "respondents", new Object[]{"respondents", -1},
                "fieldedTo", new Object[]{"fieldedTo", "May"},
                "target", new Object[]{"target", 95},
                "groups[0].respondents", new Object[]{"groups", List.of(Map.of("question", "age_band", "answer", "16_24", "respondents", 60, "satisfied", 1))});
        bad.forEach((field, change) -> {
            Map<String, Object> body = new HashMap<>(good);
            body.put((String) change[0], change[1]);
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                    () -> send(HttpRequest.POST("/api/v1/councils/westshire/external-surveys", body), officer), field);
            assertEquals(HttpStatus.BAD_REQUEST, e.getStatus(), field);
            assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
            assertTrue(e.getResponse().getBody(String.class).orElse("").contains(field), field);
        });
    }

    @Test
    void badParametersGetA400Problem() {
        List<String> paths = List.of(
                "/targets/status?from=2025-07-01&to=2025-01-01",
                "/targets/status?from=soon&to=2025-01-01",
                "/trend?from=2025-01-01&to=2025-06-30&period=fortnight",
                "/trend?from=2025-01-01&to=2036-06-30",
                "/control-chart?baselineFrom=2025-03-31&baselineTo=2025-01-01&from=2025-01-01&to=2025-07-31",
                "/control-chart?baselineFrom=2025-01-01&baselineTo=2025-03-31&from=2025-01-01&to=2025-07-31&period=century",
                "/funnel?from=2025-01-01&to=yesterday",
                "/key-drivers?from=2025-01-01&to=2025-07-31&service=" + "x".repeat(300));
        for (String p : paths) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> get("/api/v1/councils/westshire" + p, officer), p);
            assertEquals(HttpStatus.BAD_REQUEST, e.getStatus(), p);
            assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString(), p);
        }
        HttpClientResponseException named = assertThrows(HttpClientResponseException.class, () -> get("/api/v1/councils/westshire"
                + "/control-chart?baselineFrom=2025-03-31&baselineTo=2025-01-01&from=2025-01-01&to=2025-07-31", officer));
        assertTrue(named.getResponse().getBody(String.class).orElse("").contains("baselineFrom"));
    }

    @Test
    void anOfficerCannotReadAnotherCouncilsStatistics() {
        for (String p : List.of("/targets", "/targets/status?from=2025-01-01&to=2025-06-30",
                "/trend?from=2025-01-01&to=2025-06-30", "/funnel?from=2025-01-01&to=2025-06-30",
                "/control-chart?baselineFrom=2025-01-01&baselineTo=2025-03-31&from=2025-01-01&to=2025-07-31",
                "/key-drivers?from=2025-01-01&to=2025-06-30", "/external-surveys")) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> get("/api/v1/councils/northmoor" + p, officer), p);
            assertEquals(HttpStatus.FORBIDDEN, e.getStatus(), p);
            assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString(), p);
        }
    }

    @Test
    void withoutATokenEveryNewRouteIsRefused() {
        String range = "from=2025-01-01&to=2025-06-30";
        for (MutableHttpRequest<?> request : List.<MutableHttpRequest<?>>of(
                HttpRequest.GET("/api/v1/councils/westshire/targets"),
                HttpRequest.GET("/api/v1/councils/westshire/targets/status?" + range),
                HttpRequest.PUT("/api/v1/councils/westshire/targets/libraries/web", Map.of("target", 0.5)),
                HttpRequest.DELETE("/api/v1/councils/westshire/targets/libraries/web"),
                HttpRequest.GET("/api/v1/councils/westshire/trend?" + range),
                HttpRequest.GET("/api/v1/councils/westshire/control-chart?baselineFrom=2025-01-01&baselineTo=2025-03-31&" + range),
                HttpRequest.GET("/api/v1/councils/westshire/funnel?" + range),
                HttpRequest.GET("/api/v1/councils/westshire/key-drivers?" + range),
                HttpRequest.GET("/api/v1/councils/westshire/external-surveys"),
                HttpRequest.POST("/api/v1/councils/westshire/external-surveys", Map.of("title", "x")))) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                    () -> client.toBlocking().exchange(request, String.class), request.getMethod() + " " + request.getUri());
            assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus(), request.getMethod() + " " + request.getUri());
        }
    }

    @Test
    void theOpenApiDocumentDescribesEveryNewEndpoint() {
        String spec = client.toBlocking().retrieve(HttpRequest.GET("/openapi/civic-pulse-analytics-api-1.yml"));
        for (String path : List.of("/api/v1/councils/{council}/targets/status", "/api/v1/councils/{council}/targets/{service}/{channel}",
                "/api/v1/councils/{council}/trend", "/api/v1/councils/{council}/control-chart", "/api/v1/councils/{council}/funnel",
                "/api/v1/councils/{council}/key-drivers", "/api/v1/councils/{council}/external-surveys")) {
            assertTrue(spec.contains(path + ":"), path);
        }
    }
}
