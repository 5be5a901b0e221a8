package uk.civicpulse.analytics.alerts;

import io.micronaut.email.BodyType;
import io.micronaut.email.Email;
import io.micronaut.email.EmailSender;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.civicpulse.analytics.councils.CouncilRepository;
import uk.civicpulse.analytics.pages.PageMessages;

import java.time.Duration;
import java.util.List;

/**
 * Emails alerts to the council's recipients through the configured SMTP server, in the council's languages
 * ({@link AlertEmail}). Every new alert's email is due at once; a send that fails (server down, refused) is kept and
 * tried again after {@link AlertSettings#retryBackoff()}, doubling up to {@link AlertSettings#retryBackoffMax()},
 * until it goes; one that went is never sent again. Without a server, or without recipients, the alert stays
 * recorded and shown on the dashboard, the reason is stored with it, and it is not sent later.
 * Error strategy: a failed send is logged and retried; it never undoes the alert.
 */
@Singleton
public class AlertMailer {

    private static final Logger LOG = LoggerFactory.getLogger(AlertMailer.class);
    /** Why an alert is not emailed, as recorded (the alerts page words each in the page's language). */
    static final String NO_MAIL_SERVER = "no SMTP server configured (ANALYTICS_SMTP_HOST)";
    static final String NO_RECIPIENTS = "the council has no alert recipients";
    /**
     * How long a claimed alert is left to the sender that claimed it: well past the SMTP timeouts (10 s each), so it
     * is sent again only if that sender died mid-send. Alerts are claimed one at a time, each just before its send,
     * so no claimed alert waits behind slow sends of others and outlives its lease.
     */
    private static final Duration LEASE = Duration.ofMinutes(10);

    private final EmailSender<?, ?> sender;
    private final AlertRepository alerts;
    private final CouncilRepository councils;
    private final AlertSettings settings;
    private final AlertEmail email;

    public AlertMailer(EmailSender<?, ?> sender, AlertRepository alerts, CouncilRepository councils, AlertSettings settings,
                       PageMessages messages) {
        this.sender = sender;
        this.alerts = alerts;
        this.councils = councils;
        this.settings = settings;
        this.email = new AlertEmail(messages);
    }

    /**
     * Sends the alerts whose email is due (new, or due to be tried again), oldest due first, until none is due or a
     * send fails: a server that is down is not asked again for each alert in this pass; the others follow in the next
     * pass, before the failed one, whose next try waits its backoff. Returns how many went.
     */
    public int deliverDue() {
        if (!settings.emailConfigured()) {
            int skipped = alerts.markNotEmailed(null, NO_MAIL_SERVER);
            if (skipped > 0) {
                LOG.info("{} alert(s) recorded; no email sent: no SMTP server configured (ANALYTICS_SMTP_HOST)", skipped);
            }
            return 0;
        }
        int sent = 0;
        while (true) {
            List<AlertRepository.Due> due = alerts.claimDue(1, LEASE);
            if (due.isEmpty()) {
                return sent;
            }
            Outcome outcome = send(due.get(0));
            if (outcome == Outcome.FAILED) {
                return sent;
            }
            sent += outcome == Outcome.SENT ? 1 : 0;
        }
    }

    private enum Outcome { SENT, NOT_TO_BE_SENT, FAILED }

    private Outcome send(AlertRepository.Due due) {
        Alert alert = due.alert();
        List<String> recipients = alerts.recipients(alert.council());
        if (recipients.isEmpty()) {
            alerts.markNotEmailed(alert.id(), NO_RECIPIENTS);
            LOG.info("Alert {} for {} recorded; no email sent: the council has no alert recipients", alert.id(), alert.council());
            return Outcome.NOT_TO_BE_SENT;
        }
        CouncilRepository.Council council = councils.council(alert.council())
                .orElse(new CouncilRepository.Council(alert.council(), null, null, List.of("en")));
        String councilName = council.name() == null ? council.code() : council.name();
        AlertEmail.Message message = email.compose(alert, councilName, settings.dashboardUrl(), AlertEmail.languages(council));
        try {
            Email.Builder builder = Email.builder().from(settings.smtpFrom()).subject(message.subject())
                    .body(message.body(), BodyType.TEXT);
            recipients.forEach(builder::to);
            sender.send(builder);
        } catch (RuntimeException e) {
            Duration retryIn = backoff(due.attempts() + 1, settings.retryBackoff(), settings.retryBackoffMax());
            alerts.markFailed(alert.id(), String.valueOf(e.getMessage()), retryIn);
            LOG.warn("Alert {} for {}: email not sent (try {}), tried again in {}: {}", alert.id(), alert.council(),
                    due.attempts() + 1, retryIn, e.getMessage());
            return Outcome.FAILED;
        }
        alerts.markEmailed(alert.id());
        return Outcome.SENT;
    }

    /** The wait after the {@code failures}-th failed send: {@code first}, doubled after each further failure, at most {@code max}. */
    static Duration backoff(int failures, Duration first, Duration max) {
        Duration wait = first;
        for (int i = 1; i < failures && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
