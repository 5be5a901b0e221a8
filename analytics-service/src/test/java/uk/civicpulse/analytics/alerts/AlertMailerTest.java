package uk.civicpulse.analytics.alerts;

import org.junit.jupiter.api.Test;
import uk.civicpulse.analytics.councils.CouncilRepository;
import uk.civicpulse.analytics.pages.LanguageLocaleResolver;
import uk.civicpulse.analytics.pages.PageMessages;
import uk.civicpulse.analytics.stats.PChart;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertMailerTest {

    static final Alert DIP = new Alert(7, "northmoor", Alert.DIP, "libraries", "face_to_face", PChart.SHIFT,
            LocalDate.of(2025, 1, 1), LocalDate.of(2025, 7, 31), 0.85, 0.7667, 0.9069, 100, 0.81,
            "7 months in a row below the baseline", Instant.parse("2025-08-01T08:00:00Z"), null, null, null,
            new Alert.Email(Alert.Email.DUE, 0, null, Instant.now()));

    static final AlertEmail EMAIL = new AlertEmail(new PageMessages());

    static final CouncilRepository.Council ENGLISH_COUNCIL = new CouncilRepository.Council("northmoor", "Northmoor City Council", "unitary", List.of("en"));
    static final CouncilRepository.Council WELSH_COUNCIL = new CouncilRepository.Council("cwm-tawel", "Cwm Tawel", "unitary", List.of("cy", "en"));

    @Test
    void theEmailNamesCouncilServiceChannelRuleFigureWithItsIntervalAndNAndLinksToTheChart() {
        AlertEmail.Message email = EMAIL.compose(DIP, "Northmoor City Council", "https://dashboard.example.gov.uk/",
                AlertEmail.languages(ENGLISH_COUNCIL));
        String body = email.body();
        assertTrue(body.contains("Council: Northmoor City Council (northmoor)"), body);
        assertTrue(body.contains("Service: libraries"), body);
        assertTrue(body.contains("Channel: face_to_face"), body);
        assertTrue(body.contains("Rule: a shift: 7 or more points in a row below the centre line"), body);
        assertTrue(body.contains("What happened: 7 months in a row below the baseline"), body);
        assertTrue(body.contains("Figure: 85.0% (95% interval 76.7% to 90.7%), n = 100"), body);
        assertTrue(body.contains("Lower control limit: 81.0%"), body);
        assertTrue(body.contains("Period: 1 January 2025 to 31 July 2025"), body);
        assertTrue(body.contains("https://dashboard.example.gov.uk/dashboard/councils/northmoor/dips?service=libraries&channel=face_to_face\n"), body);
        assertFalse(body.contains("lang=cy") || body.contains("Cyngor"), "an English council's email is in English only: " + body);
        assertEquals("Civic Pulse alert: Dip in satisfaction – Northmoor City Council, libraries (face_to_face)", email.subject());
    }

    @Test
    void aCouncilThatWorksInWelshGetsWelshFirstThenEnglishWithWelshLinks() {
        AlertEmail.Message email = EMAIL.compose(DIP, "Cyngor Cwm Tawel", "https://dashboard.example.gov.uk",
                AlertEmail.languages(WELSH_COUNCIL));
        assertEquals("Rhybudd Civic Pulse: Gostyngiad mewn bodlonrwydd – Cyngor Cwm Tawel, libraries (face_to_face)"
                + " / Civic Pulse alert: Dip in satisfaction – Cyngor Cwm Tawel, libraries (face_to_face)", email.subject());
        String body = email.body();
        assertTrue(body.startsWith("English version below.\n"), body);
        int welsh = body.indexOf("Cyngor: Cyngor Cwm Tawel (northmoor)");
        int english = body.indexOf("Council: Cyngor Cwm Tawel (northmoor)");
        assertTrue(welsh > 0 && english > welsh, "Welsh first, then English: " + body);
        for (String line : List.of("Gwasanaeth: libraries", "Rheol: symudiad: 7 pwynt neu fwy yn olynol o dan y llinell ganol",
                "Beth ddigwyddodd: 7 mis yn olynol o dan y llinell sylfaen", "Ffigur: 85.0% (cyfwng 95% 76.7% i 90.7%), n = 100",
                "Terfyn rheoli isaf: 81.0%", "Cyfnod: 1 Ionawr 2025 i 31 Gorffennaf 2025",
                "dips?service=libraries&channel=face_to_face&lang=cy", "/dashboard/councils/northmoor/alerts?lang=cy")) {
            int at = body.indexOf(line);
            assertTrue(at > 0 && at < english, line + " in the Welsh section: " + body);
        }
        assertTrue(body.indexOf("Period: 1 January 2025 to 31 July 2025") > english, body);
    }

    @Test
    void targetsAndStandardsAreWordedInBothLanguages() {
        Alert target = new Alert(8, "cwm-tawel", Alert.TARGET_MISSED, "libraries", "web", "target 95.0%",
                LocalDate.of(2025, 5, 1), LocalDate.of(2025, 7, 31), 0.8, 0.7, 0.9, 120, 0.95, "", Instant.now(), null, null, null,
            new Alert.Email(Alert.Email.DUE, 0, null, Instant.now()));
        String body = EMAIL.compose(target, "Cwm Tawel", "https://d.example", AlertEmail.languages(WELSH_COUNCIL)).body();
        assertTrue(body.contains("Targed: 95.0% yn fodlon"), body);
        assertTrue(body.contains("Beth ddigwyddodd: 80.0% yn fodlon, sy’n is na’r targed o 95.0%"), body);
        assertTrue(body.contains("What happened: 80.0% satisfied is below the target of 95.0%"), body);
        assertTrue(body.contains("https://d.example/dashboard/councils/cwm-tawel?service=libraries&channel=web&lang=cy"), body);
        Alert standard = new Alert(9, "cwm-tawel", Alert.STANDARD_MISSED, null, null, "phone-answer",
                LocalDate.of(2025, 5, 1), LocalDate.of(2025, 7, 31), 0.5, 0.4, 0.6, 40, 0.9, "", Instant.now(), null, null, null,
            new Alert.Email(Alert.Email.DUE, 0, null, Instant.now()));
        body = EMAIL.compose(standard, "Cwm Tawel", "https://d.example", AlertEmail.languages(WELSH_COUNCIL)).body();
        assertTrue(body.contains("Safon: phone-answer, targed o 90.0% o fewn y safon"), body);
        assertTrue(body.contains("Gwasanaeth: pob gwasanaeth"), body);
        assertTrue(body.contains("Standard: phone-answer, target 90.0% within the standard"), body);
        assertTrue(body.contains("https://d.example/dashboard/councils/cwm-tawel/timeliness?lang=cy"), body);
    }

    @Test
    void anImprovementIsWordedAsGoodNewsAgainstTheUpperLimitInBothLanguages() {
        Alert rise = new Alert(10, "cwm-tawel", Alert.IMPROVEMENT, "libraries", "web", PChart.BEYOND_LIMITS,
                LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 31), 1.0, 0.96, 1.0, 100, 0.99,
                "Satisfaction rose above the upper control limit", Instant.now(), null, null, null,
            new Alert.Email(Alert.Email.DUE, 0, null, Instant.now()));
        AlertEmail.Message email = EMAIL.compose(rise, "Cwm Tawel", "https://d.example", AlertEmail.languages(WELSH_COUNCIL));
        assertTrue(email.subject().startsWith("Rhybudd Civic Pulse: Gwelliant mewn bodlonrwydd"), email.subject());
        assertTrue(email.subject().contains("Civic Pulse alert: Improvement in satisfaction"), email.subject());
        String body = email.body();
        for (String line : List.of("Rule: a point above the upper control limit", "What happened: Satisfaction rose above the upper control limit",
                "Upper control limit: 99.0%", "This is an improvement, not a breach", "Terfyn rheoli uchaf: 99.0%",
                "Rheol: pwynt uwchben y terfyn rheoli uchaf", "Gwelliant yw hwn, nid methiant",
                "https://d.example/dashboard/councils/cwm-tawel/dips?service=libraries&channel=web&lang=cy")) {
            assertTrue(body.contains(line), line + ": " + body);
        }
        assertFalse(body.contains("Lower control limit") || body.contains("fell") || body.contains("Dip"), body);
    }

    @Test
    void everyEmailMessageInEnglishHasAWelshOne() throws Exception {
        Properties english = bundle("i18n/pages.properties");
        Properties welsh = bundle("i18n/pages_cy.properties");
        List<String> missing = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            if (key.startsWith("alerts.") && !welsh.containsKey(key)) {
                missing.add(key);
            }
        }
        assertEquals(List.of(), missing);
    }

    private static Properties bundle(String path) throws Exception {
        Properties p = new Properties();
        try (InputStream in = AlertMailerTest.class.getClassLoader().getResourceAsStream(path)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void aFailedSendIsTriedAgainAfterAWaitThatDoublesUpToTheMaximum() {
        Duration first = Duration.ofMinutes(1);
        Duration max = Duration.ofHours(6);
        assertEquals(Duration.ofMinutes(1), AlertMailer.backoff(1, first, max));
        assertEquals(Duration.ofMinutes(2), AlertMailer.backoff(2, first, max));
        assertEquals(Duration.ofMinutes(4), AlertMailer.backoff(3, first, max));
        assertEquals(Duration.ofMinutes(256), AlertMailer.backoff(9, first, max));
        assertEquals(max, AlertMailer.backoff(10, first, max));
        assertEquals(max, AlertMailer.backoff(10_000, first, max));
    }

    @Test
    void withoutAnSmtpServerTheDueAlertsAreKeptWithTheReasonAndNoEmailIsAttempted() {
        AlertSettings noSmtp = new AlertSettings(24, 12, 2, 90, "http://127.0.0.1:8081", "", 587, null, null, "a@b.c",
                Duration.ofMinutes(1), Duration.ofHours(6));
        List<String> reasons = new ArrayList<>();
        AlertRepository repository = new AlertRepository(null) {
            @Override
            public int markNotEmailed(Long id, String reason) {
                reasons.add(id + ": " + reason);
                return 1;
            }

            @Override
            public List<Due> claimDue(int limit, Duration lease) {
                throw new AssertionError("nothing is claimed without a server");
            }
        };
        // no sender or councils: touching either would fail this test
        AlertMailer mailer = new AlertMailer(null, repository, null, noSmtp, new PageMessages());
        assertEquals(0, mailer.deliverDue());
        assertEquals(List.of("null: no SMTP server configured (ANALYTICS_SMTP_HOST)"), reasons);
        assertEquals(List.of(LanguageLocaleResolver.ENGLISH), AlertEmail.languages(new CouncilRepository.Council("x", "X", null)));
    }

    @Test
    void aPassClaimsOneAlertAtATimeAndStopsAtTheFirstFailedSendLeavingTheRestDue() {
        AlertSettings smtp = new AlertSettings(24, 12, 2, 90, "http://127.0.0.1:8081", "127.0.0.1", 25, null, null, "a@b.c",
                Duration.ofMinutes(1), Duration.ofHours(6));
        java.util.ArrayDeque<AlertRepository.Due> queue = new java.util.ArrayDeque<>(List.of(
                new AlertRepository.Due(DIP, 1), new AlertRepository.Due(DIP, 0)));
        List<String> recorded = new ArrayList<>();
        AlertRepository repository = new AlertRepository(null) {
            @Override
            public List<Due> claimDue(int limit, Duration lease) {
                assertEquals(1, limit, "one at a time, each claimed just before its send");
                return queue.isEmpty() ? List.of() : List.of(queue.poll());
            }

            @Override
            public List<String> recipients(String council) {
                return List.of("performance@northmoor.gov.uk");
            }

            @Override
            public void markFailed(long id, String error, Duration retryIn) {
                recorded.add("failed " + id + " (" + error + "), again in " + retryIn);
            }

            @Override
            public void markEmailed(long id) {
                recorded.add("emailed " + id);
            }
        };
        CouncilRepository councils = new CouncilRepository(null) {
            @Override
            public java.util.Optional<Council> council(String code) {
                return java.util.Optional.of(ENGLISH_COUNCIL);
            }
        };
        io.micronaut.email.EmailSender<Object, Object> down = new io.micronaut.email.EmailSender<>() {
            @Override
            public String getName() {
                return "down";
            }

            @Override
            public Object send(io.micronaut.email.Email.Builder email, java.util.function.Consumer<Object> customizer) {
                throw new io.micronaut.email.EmailException("Couldn't connect to host");
            }
        };
        AlertMailer mailer = new AlertMailer(down, repository, councils, smtp, new PageMessages());
        assertEquals(0, mailer.deliverDue());
        // its second failure: the first wait (1 minute) doubled
        assertEquals(List.of("failed 7 (Couldn't connect to host), again in PT2M"), recorded);
        assertEquals(1, queue.size(), "the other alert was not claimed: it stays due for the next pass");
    }
}
