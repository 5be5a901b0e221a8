package uk.civicpulse.analytics.population;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.civicpulse.analytics.officers.Officer;
import uk.civicpulse.analytics.officers.OfficerRepository;
import uk.civicpulse.analytics.officers.PasswordHasher;
import uk.civicpulse.analytics.officers.Role;
import uk.civicpulse.events.Channel;
import uk.civicpulse.events.EventCodec;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.events.Scale;
import uk.civicpulse.events.Topics;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestKafka;
import uk.civicpulse.testkit.TestProperties;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The statistics of issue 4 through HTTP, computed from ratings that went through a real broker into a real
 * database. Libraries on the web in June 2024 (a month no other test uses: the broker is shared): 100 residents in six cells of age (16_34, 35_64, 65_plus) by sex,
 * with 10/8/20/15/30/17 respondents of whom 6/3/15/10/27/14 were very satisfied (score 5, the rest scored 2), the
 * data set of WeightingTest and GroupDifferencesTest, so the R references there hold here too. Highways by phone:
 * five ratings with no customer group.
 */
@MicronautTest(transactional = false)
@Property(name = "flyway.datasources.default.locations", value = "classpath:db/migration,classpath:db/demo")
@Property(name = "civic-pulse.demo.officers", value = "true")
@Property(name = "civic-pulse.demo.password", value = "test-password")
@Property(name = "micronaut.server.port", value = "-1") // a free port: other test runs may hold 8081
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsApiIT implements TestPropertyProvider {

    private static final Instant DAY = Instant.parse("2024-06-12T10:00:00Z");
    private static final String JUNE = "from=2024-06-01&to=2024-06-30";
    private static final String[][] CELLS = {{"16_34", "female"}, {"16_34", "male"}, {"35_64", "female"}, {"35_64", "male"}, {"65_plus", "female"}, {"65_plus", "male"}};
    private static final int[] CELL_N = {10, 8, 20, 15, 30, 17};
    private static final int[] CELL_SATISFIED = {6, 3, 15, 10, 27, 14};

    private final TestDatabase database = TestDatabase.create("analytics_statistics");
    private final String group = "analytics-it-" + UUID.randomUUID();
    private String officer;
    private String admin;
    private String otherAdmin;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    OfficerRepository officers;

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.of(database).consumerGroup(group).asMap();
    }

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    @BeforeAll
    void setUp() {
        try (KafkaProducer<String, byte[]> producer = TestKafka.producer()) {
            for (int c = 0; c < CELLS.length; c++) {
                for (int i = 0; i < CELL_N[c]; i++) {
                    RatingSubmitted r = new RatingSubmitted(UUID.randomUUID(), "westshire", "libraries", Channel.WEB, "/libraries", Scale.LIKERT_5,
                            i < CELL_SATISFIED[c] ? 5 : 2, List.of(), null, Map.of(), Map.of("age_band", CELLS[c][0], "sex", CELLS[c][1]), DAY, DAY, 1);
                    producer.send(new ProducerRecord<>(Topics.RATINGS_V1.name(), r.council(), EventCodec.encode(r)));
                }
            }
            for (int score : new int[]{5, 5, 4, 2, 1}) {
                RatingSubmitted r = new RatingSubmitted(UUID.randomUUID(), "westshire", "highways", Channel.PHONE, "/highways", Scale.LIKERT_5,
                        score, List.of(), null, Map.of(), Map.of(), DAY, DAY, 1);
                producer.send(new ProducerRecord<>(Topics.RATINGS_V1.name(), r.council(), EventCodec.encode(r)));
            }
            producer.flush();
        }
        String hash = PasswordHasher.hash("test-password");
        officers.save(new Officer("admin@westshire", hash, "westshire", Role.COUNCIL_ADMIN));
        officers.save(new Officer("admin@northmoor", hash, "northmoor", Role.COUNCIL_ADMIN));
        officer = login("officer@westshire");
        admin = login("admin@westshire");
        otherAdmin = login("admin@northmoor");
        // the population this test weights to, and the contacts behind libraries on the web in June
        exchange(HttpRequest.PUT("/api/v1/councils/westshire/population-shares/age_band",
                Map.of("shares", Map.of("16_34", 0.30, "35_64", 0.40, "65_plus", 0.30), "source", "test")), admin);
        exchange(HttpRequest.PUT("/api/v1/councils/westshire/population-shares/sex",
                Map.of("shares", Map.of("female", 0.51, "male", 0.49))), admin);
        exchange(HttpRequest.PUT("/api/v1/councils/westshire/contact-volumes",
                List.of(Map.of("month", "2024-06", "service", "libraries", "channel", "web", "contacts", 400))), admin);
        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200)).until(() ->
                ((Number) rows("satisfaction?" + JUNE + "&fpc=off").get(0).get("n")).intValue() == 105);
    }

    private String login(String username) {
        Map<?, ?> login = client.toBlocking().retrieve(HttpRequest.POST("/login", Map.of("username", username, "password", "test-password")), Map.class);
        return (String) login.get("access_token");
    }

    private void exchange(MutableHttpRequest<?> request, String token) {
        client.toBlocking().exchange(request.bearerAuth(token));
    }

    private Map<String, Object> get(String path, String token) {
        MutableHttpRequest<?> request = HttpRequest.GET(path);
        if (token != null) {
            request.bearerAuth(token);
        }
        return client.toBlocking().retrieve(request, Argument.mapOf(String.class, Object.class));
    }

    private Map<String, Object> westshire(String query) {
        return get("/api/v1/councils/westshire/" + query, officer);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rows(String query) {
        return (List<Map<String, Object>>) westshire(query).get("rows");
    }

    private static double number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }

    private Map<String, Object> libraries(String query) {
        List<Map<String, Object>> rows = rows("satisfaction?" + JUNE + "&service=libraries&" + query);
        assertEquals(1, rows.size());
        return rows.get(0);
    }

    @Test
    void correctsForTheFinitePopulationWhereTheContactsAreKnown() {
        Map<String, Object> row = libraries("by=channel");
        assertEquals(400, ((Number) row.get("contacts")).intValue());
        assertEquals(true, row.get("finitePopulationCorrected"));
        // R 4.2.2: neff <- 100*399/300; prop.test(0.75*neff, neff, correct = FALSE)$conf.int -> 0.670092852881672 0.815870981274292
        assertEquals(0.670092852881672, number(row, "lower"), 1e-9);
        assertEquals(0.815870981274292, number(row, "upper"), 1e-9);
        Map<String, Object> off = libraries("by=channel&fpc=off");
        assertEquals(false, off.get("finitePopulationCorrected"));
        // R 4.2.2: prop.test(75, 100, correct = FALSE)$conf.int -> 0.656955364519384 0.824547886377123
        assertEquals(0.656955364519384, number(off, "lower"), 1e-9);
        assertEquals(0.824547886377123, number(off, "upper"), 1e-9);
        // not whole months: the contacts do not cover the range, so no correction
        Map<String, Object> partial = rows("satisfaction?from=2024-06-02&to=2024-06-30&service=libraries").get(0);
        assertNull(partial.get("contacts"));
        assertEquals(0.656955364519384, number(partial, "lower"), 1e-9);
    }

    @Test
    void correctsEachMonthOfASeriesForTheFinitePopulationButNotWeeks() {
        // the same June, as a monthly series from May: the June row has its 400 contacts and the corrected interval
        List<Map<String, Object>> months = rows("satisfaction/series?from=2024-05-01&to=2024-06-30&interval=month&service=libraries&channel=web");
        Map<String, Object> june = months.stream().filter(r -> "2024-06-01".equals(map(r.get("group")).get("period"))).findFirst().orElseThrow();
        assertEquals(400, ((Number) june.get("contacts")).intValue());
        assertEquals(true, june.get("finitePopulationCorrected"));
        // R 4.2.2: neff <- 100*399/300; prop.test(0.75*neff, neff, correct = FALSE)$conf.int -> 0.670092852881672 0.815870981274292
        assertEquals(0.670092852881672, number(june, "lower"), 1e-9);
        assertEquals(0.815870981274292, number(june, "upper"), 1e-9);
        Map<String, Object> off = rows("satisfaction/series?" + JUNE + "&interval=month&service=libraries&channel=web&fpc=off").get(0);
        assertEquals(false, off.get("finitePopulationCorrected"));
        // R 4.2.2: prop.test(75, 100, correct = FALSE)$conf.int -> 0.656955364519384 0.824547886377123
        assertEquals(0.656955364519384, number(off, "lower"), 1e-9);
        // contacts are counted by month: a week is not corrected
        Map<String, Object> week = rows("satisfaction/series?" + JUNE + "&interval=week&service=libraries&channel=web").get(0);
        assertNull(week.get("contacts"));
        assertEquals(false, week.get("finitePopulationCorrected"));
        assertEquals(0.656955364519384, number(week, "lower"), 1e-9);
        assertThrows(HttpClientResponseException.class, () -> rows("satisfaction/series?" + JUNE + "&interval=month&fpc=sometimes"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void reportsTheChosenMetricIntervalAndLevel() {
        Map<String, Object> jeffreys = libraries("fpc=off&method=jeffreys&level=99");
        // R 4.2.2: qbeta(c(.005, .995), 75.5, 25.5) -> 0.628615466721376 0.848210033104732
        assertEquals(0.628615466721376, number(jeffreys, "lower"), 1e-9);
        assertEquals(0.848210033104732, number(jeffreys, "upper"), 1e-9);
        assertEquals("jeffreys", jeffreys.get("method"));
        assertEquals(0.99, number(jeffreys, "confidenceLevel"));
        Map<String, Object> net = libraries("fpc=off&metric=net_satisfaction&level=90");
        // R 4.2.2: t.test(c(rep(1, 75), rep(-1, 25)), conf.level = .90)$conf.int -> 0.355481499795496 0.644518500204505
        assertEquals(0.5, number(net, "value"), 1e-15);
        assertEquals(0.355481499795496, number(net, "lower"), 1e-9);
        assertEquals(0.644518500204505, number(net, "upper"), 1e-9);
        assertEquals("net_satisfaction", net.get("metric"));
        assertEquals("t", net.get("method"));
        Map<String, Object> mean = libraries("fpc=off&metric=mean_score");
        // R 4.2.2: t.test(c(rep(5, 75), rep(2, 25)))$conf.int -> 3.99094412312021 4.50905587687979
        assertEquals(4.25, number(mean, "value"), 1e-15);
        assertEquals(3.99094412312021, number(mean, "lower"), 1e-9);
        Map<String, Object> rescaled = libraries("fpc=off&metric=rescaled_mean");
        // the rescaled mean is 25 * (mean score - 1) on a five-point scale: R 4.2.2 interval times 25 after -1
        assertEquals(81.25, number(rescaled, "value"), 1e-12);
        assertEquals(25 * (3.99094412312021 - 1), number(rescaled, "lower"), 1e-7);
    }

    @Test
    void weightsToOneQuestionByPostStratificationAndToSeveralByRaking() {
        Map<String, Object> post = libraries("fpc=off&weight=age_band");
        // R 4.2.2 + survey (WeightingTest): coef(svymean(~sat, postStratify(des, ~age, pa))) -> 0.69741641337386,
        // Kish deff 1.14863221884498, neff 87.0600688012702, prop.test(coef*neff, neff)$conf.int -> 0.594271257051822 0.783876107034398
        assertEquals(0.69741641337386, number(post, "value"), 1e-9);
        assertEquals(0.75, number(post, "proportion"), 1e-15);
        assertEquals(1.14863221884498, number(post, "designEffect"), 1e-9);
        assertEquals(87.0600688012702, number(post, "effectiveN"), 1e-8);
        assertEquals(0.594271257051822, number(post, "lower"), 1e-9);
        assertEquals(0.783876107034398, number(post, "upper"), 1e-9);
        Map<String, Object> report = westshire("satisfaction?" + JUNE + "&service=libraries&fpc=off&weight=age_band,sex");
        @SuppressWarnings("unchecked")
        Map<String, Object> weighting = (Map<String, Object>) report.get("weighting");
        assertEquals("raking", weighting.get("method"));
        assertEquals(true, weighting.get("converged"));
        @SuppressWarnings("unchecked")
        Map<String, Object> raked = ((List<Map<String, Object>>) report.get("rows")).get(0);
        // R 4.2.2 + survey: rake(des, list(~age, ~sex), list(pa, ps), control = list(maxit = 100, epsilon = 1e-12)) -> 0.68787143085291, deff 1.17671313322966
        assertEquals(0.68787143085291, number(raked, "value"), 1e-9);
        assertEquals(1.17671313322966, number(raked, "designEffect"), 1e-9);
        Map<String, Object> trimmed = libraries("fpc=off&weight=age_band,sex&cap=1.3");
        // R 4.2.2 + survey: trimWeights(rk, upper = 1.3, strict = TRUE) -> 0.716541599504181, neff 93.8005530283636
        assertEquals(0.716541599504181, number(trimmed, "value"), 1e-9);
        assertEquals(93.8005530283636, number(trimmed, "effectiveN"), 1e-8);
        // the mean score weighted the same way: 2 + 3 * 0.68787143085291 (scores 5 and 2 only)
        Map<String, Object> mean = libraries("fpc=off&weight=age_band,sex&metric=mean_score");
        assertEquals(2 + 3 * 0.68787143085291, number(mean, "value"), 1e-9);
    }

    @Test
    void residentsWhoDidNotAnswerAWeightingQuestionKeepTheirOwnShare() {
        Map<String, Object> report = westshire("satisfaction?" + JUNE + "&fpc=off&weight=age_band");
        @SuppressWarnings("unchecked")
        Map<String, Object> weighting = (Map<String, Object>) report.get("weighting");
        assertEquals(Map.of("age_band", 5), weighting.get("notStated"));
        @SuppressWarnings("unchecked")
        Map<String, Object> row = ((List<Map<String, Object>>) report.get("rows")).get(0);
        assertEquals(105, ((Number) row.get("n")).intValue());
        // the five highways residents (3 satisfied) keep weight 1; the 100 others are post-stratified as above
        assertEquals((100 * 0.69741641337386 + 3) / 105, number(row, "value"), 1e-9);
    }

    @Test
    @SuppressWarnings("unchecked")
    void comparesEachGroupWithTheRestAndAdjustsForMultipleComparisons() {
        Map<String, Object> report = westshire("group-differences?" + JUNE + "&question=age_band");
        List<Map<String, Object>> groups = (List<Map<String, Object>>) report.get("groups");
        assertEquals(3, groups.size());
        Map<String, Object> young = groups.stream().filter(g -> g.get("answer").equals("16_34")).findFirst().orElseThrow();
        Map<String, Object> middle = groups.stream().filter(g -> g.get("answer").equals("35_64")).findFirst().orElseThrow();
        // R 4.2.2: prop.test(c(9, 66), c(18, 82), correct = FALSE)$p.value -> 0.00683025586304408;
        // p.adjust(c(0.00683025586304408, 0.545027824263879, 0.00780004850761646), "BH") -> 0.0117000727614247 0.545027824263879 0.0117000727614247
        assertEquals(0.00683025586304408, number(young, "pValue"), 1e-12);
        assertEquals(0.0117000727614247, number(young, "adjustedPValue"), 1e-12);
        assertEquals(true, young.get("significant"));
        assertEquals(0.545027824263879, number(middle, "adjustedPValue"), 1e-12);
        assertEquals(false, middle.get("significant"));
        assertEquals("too few responses", young.get("label"));
        Map<String, Object> overall = (Map<String, Object>) report.get("overall");
        // R 4.2.2: chisq.test(cbind(c(9, 25, 41), c(9, 10, 6)), correct = FALSE) -> 9.98986828774063, 2, 0.00677216707299572
        assertEquals(9.98986828774063, number(overall, "statistic"), 1e-9);
        assertEquals(0.00677216707299572, number(overall, "pValue"), 1e-12);
    }

    @Test
    @SuppressWarnings("unchecked")
    void comparesRespondentsWithThePopulationAndGivesResponseRates() {
        Map<String, Object> report = westshire("representativeness?" + JUNE);
        List<Map<String, Object>> questions = (List<Map<String, Object>>) report.get("questions");
        Map<String, Object> age = questions.stream().filter(q -> q.get("question").equals("age_band")).findFirst().orElseThrow();
        // R 4.2.2: chisq.test(c(18, 35, 47), p = c(.3, .4, .3)) -> 15.0583333333333, 2, 0.000537185724985256; $stdres[3] 3.70970413401187
        assertEquals(15.0583333333333, number(age, "statistic"), 1e-9);
        assertEquals(0.000537185724985256, number(age, "pValue"), 1e-12);
        assertEquals(5, ((Number) age.get("notAnswered")).intValue());
        Map<String, Object> old = ((List<Map<String, Object>>) age.get("groups")).stream().filter(g -> g.get("answer").equals("65_plus")).findFirst().orElseThrow();
        assertEquals(0.47 / 0.30, number(old, "ratio"), 1e-12);
        assertEquals(3.70970413401187, number(old, "standardisedResidual"), 1e-9);
        assertEquals("over", old.get("representation"));
        Map<String, Object> libraries = (Map<String, Object>) get("/api/v1/councils/westshire/representativeness?" + JUNE + "&service=libraries", officer);
        Map<String, Object> web = ((List<Map<String, Object>>) libraries.get("responseRates")).get(0);
        assertEquals("web", web.get("channel"));
        assertEquals(400, ((Number) web.get("contacts")).intValue());
        assertEquals(0.25, number(web, "rate"), 1e-15);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMonthWithNoRatingsGivesEmptyFiguresNotErrors() {
        String july = "from=2024-07-01&to=2024-07-31";
        // (empty lists and nulls are left out of the JSON, as everywhere in this API)
        Map<String, Object> weighted = westshire("satisfaction?" + july + "&weight=age_band,sex&metric=net_satisfaction&method=clopper_pearson");
        assertEquals("net_satisfaction", weighted.get("metric"));
        assertTrue(weighted.get("rows") == null || ((List<?>) weighted.get("rows")).isEmpty());
        Map<String, Object> differences = westshire("group-differences?" + july + "&question=age_band");
        assertTrue(differences.get("groups") == null || ((List<?>) differences.get("groups")).isEmpty());
        assertNull(((Map<String, Object>) differences.get("overall")).get("pValue"));
        Map<String, Object> representativeness = westshire("representativeness?" + july);
        Map<String, Object> age = ((List<Map<String, Object>>) representativeness.get("questions")).stream()
                .filter(q -> q.get("question").equals("age_band")).findFirst().orElseThrow();
        assertEquals(0, ((Number) age.get("n")).intValue());
        assertNull(age.get("statistic"));
        assertNull(age.get("pValue"));
    }

    @Test
    void aServiceWithFewResponsesIsShownAndLabelled() {
        // highways by phone: 5, 5, 4, 2, 1, so 3 of 5 satisfied
        Map<String, Object> highways = rows("satisfaction?" + JUNE + "&service=highways&fpc=off").get(0);
        assertEquals(5, ((Number) highways.get("n")).intValue());
        assertEquals("too few responses", highways.get("label"));
        // R 4.2.2: prop.test(3, 5, correct = FALSE)$conf.int -> 0.230724281276013 0.882379225767352
        assertEquals(0.230724281276013, number(highways, "lower"), 1e-9);
        assertEquals(0.882379225767352, number(highways, "upper"), 1e-9);
    }

    @Test
    void plansSampleSizesWithoutSigningIn() {
        Map<String, Object> plan = get("/api/v1/planner?margin=0.05&contacts=1000", null);
        // statsmodels 0.13.5: samplesize_confint_proportion(0.5, 0.05, alpha=0.05) -> 384.14588206941266; with N = 1000, Cochran: 277.733453173188
        assertEquals(385, ((Number) plan.get("responses")).intValue());
        assertEquals(384.14588206941266, number(plan, "exactResponses"), 1e-9);
        assertEquals(278, ((Number) plan.get("responsesWithContacts")).intValue());
        Map<String, Object> target = get("/api/v1/planner?target=0.95&expected=0.90", null);
        // R 4.2.2: ((qnorm(.95)*sqrt(.95*.05) + qnorm(.8)*sqrt(.9*.1))/(.9 - .95))^2 -> 149.315645970811
        assertEquals(150, ((Number) target.get("responses")).intValue());
    }

    @Test
    @SuppressWarnings("unchecked")
    void officersReadButOnlyCouncilAdminsChangePopulationSharesAndContacts() {
        List<Map<String, Object>> shares = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/councils/westshire/population-shares").bearerAuth(officer),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertTrue(shares.stream().anyMatch(s -> s.get("question").equals("age_band") && ((Map<String, Object>) s.get("shares")).size() == 3));
        assertTrue(shares.stream().anyMatch(s -> s.get("question").equals("ethnicity")), "the demo seed's shares are there");
        List<Map<String, Object>> seeded = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/councils/westshire/contact-volumes?from=2026-03&to=2026-03").bearerAuth(officer),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertEquals(5 * 3, seeded.size(), "the demo seed has a volume per service and channel");
        List<Map<String, Object>> volumes = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/councils/westshire/contact-volumes?from=2024-06&to=2024-06").bearerAuth(officer),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertTrue(volumes.stream().anyMatch(v -> v.get("service").equals("libraries") && v.get("channel").equals("web") && ((Number) v.get("contacts")).intValue() == 400));
        assertStatus(HttpStatus.FORBIDDEN, HttpRequest.PUT("/api/v1/councils/westshire/population-shares/sex", Map.of("shares", Map.of("female", 0.5, "male", 0.5))), officer);
        assertStatus(HttpStatus.FORBIDDEN, HttpRequest.PUT("/api/v1/councils/westshire/population-shares/sex", Map.of("shares", Map.of("female", 0.5, "male", 0.5))), otherAdmin);
        assertStatus(HttpStatus.FORBIDDEN, HttpRequest.PUT("/api/v1/councils/westshire/contact-volumes", List.of(Map.of("month", "2026-03", "service", "libraries", "channel", "web", "contacts", 1))), otherAdmin);
        assertStatus(HttpStatus.FORBIDDEN, HttpRequest.DELETE("/api/v1/councils/westshire/population-shares/sex"), officer);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/api/v1/councils/northmoor/satisfaction?from=2026-03-01&to=2026-03-31&metric=mean_score",
            "/api/v1/councils/northmoor/representativeness?from=2026-03-01&to=2026-03-31",
            "/api/v1/councils/northmoor/group-differences?from=2026-03-01&to=2026-03-31&question=age_band",
            "/api/v1/councils/northmoor/population-shares",
            "/api/v1/councils/northmoor/contact-volumes?from=2026-03&to=2026-03",
    })
    void anOfficerCannotReadAnotherCouncil(String path) {
        assertStatus(HttpStatus.FORBIDDEN, HttpRequest.GET(path), officer);
        assertStatus(HttpStatus.UNAUTHORIZED, HttpRequest.GET(path), null);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "satisfaction?from=2026-03-01&to=2026-03-31&metric=median",
            "satisfaction?from=2026-03-01&to=2026-03-31&method=wald",
            "satisfaction?from=2026-03-01&to=2026-03-31&interval=wald",
            "satisfaction?from=2026-03-01&to=2026-03-31&level=97",
            "satisfaction?from=2026-03-01&to=2026-03-31&fpc=maybe",
            "satisfaction?from=2026-03-01&to=2026-03-31&weight=shoe_size",
            "satisfaction?from=2026-03-01&to=2026-03-31&weight=age_band&cap=0.5",
            "satisfaction?from=2026-03-01&to=2026-03-31&cap=3",
            "satisfaction/series?from=2026-03-01&to=2026-03-31&interval=month&level=80",
            "representativeness?from=2026-03-31&to=2026-03-01",
            "group-differences?from=2026-03-01&to=2026-03-31",
            "group-differences?from=2026-03-01&to=2026-03-31&question=age_band&method=wald",
            "contact-volumes?from=March&to=2026-03",
    })
    void answersBadParametersWithAProblem(String query) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> westshire(query));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
    }

    @ParameterizedTest(name = "planner{0}")
    @ValueSource(strings = {"", "?margin=2", "?margin=0.05&target=0.9", "?target=0.95", "?target=0.95&expected=abc", "?margin=0.05&contacts=0", "?margin=0.05&level=50"})
    void thePlannerAnswersBadParametersWithAProblem(String query) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> get("/api/v1/planner" + query, null));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
    }

    @Test
    void refusesBadPopulationSharesAndContactVolumes() {
        assertStatus(HttpStatus.BAD_REQUEST, HttpRequest.PUT("/api/v1/councils/westshire/population-shares/sex", Map.of("shares", Map.of("female", 0.5, "male", 0.4))), admin);
        assertStatus(HttpStatus.BAD_REQUEST, HttpRequest.PUT("/api/v1/councils/westshire/population-shares/sex", Map.of("shares", Map.of("female", 1.5, "male", -0.5))), admin);
        assertStatus(HttpStatus.BAD_REQUEST, HttpRequest.PUT("/api/v1/councils/westshire/population-shares/Sex!", Map.of("shares", Map.of("female", 0.5, "male", 0.5))), admin);
        assertStatus(HttpStatus.BAD_REQUEST, HttpRequest.PUT("/api/v1/councils/westshire/contact-volumes", List.of(Map.of("month", "2026-03", "service", "libraries", "channel", "pigeon", "contacts", 1))), admin);
        assertStatus(HttpStatus.BAD_REQUEST, HttpRequest.PUT("/api/v1/councils/westshire/contact-volumes", List.of(Map.of("month", "2026-13", "service", "libraries", "channel", "web", "contacts", 1))), admin);
        assertStatus(HttpStatus.BAD_REQUEST, HttpRequest.PUT("/api/v1/councils/westshire/contact-volumes", List.of(Map.of("month", "2026-03", "service", "libraries", "channel", "web", "contacts", -1))), admin);
        // still as saved in setUp
        Map<String, Object> row = libraries("by=channel");
        assertEquals(400, ((Number) row.get("contacts")).intValue());
    }

    private void assertStatus(HttpStatus status, MutableHttpRequest<?> request, String token) {
        if (token != null) {
            request.bearerAuth(token);
        }
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(request, Map.class));
        assertEquals(status, e.getStatus());
        assertFalse(e.getResponse().getContentType().isEmpty() && status != HttpStatus.UNAUTHORIZED, "a problem body");
    }
}
