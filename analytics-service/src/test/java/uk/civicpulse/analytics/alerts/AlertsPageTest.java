package uk.civicpulse.analytics.alerts;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertsPageTest {

    private static final Instant RAISED = Instant.parse("2025-08-01T08:00:00Z");
    private static final Instant LATER = Instant.parse("2025-08-01T09:30:00Z");

    @Test
    void anAlertsEmailStandsAsSentDueRetryingOrNotSentFromItsColumns() {
        assertEquals(new Alert.Email(Alert.Email.SENT, 2, null, null), Alert.Email.of(LATER, null, 2, null),
                "sent: the last error before it went is history");
        assertEquals(new Alert.Email(Alert.Email.DUE, 0, null, RAISED), Alert.Email.of(null, RAISED, 0, null));
        assertEquals(new Alert.Email(Alert.Email.RETRYING, 3, "Connection refused", LATER),
                Alert.Email.of(null, LATER, 3, "Connection refused"));
        assertEquals(new Alert.Email(Alert.Email.NOT_SENT, 0, AlertMailer.NO_RECIPIENTS, null),
                Alert.Email.of(null, null, 0, AlertMailer.NO_RECIPIENTS));
        assertEquals(new Alert.Email(Alert.Email.NOT_SENT, 0, null, null), Alert.Email.of(null, null, 0, null),
                "raised before alerts were emailed");
    }

    @Test
    void thePageWordsTheRecordedReasonsAndShortensALongMailServerError() {
        AlertsPage.Delivery none = AlertsPage.row(alert(null, Alert.Email.of(null, null, 0, AlertMailer.NO_RECIPIENTS)), Locale.UK).email();
        assertEquals("alerts.delivery.notSent.noRecipients", none.key());
        AlertsPage.Delivery noServer = AlertsPage.row(alert(null, Alert.Email.of(null, null, 0, AlertMailer.NO_MAIL_SERVER)), Locale.UK).email();
        assertEquals("alerts.delivery.notSent.noMailServer", noServer.key());
        AlertsPage.Delivery old = AlertsPage.row(alert(null, Alert.Email.of(null, null, 0, null)), Locale.UK).email();
        assertEquals("alerts.delivery.notSent.unknown", old.key());

        String error = "535 5.7.8 Authentication\n  credentials invalid " + "x".repeat(400);
        AlertsPage.Delivery retrying = AlertsPage.row(alert(null, Alert.Email.of(null, LATER, 4, error)), Locale.UK).email();
        assertEquals("alerts.delivery.retrying", retrying.key());
        assertEquals(4, retrying.attempts());
        assertEquals(200, retrying.problem().length());
        assertTrue(retrying.problem().startsWith("535 5.7.8 Authentication credentials invalid xxx"), retrying.problem());
        assertTrue(retrying.problem().endsWith("…"));
        assertEquals("1 Aug 2025 10:30", retrying.when(), "the next try in council time (BST)");

        AlertsPage.Delivery sent = AlertsPage.row(alert(LATER, Alert.Email.of(LATER, null, 1, null)), Locale.UK).email();
        assertEquals("alerts.delivery.sent", sent.key());
        assertEquals("1 Aug 2025 10:30", sent.when());
        assertEquals("", sent.problem());
    }

    @Test
    void theWelshPageWritesTheTimeInWelsh() {
        AlertsPage.Delivery sent = AlertsPage.row(alert(LATER, Alert.Email.of(LATER, null, 1, null)), new Locale("cy")).email();
        assertTrue(sent.when().startsWith("1 Awst 2025"), sent.when());
        assertNull(Alert.Email.of(LATER, null, 1, "old error").problem());
    }

    private static Alert alert(Instant emailedAt, Alert.Email email) {
        return new Alert(1, "northmoor", Alert.DIP, "libraries", "web", "point_beyond_limits", java.time.LocalDate.of(2025, 7, 1),
                java.time.LocalDate.of(2025, 7, 31), 0.25, 0.142, 0.402, 40, 0.6, "", RAISED, emailedAt, null, null, email);
    }
}
