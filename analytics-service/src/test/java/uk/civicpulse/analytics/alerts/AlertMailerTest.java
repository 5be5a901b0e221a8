package uk.civicpulse.analytics.alerts;

import org.junit.jupiter.api.Test;
import uk.civicpulse.analytics.stats.PChart;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertMailerTest {

    static final Alert DIP = new Alert(7, "northmoor", Alert.DIP, "libraries", "face_to_face", PChart.SHIFT,
            LocalDate.of(2025, 1, 1), LocalDate.of(2025, 7, 31), 0.85, 0.7667, 0.9069, 100, 0.81,
            "7 months in a row below the baseline", Instant.parse("2025-08-01T08:00:00Z"), null, null, null);

    @Test
    void theEmailNamesCouncilServiceChannelRuleFigureWithItsIntervalAndNAndLinksToTheChart() {
        String body = AlertMailer.body(DIP, "Northmoor City Council", "https://dashboard.example.gov.uk/");
        assertTrue(body.contains("Council: Northmoor City Council (northmoor)"), body);
        assertTrue(body.contains("Service: libraries"), body);
        assertTrue(body.contains("Channel: face_to_face"), body);
        assertTrue(body.contains("Rule: a shift: 7 or more points in a row below the centre line"), body);
        assertTrue(body.contains("Figure: 85.0% (95% interval 76.7% to 90.7%), n = 100"), body);
        assertTrue(body.contains("Lower control limit: 81.0%"), body);
        assertTrue(body.contains("Period: 1 January 2025 to 31 July 2025"), body);
        assertTrue(body.contains("https://dashboard.example.gov.uk/dashboard/councils/northmoor/dips?service=libraries&channel=face_to_face"), body);
        assertEquals("Civic Pulse alert: Dip in satisfaction – Northmoor City Council, libraries (face_to_face)",
                AlertMailer.subject(DIP, "Northmoor City Council"));
    }

    @Test
    void withoutAnSmtpServerTheAlertIsKeptAndNoEmailIsAttempted() {
        AlertSettings noSmtp = new AlertSettings(24, 12, 2, 90, "http://127.0.0.1:8081", "", 587, null, null, "a@b.c");
        // no sender, repository or councils: touching any of them would fail this test
        AlertMailer mailer = new AlertMailer(null, null, null, noSmtp);
        assertFalse(mailer.send(DIP));
    }
}
