package uk.civicpulse.analytics.alerts;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
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
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import uk.civicpulse.analytics.councils.CouncilRepository;
import uk.civicpulse.analytics.officers.Officer;
import uk.civicpulse.analytics.officers.OfficerRepository;
import uk.civicpulse.analytics.officers.PasswordHasher;
import uk.civicpulse.analytics.officers.Role;
import uk.civicpulse.analytics.stats.PChart;
import uk.civicpulse.events.Channel;
import uk.civicpulse.events.ContactChannel;
import uk.civicpulse.events.ContactHandled;
import uk.civicpulse.events.EventCodec;
import uk.civicpulse.events.RatingSubmitted;
import uk.civicpulse.events.Scale;
import uk.civicpulse.events.Topics;
import uk.civicpulse.testkit.TestDatabase;
import uk.civicpulse.testkit.TestKafka;
import uk.civicpulse.testkit.TestProperties;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ratings through a real broker into a real database; the evaluation raises each alert once and a local SMTP server
 * (GreenMail) receives one email per alert. Two councils of this test's own, so no other test's ratings interfere:
 * alertshire's libraries on the web have 36 of 40 satisfied in each of January to July 2024 and 10 of 40 in August.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Property(name = "civic-pulse.alerts.schedule-enabled", value = "false")
@Property(name = "civic-pulse.alerts.chart-months", value = "8")
@Property(name = "civic-pulse.alerts.baseline-months", value = "6")
@Property(name = "civic-pulse.alerts.recent-months", value = "2")
@Property(name = "civic-pulse.alerts.status-days", value = "90")
@Property(name = "civic-pulse.alerts.smtp-from", value = "alerts@civic-pulse.test")
@Property(name = "civic-pulse.alerts.dashboard-url", value = "https://dashboard.example.gov.uk")
@Property(name = "civic-pulse.alerts.retry-backoff", value = "1s")
@Property(name = "civic-pulse.alerts.retry-backoff-max", value = "2s")
class AlertsIT implements TestPropertyProvider {

    static final String COUNCIL = "alertshire";
    static final String OTHER = "otherborough";
    static final String SERVICE = "alert_it_libraries";
    static final LocalDate TODAY = LocalDate.of(2024, 8, 15);
    /** A council that works in Welsh, with the same dip a year earlier (so evaluating TODAY raises nothing for it). */
    static final String WELSH = "cyngor-rhybudd";
    static final LocalDate WELSH_TODAY = LocalDate.of(2023, 8, 15);
    /** A council whose libraries rise: 28 of 40 satisfied in each of January to July 2022, 40 of 40 in August. */
    static final String IMPROVING = "improvingshire";
    static final LocalDate IMPROVING_TODAY = LocalDate.of(2022, 8, 15);

    private final TestDatabase database = TestDatabase.create("analytics_alerts");
    private GreenMail smtp = startSmtp(0);
    private String officer;
    private String councilAdmin;
    private String otherOfficer;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    OfficerRepository officers;

    @Inject
    AlertEvaluator evaluator;

    @Inject
    AlertMailer mailer;

    @Inject
    AlertRepository alertRepository;

    @Inject
    CouncilRepository councils;

    private static GreenMail startSmtp(int port) {
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.of(database)
                .newConsumerGroup("alerts-it")
                .with("civic-pulse.alerts.smtp-host", "127.0.0.1")
                .with("civic-pulse.alerts.smtp-port", smtp.getSmtp().getPort())
                .asMap();
    }

    @AfterAll
    void stop() {
        smtp.stop();
        database.close();
    }

    private static RatingSubmitted rating(String council, int month, boolean satisfied) {
        return rating(council, 2024, month, satisfied);
    }

    private static RatingSubmitted rating(String council, int year, int month, boolean satisfied) {
        Instant when = Instant.parse(String.format("%d-%02d-10T12:00:00Z", year, month));
        return new RatingSubmitted(UUID.randomUUID(), council, SERVICE, Channel.WEB, "/libraries", Scale.FACES_3, satisfied ? 3 : 1,
                List.of(), null, Map.of(), Map.of(), when, when, 1);
    }

