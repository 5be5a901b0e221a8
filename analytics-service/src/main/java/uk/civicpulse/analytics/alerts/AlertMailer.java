package uk.civicpulse.analytics.alerts;

import io.micronaut.email.BodyType;
import io.micronaut.email.Email;
import io.micronaut.email.EmailException;
import io.micronaut.email.EmailSender;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.civicpulse.analytics.councils.CouncilRepository;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Emails a new alert to the council's recipients through the configured SMTP server. Without a server, or without
 * recipients, the alert stays recorded and shown on the dashboard and the skip is logged. A failed send is logged
 * and does not undo the alert (error strategy: log and carry on; the dashboard still shows it).
 */
@Singleton
public class AlertMailer {

    private static final Logger LOG = LoggerFactory.getLogger(AlertMailer.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final EmailSender<?, ?> sender;
    private final AlertRepository alerts;
    private final CouncilRepository councils;
    private final AlertSettings settings;

    public AlertMailer(EmailSender<?, ?> sender, AlertRepository alerts, CouncilRepository councils, AlertSettings settings) {
        this.sender = sender;
        this.alerts = alerts;
        this.councils = councils;
        this.settings = settings;
    }

    /** @return whether the email went to at least one recipient */
    public boolean send(Alert alert) {
        if (!settings.emailConfigured()) {
            LOG.info("Alert {} for {} recorded; no email sent: no SMTP server configured (ANALYTICS_SMTP_HOST)", alert.id(), alert.council());
            return false;
        }
        List<String> recipients = alerts.recipients(alert.council());
        if (recipients.isEmpty()) {
            LOG.info("Alert {} for {} recorded; no email sent: the council has no alert recipients", alert.id(), alert.council());
            return false;
        }
        String councilName = councils.councils().stream().filter(c -> c.code().equals(alert.council()))
                .map(c -> c.name() == null ? c.code() : c.name()).findFirst().orElse(alert.council());
        try {
            Email.Builder email = Email.builder().from(settings.smtpFrom()).subject(subject(alert, councilName))
                    .body(body(alert, councilName, settings.dashboardUrl()), BodyType.TEXT);
            recipients.forEach(email::to);
            sender.send(email);
            alerts.markEmailed(alert.id());
            return true;
        } catch (EmailException | IllegalStateException e) {
            LOG.warn("Alert {} for {} recorded but its email could not be sent: {}", alert.id(), alert.council(), e.getMessage());
            return false;
        }
    }

    static String subject(Alert alert, String councilName) {
        String what = switch (alert.kind()) {
            case Alert.DIP -> "Dip in satisfaction";
            case Alert.TARGET_MISSED -> "Target missed";
            default -> "Timeliness standard missed";
        };
        return "Civic Pulse alert: " + what + " – " + councilName + where(alert);
    }

    static String body(Alert alert, String councilName, String dashboardUrl) {
        StringBuilder b = new StringBuilder();
        b.append("Council: ").append(councilName).append(" (").append(alert.council()).append(")\n");
        b.append("Service: ").append(alert.service() == null ? "all services" : alert.service()).append('\n');
        b.append("Channel: ").append(alert.channel() == null ? "all channels" : alert.channel()).append('\n');
        switch (alert.kind()) {
            case Alert.DIP -> b.append("Rule: ").append(AlertText.ruleName(alert.rule())).append(" (NHS Making Data Count; ")
                    .append(alert.rule()).append(")\n");
            case Alert.TARGET_MISSED -> b.append("Target: ").append(AlertText.percent(alert.threshold())).append(" satisfied\n");
            default -> b.append("Standard: ").append(alert.rule()).append(", target ").append(AlertText.percent(alert.threshold()))
                    .append(" within the standard\n");
        }
        b.append("What happened: ").append(alert.summary()).append('\n');
        b.append("Figure: ").append(AlertText.percent(alert.figure())).append(" (95% interval ").append(AlertText.percent(alert.lower()))
                .append(" to ").append(AlertText.percent(alert.upper())).append("), n = ").append(alert.n()).append('\n');
        if (alert.kind().equals(Alert.DIP)) {
            b.append("Lower control limit: ").append(AlertText.percent(alert.threshold())).append('\n');
        }
        b.append("Period: ").append(DAY.format(alert.periodFrom())).append(" to ").append(DAY.format(alert.periodTo())).append('\n');
        b.append('\n').append("See it on the dashboard: ").append(link(alert, dashboardUrl)).append('\n');
        b.append("Acknowledge it: ").append(stripSlash(dashboardUrl)).append("/dashboard/councils/").append(alert.council()).append("/alerts\n");
        return b.toString();
    }

    /** The dashboard page that shows the figure behind the alert. */
    static String link(Alert alert, String dashboardUrl) {
        String base = stripSlash(dashboardUrl) + "/dashboard/councils/" + alert.council();
        return switch (alert.kind()) {
            case Alert.DIP -> base + "/dips?service=" + encode(alert.service()) + "&channel=" + encode(alert.channel());
            case Alert.STANDARD_MISSED -> base + "/timeliness";
            default -> base + "?service=" + encode(alert.service()) + "&channel=" + encode(alert.channel());
        };
    }

    private static String where(Alert alert) {
        if (alert.service() == null) {
            return "";
        }
        return ", " + alert.service() + (alert.channel() == null ? "" : " (" + alert.channel() + ")");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String encode(String s) {
        return s == null ? "" : URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
