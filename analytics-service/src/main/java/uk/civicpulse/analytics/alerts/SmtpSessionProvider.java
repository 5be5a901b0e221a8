package uk.civicpulse.analytics.alerts;

import io.micronaut.context.annotation.Primary;
import io.micronaut.email.javamail.sender.SessionProvider;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;

import java.util.Properties;

/** The Jakarta Mail session for the SMTP server named by {@code ANALYTICS_SMTP_*} (see {@link AlertSettings}). */
@Primary
@Singleton
class SmtpSessionProvider implements SessionProvider {

    private final AlertSettings settings;

    SmtpSessionProvider(AlertSettings settings) {
        this.settings = settings;
    }

    @Override
    public Session session() {
        Properties p = new Properties();
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", settings.smtpHost() == null ? "" : settings.smtpHost());
        p.put("mail.smtp.port", String.valueOf(settings.smtpPort()));
        // upgrade to TLS where the server offers it (every real relay); a local test server without it still works
        p.put("mail.smtp.starttls.enable", "true");
        // an unreachable server must not hold the evaluation for minutes
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "10000");
        p.put("mail.smtp.writetimeout", "10000");
        String username = settings.smtpUsername();
        if (username == null || username.isBlank()) {
            return Session.getInstance(p);
        }
        p.put("mail.smtp.auth", "true");
        String password = settings.smtpPassword() == null ? "" : settings.smtpPassword();
        return Session.getInstance(p, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(username, password);
            }
        });
    }
}