    @BeforeAll
    void produceRatings() {
        try (KafkaProducer<String, byte[]> producer = TestKafka.producer()) {
            for (int month = 1; month <= 8; month++) {
                int satisfied = month == 8 ? 10 : 36;
                for (int i = 0; i < 40; i++) {
                    RatingSubmitted r = rating(COUNCIL, month, i < satisfied);
                    producer.send(new ProducerRecord<>(Topics.RATINGS_V1.name(), r.council(), EventCodec.encode(r)));
                    RatingSubmitted w = rating(WELSH, 2023, month, i < satisfied);
                    producer.send(new ProducerRecord<>(Topics.RATINGS_V1.name(), w.council(), EventCodec.encode(w)));
                    RatingSubmitted up = rating(IMPROVING, 2022, month, i < (month == 8 ? 40 : 28));
                    producer.send(new ProducerRecord<>(Topics.RATINGS_V1.name(), up.council(), EventCodec.encode(up)));
                }
            }
            // 40 calls in July 2024, each answered after 2 minutes: none within a 60-second standard
            for (int i = 0; i < 40; i++) {
                Instant received = Instant.parse("2024-07-0" + (1 + i % 9) + "T09:00:00Z").plusSeconds(i * 60L);
                ContactHandled call = new ContactHandled("alerts-it-call-" + i, COUNCIL, "alert_it_contact_centre", ContactChannel.PHONE,
                        "call", received, received.plusSeconds(120), null, null, 1);
                producer.send(new ProducerRecord<>(Topics.CONTACTS_V1.name(), call.council(), EventCodec.encode(call)));
            }
            RatingSubmitted other = rating(OTHER, 8, true);
            producer.send(new ProducerRecord<>(Topics.RATINGS_V1.name(), other.council(), EventCodec.encode(other)));
            producer.flush();
        }
        await().atMost(60, TimeUnit.SECONDS).until(() -> officers.councilCodes().containsAll(List.of(COUNCIL, OTHER, WELSH, IMPROVING)));
        String hash = PasswordHasher.hash("test-password");
        officers.save(new Officer("officer@" + COUNCIL, hash, COUNCIL, Role.OFFICER));
        officers.save(new Officer("admin@" + COUNCIL, hash, COUNCIL, Role.COUNCIL_ADMIN));
        officers.save(new Officer("officer@" + OTHER, hash, OTHER, Role.OFFICER));
        officers.save(new Officer("officer@" + WELSH, hash, WELSH, Role.OFFICER));
        officers.save(new Officer("officer@" + IMPROVING, hash, IMPROVING, Role.OFFICER));
        officer = login("officer@" + COUNCIL);
        councilAdmin = login("admin@" + COUNCIL);
        otherOfficer = login("officer@" + OTHER);
        await().atMost(60, TimeUnit.SECONDS).until(() -> satisfactionN() == 320);
        String welshOfficer = login("officer@" + WELSH);
        await().atMost(60, TimeUnit.SECONDS).until(() -> satisfactionN(WELSH, "2023", welshOfficer) == 320);
        String improvingOfficer = login("officer@" + IMPROVING);
        await().atMost(60, TimeUnit.SECONDS).until(() -> satisfactionN(IMPROVING, "2022", improvingOfficer) == 320);
    }

    private long satisfactionN() {
        return satisfactionN(COUNCIL, "2024", officer);
    }

    private long satisfactionN(String council, String year, String token) {
        Map<String, Object> body = json(HttpRequest.GET("/api/v1/councils/" + council + "/satisfaction?from=" + year + "-01-01&to=" + year + "-08-31"), token);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) body.get("rows");
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("n")).longValue();
    }

    /** The text/plain part of a message, however it is nested. */
    private static String text(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = text(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private String login(String username) {
        Map<?, ?> body = client.toBlocking().retrieve(HttpRequest.POST("/login", Map.of("username", username, "password", "test-password")), Map.class);
        return (String) body.get("access_token");
    }

    private String alertsPage(String council, String query, String token) {
        return client.toBlocking().retrieve(HttpRequest.GET("/dashboard/councils/" + council + "/alerts" + query).bearerAuth(token));
    }

    private Map<String, Object> json(MutableHttpRequest<?> request, String token) {
        return client.toBlocking().retrieve(request.bearerAuth(token), Argument.mapOf(String.class, Object.class));
    }

    private List<Map<String, Object>> alerts(String token) {
        return client.toBlocking().retrieve(HttpRequest.GET("/api/v1/councils/" + COUNCIL + "/alerts").bearerAuth(token),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    private HttpStatus status(MutableHttpRequest<?> request, String token) {
        try {
            return client.toBlocking().exchange(request.bearerAuth(token), Argument.of(String.class), Argument.of(String.class)).status();
        } catch (HttpClientResponseException e) {
            return e.getStatus();
        }
    }

    @Test
    @Order(1)
    void onlyTheCouncilAdminSetsWhoIsEmailed() {
        String path = "/api/v1/councils/" + COUNCIL + "/alerts/recipients";
        assertEquals(HttpStatus.FORBIDDEN, status(HttpRequest.PUT(path, Map.of("emails", List.of("me@example.org"))), officer));
        assertEquals(HttpStatus.BAD_REQUEST, status(HttpRequest.PUT(path, Map.of("emails", List.of("not an address"))), councilAdmin));
        Map<String, Object> set = json(HttpRequest.PUT(path, Map.of("emails", List.of("Performance@Alertshire.gov.uk", "performance@alertshire.gov.uk"))), councilAdmin);
        assertEquals(List.of("performance@alertshire.gov.uk"), set.get("emails"));
        assertEquals(set, json(HttpRequest.GET(path), officer));
    }

    @Test
    @Order(2)
    void aDipRaisesOneAlertNamingItsRuleAndOneEmailHowEverOftenItIsEvaluated() throws Exception {
        List<Alert> first = evaluator.evaluate(TODAY);
        assertEquals(1, first.size(), first.toString());
        Alert dip = first.get(0);
        assertEquals(Alert.DIP, dip.kind());
        assertEquals(PChart.BEYOND_LIMITS, dip.rule());
        assertEquals(SERVICE, dip.service());
        assertEquals("web", dip.channel());
        assertEquals(0.25, dip.figure(), 1e-12);
        assertEquals(40, dip.n());
        // R: p <- 252/280; p - 3 * sqrt(p * (1 - p) / 40) = 0.7576895
        assertEquals(0.9 - 3 * Math.sqrt(0.9 * 0.1 / 40), dip.threshold(), 1e-12);
        // R: prop.test(10, 40, correct = FALSE)$conf.int = 0.1418712 0.4019396 (Wilson)
        assertEquals(0.1418712, dip.lower(), 1e-6);
        assertEquals(0.4019396, dip.upper(), 1e-6);

        assertTrue(evaluator.evaluate(TODAY).isEmpty(), "the same breach again raises nothing");
        assertTrue(evaluator.evaluate(TODAY).isEmpty());
        assertEquals(1, alerts(officer).size());

        assertTrue(smtp.waitForIncomingEmail(10_000, 1));
        Thread.sleep(500); // any second email would have arrived by now
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage email = received[0];
        assertEquals("performance@alertshire.gov.uk", email.getAllRecipients()[0].toString());
        assertEquals("alerts@civic-pulse.test", email.getFrom()[0].toString());
        assertTrue(email.getSubject().contains("Dip in satisfaction") && email.getSubject().contains(SERVICE), email.getSubject());
        String body = text(email);
        assertTrue(body.contains("Council: alertshire (alertshire)"), body);
        assertTrue(body.contains("Service: " + SERVICE), body);
        assertTrue(body.contains("Channel: web"), body);
        assertTrue(body.contains("Rule: a point beyond the control limits"), body);
        assertTrue(body.contains("Figure: 25.0% (95% interval 14.2% to 40.2%), n = 40"), body);
        assertTrue(body.contains("Lower control limit: 75.8%"), body);
        assertTrue(body.contains("https://dashboard.example.gov.uk/dashboard/councils/alertshire/dips?service=" + SERVICE + "&channel=web"), body);
        assertNotNull(alerts(officer).get(0).get("emailedAt"));
    }

    @Test
    @Order(3)
    void aTargetRaisesAnAlertWhenNewlyMissedNotWhileStillMissedAndAgainAfterRecovering() {
        String target = "/api/v1/councils/" + COUNCIL + "/targets/" + SERVICE + "/web";
        json(HttpRequest.PUT(target, Map.of("target", 0.95)), councilAdmin);
        List<Alert> missed = evaluator.evaluate(TODAY);
        assertEquals(List.of(Alert.TARGET_MISSED), missed.stream().map(Alert::kind).toList());
        // the latest 90 days hold June, July and August: 82 of 120 satisfied
        assertEquals(120, missed.get(0).n());
        assertEquals(82.0 / 120, missed.get(0).figure(), 1e-12);
        assertEquals(0.95, missed.get(0).threshold(), 1e-12);

        assertTrue(evaluator.evaluate(TODAY).isEmpty(), "still missed");
        json(HttpRequest.PUT(target, Map.of("target", 0.5)), councilAdmin);
        assertTrue(evaluator.evaluate(TODAY).isEmpty(), "recovered: met");
        json(HttpRequest.PUT(target, Map.of("target", 0.95)), councilAdmin);
        assertEquals(1, evaluator.evaluate(TODAY).size(), "missed anew");
        assertEquals(3, alerts(officer).size());
        assertTrue(smtp.waitForIncomingEmail(10_000, 3));
        assertEquals(3, smtp.getReceivedMessages().length);
    }

    @Test
    @Order(4)
    void anOfficerAcknowledgesAnAlertOnce() {
        long id = ((Number) alerts(officer).get(0).get("id")).longValue();
        String path = "/api/v1/councils/" + COUNCIL + "/alerts/" + id + "/acknowledge";
        Map<String, Object> acknowledged = json(HttpRequest.POST(path, Map.of()), officer);
        assertEquals("officer@" + COUNCIL, acknowledged.get("acknowledgedBy"));
        assertNotNull(acknowledged.get("acknowledgedAt"));
        assertEquals(HttpStatus.CONFLICT, status(HttpRequest.POST(path, Map.of()), officer));
        assertEquals(HttpStatus.NOT_FOUND, status(HttpRequest.POST("/api/v1/councils/" + COUNCIL + "/alerts/999999/acknowledge", Map.of()), officer));
        assertEquals(HttpStatus.BAD_REQUEST, status(HttpRequest.GET("/api/v1/councils/" + COUNCIL + "/alerts?status=loud"), officer));
        List<Map<String, Object>> open = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/councils/" + COUNCIL + "/alerts?status=unacknowledged")
                .bearerAuth(officer), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertTrue(open.stream().noneMatch(a -> ((Number) a.get("id")).longValue() == id));
    }

    @Test
    @Order(5)
    void anOfficerOfAnotherCouncilCanNeitherSeeNorActOnTheAlertsByAnyRoute() {
        long id = ((Number) alerts(officer).get(1).get("id")).longValue();
        String base = "/api/v1/councils/" + COUNCIL + "/alerts";
        for (MutableHttpRequest<?> r : List.<MutableHttpRequest<?>>of(HttpRequest.GET(base), HttpRequest.GET(base + "?status=unacknowledged"),
                HttpRequest.POST(base + "/" + id + "/acknowledge", Map.of()), HttpRequest.GET(base + "/recipients"),
                HttpRequest.PUT(base + "/recipients", Map.of("emails", List.of("spy@example.org"))))) {
            assertEquals(HttpStatus.FORBIDDEN, status(r, otherOfficer), r.getMethod() + " " + r.getUri());
        }
        assertEquals(HttpStatus.NOT_FOUND, status(HttpRequest.POST("/api/v1/councils/" + OTHER + "/alerts/" + id + "/acknowledge", Map.of()), otherOfficer));
        assertTrue(client.toBlocking().retrieve(HttpRequest.GET("/api/v1/councils/" + OTHER + "/alerts").bearerAuth(otherOfficer),
                Argument.listOf(Argument.mapOf(String.class, Object.class))).isEmpty());
        assertTrue(alerts(officer).get(1).get("acknowledgedAt") == null, "untouched by the other council's officer");
    }

    @Test
    @Order(6)
    @SuppressWarnings("unchecked")
    void aTimelinessStandardNewlyMissedRaisesOneAlertNamingTheStandard() {
        Map<String, Object> standard = new java.util.HashMap<>(Map.of("code", "phone-answer", "effectiveFrom", "2024-01-01",
                "channel", "phone", "contactType", "call", "measure", "first_response", "limit", 60, "unit", "seconds",
                "targetShare", 0.9, "promiseEn", "We answer calls within a minute"));
        standard.put("promiseCy", "Rydym yn ateb galwadau o fewn munud");
        assertEquals(HttpStatus.CREATED, status(HttpRequest.POST("/api/v1/councils/" + COUNCIL + "/standards", standard), councilAdmin));
        await().atMost(60, TimeUnit.SECONDS).until(() -> {
            List<Map<String, Object>> rows = (List<Map<String, Object>>) json(HttpRequest.GET("/api/v1/councils/" + COUNCIL
                    + "/timeliness?from=2024-07-01&to=2024-07-31"), officer).get("rows");
            return !rows.isEmpty() && ((Number) ((Map<String, Object>) rows.get(0).get("withinStandard")).get("n")).intValue() == 40;
        });
        List<Alert> raised = evaluator.evaluate(TODAY);
        assertEquals(List.of(Alert.STANDARD_MISSED), raised.stream().map(Alert::kind).toList(), raised.toString());
        Alert missed = raised.get(0);
        assertEquals("phone-answer", missed.rule());
        assertEquals("alert_it_contact_centre", missed.service());
        assertEquals("phone", missed.channel());
        assertEquals(0.0, missed.figure(), 1e-12);
        assertEquals(40, missed.n());
        assertEquals(0.9, missed.threshold(), 1e-12);
        assertTrue(evaluator.evaluate(TODAY).isEmpty(), "still missed");
        assertTrue(smtp.waitForIncomingEmail(10_000, 4));
        assertEquals(4, smtp.getReceivedMessages().length);
    }

    @Test
    @Order(7)
    void theAlertsApiIsDocumentedInOpenApi() {
        String spec = client.toBlocking().retrieve(HttpRequest.GET("/openapi/civic-pulse-analytics-api-1.yml"));
        for (String path : List.of("/api/v1/councils/{council}/alerts:", "/api/v1/councils/{council}/alerts/{id}/acknowledge:",
                "/api/v1/councils/{council}/alerts/recipients:", "/api/v1/councils/{council}/cases:",
                "/api/v1/councils/{council}/cases/{id}:", "/api/v1/councils/{council}/cases/{id}/close:",
                "/api/v1/councils/{council}/cases/time-to-close:")) {
            assertTrue(spec.contains(path), path + " is not documented");
        }
        assertTrue(!spec.contains("/dashboard/councils/{council}/alerts"), "pages stay out of the API description");
    }

    @Test
    @Order(8)
    @SuppressWarnings("unchecked")
    void anAlertWhoseSendFailedIsSentOnceTheServerIsBackInWelshThenEnglishForACouncilThatWorksInWelsh() throws Exception {
        councils.saveCouncil(new CouncilRepository.Council(WELSH, "Cyngor Rhybudd", "unitary", List.of("cy", "en")));
        alertRepository.setRecipients(WELSH, List.of("perfformiad@rhybudd.gov.wales"), "test");
        int port = smtp.getSmtp().getPort();
        int before = smtp.getReceivedMessages().length;
        smtp.stop();

        List<Alert> raised = evaluator.evaluate(WELSH_TODAY);
        assertEquals(List.of(WELSH), raised.stream().map(Alert::council).toList(), raised.toString());
        Alert dip = raised.get(0);
        AlertRepository.Due failed = alertRepository.delivery(dip.id()).orElseThrow();
        assertEquals(1, failed.attempts(), "tried once, while the server was down");
        assertNull(failed.alert().emailedAt());
        assertEquals(0, mailer.deliverDue(), "not due again before its backoff, and the server is still down");
        // the officers see on the alerts page that nobody has been told yet, and why
        String welshOfficer = login("officer@" + WELSH);
        String page = alertsPage(WELSH, "?lang=cy", welshOfficer);
        assertTrue(page.contains("Heb ei anfon eto (ymgeisiau a fethodd: 1; y gwall olaf: ") && page.contains("Couldn&#39;t connect to host"), page);
        String inEnglish = alertsPage(WELSH, "", welshOfficer);
        assertTrue(inEnglish.contains("Not sent yet (failed tries: 1; last error: ") && inEnglish.contains("Couldn&#39;t connect to host"), inEnglish);
        Map<String, Object> delivery = (Map<String, Object>) client.toBlocking().retrieve(HttpRequest.GET("/api/v1/councils/" + WELSH + "/alerts")
                .bearerAuth(welshOfficer), Argument.listOf(Argument.mapOf(String.class, Object.class))).get(0).get("email");
        assertEquals("retrying", delivery.get("state"));
        assertEquals(1, ((Number) delivery.get("attempts")).intValue());
        assertNotNull(delivery.get("nextTry"));

        smtp = startSmtp(port);
        await().atMost(30, TimeUnit.SECONDS).until(() -> mailer.deliverDue() == 1);
        assertEquals(0, mailer.deliverDue(), "sent: never again");
        assertTrue(evaluator.evaluate(WELSH_TODAY).isEmpty());
        Thread.sleep(3_000); // past the longest backoff: anything still due would now be sent
        assertEquals(0, mailer.deliverDue());
        assertTrue(smtp.waitForIncomingEmail(10_000, 1));
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length, "exactly one email once the server is back (" + before + " before it stopped)");
        MimeMessage email = received[0];
        assertEquals("perfformiad@rhybudd.gov.wales", email.getAllRecipients()[0].toString());
        assertTrue(email.getSubject().startsWith("Rhybudd Civic Pulse: Gostyngiad mewn bodlonrwydd – Cyngor Rhybudd"), email.getSubject());
        assertTrue(email.getSubject().contains(" / Civic Pulse alert: Dip in satisfaction – Cyngor Rhybudd"), email.getSubject());
        String body = text(email);
        int welsh = body.indexOf("Rheol: pwynt y tu hwnt i’r terfynau rheoli");
        int english = body.indexOf("Rule: a point beyond the control limits");
        assertTrue(welsh > 0 && english > welsh, "Welsh first, then English: " + body);
        assertTrue(body.contains("Ffigur: 25.0% (cyfwng 95% 14.2% i 40.2%), n = 40"), body);
        assertTrue(body.contains("Cyfnod: 1 Awst 2023 i "), body);
        assertTrue(body.contains("/dashboard/councils/" + WELSH + "/dips?service=" + SERVICE + "&channel=web&lang=cy"), body);
        AlertRepository.Due sent = alertRepository.delivery(dip.id()).orElseThrow();
        assertNotNull(sent.alert().emailedAt());
        assertEquals(2, sent.attempts());
        assertTrue(alertsPage(WELSH, "?lang=cy", welshOfficer).contains("Anfonwyd "));
        assertTrue(alertsPage(WELSH, "", welshOfficer).contains(">Sent "));
    }

    @Test
    @Order(9)
    void aSustainedRiseRaisesOneImprovementAlertWordedAsSuchAndEmailedOnce() throws Exception {
        alertRepository.setRecipients(IMPROVING, List.of("performance@improvingshire.gov.uk"), "test");
        int before = smtp.getReceivedMessages().length;
        List<Alert> raised = evaluator.evaluate(IMPROVING_TODAY);
        assertEquals(List.of(Alert.IMPROVEMENT), raised.stream().map(Alert::kind).toList(), raised.toString());
        Alert rise = raised.get(0);
        assertEquals(IMPROVING, rise.council());
        assertEquals(PChart.BEYOND_LIMITS, rise.rule());
        assertEquals(1.0, rise.figure(), 1e-12);
        // R: p <- 196/280; p + 3 * sqrt(p * (1 - p) / 40) = 0.9173707
        assertEquals(0.9173707, rise.threshold(), 1e-6);
        assertTrue(evaluator.evaluate(IMPROVING_TODAY).isEmpty(), "the same rise again raises nothing");
        assertTrue(smtp.waitForIncomingEmail(10_000, before + 1));
        Thread.sleep(500); // any second email would have arrived by now
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(before + 1, received.length);
        MimeMessage email = received[received.length - 1];
        assertTrue(email.getSubject().startsWith("Civic Pulse alert: Improvement in satisfaction – improvingshire"), email.getSubject());
        String body = text(email);
        assertTrue(body.contains("Rule: a point above the upper control limit"), body);
        assertTrue(body.contains("Upper control limit: 91.7%"), body);
        assertTrue(body.contains("This is an improvement, not a breach"), body);
        List<Map<String, Object>> listed = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/councils/" + IMPROVING + "/alerts")
                .bearerAuth(login("officer@" + IMPROVING)), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertEquals(List.of("improvement"), listed.stream().map(a -> a.get("kind")).toList());
    }
}
