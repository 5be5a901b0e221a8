package uk.civicpulse.analytics.alerts;

import io.micronaut.context.MessageSource;
import uk.civicpulse.analytics.councils.CouncilRepository;
import uk.civicpulse.analytics.pages.LanguageLocaleResolver;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An alert as a plain-text email in the council's languages, with the words of the pages' message bundles
 * ({@code i18n/pages*.properties}, keys {@code alerts.email.*}). A council that works in Welsh gets Welsh and English
 * in one email, Welsh first (the Welsh Language Standards: Welsh not treated less favourably, and placed first);
 * any other council, English. The subject carries both languages, the body one section per language, and the links
 * of the Welsh section open the dashboard in Welsh.
 */
final class AlertEmail {

    record Message(String subject, String body) {
    }

    private final MessageSource messages;

    AlertEmail(MessageSource messages) {
        this.messages = messages;
    }

    /** The languages of the council's alert emails, in the order they appear. */
    static List<Locale> languages(CouncilRepository.Council council) {
        return council.welsh() ? List.of(LanguageLocaleResolver.WELSH, LanguageLocaleResolver.ENGLISH)
                : List.of(LanguageLocaleResolver.ENGLISH);
    }

    Message compose(Alert alert, String councilName, String dashboardUrl, List<Locale> languages) {
        List<String> subjects = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (Locale locale : languages) {
            subjects.add(subject(alert, councilName, locale));
            bodies.add(body(alert, councilName, dashboardUrl, locale));
        }
        StringBuilder body = new StringBuilder();
        if (languages.size() > 1) {
            body.append(text(languages.get(1), "alerts.email.below")).append("\n\n");
        }
        body.append(String.join("\n----------------------------------------\n\n", bodies));
        return new Message(String.join(" / ", subjects), body.toString());
    }

    String subject(Alert alert, String councilName, Locale locale) {
        return text(locale, "alerts.email.subject", text(locale, "alerts.email.what." + alert.kind()), councilName) + where(alert);
    }

    String body(Alert alert, String councilName, String dashboardUrl, Locale locale) {
        boolean welsh = locale.getLanguage().equals("cy");
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
        List<String> lines = new ArrayList<>();
        lines.add(text(locale, "alerts.email.council", councilName, alert.council()));
        lines.add(text(locale, "alerts.email.service", alert.service() == null ? text(locale, "alerts.email.allServices") : alert.service()));
        lines.add(text(locale, "alerts.email.channel", alert.channel() == null ? text(locale, "alerts.email.allChannels") : alert.channel()));
        String side = AlertText.side(alert.kind());
        switch (alert.kind()) {
            case Alert.TARGET_MISSED -> lines.add(text(locale, "alerts.email.target", AlertText.percent(alert.threshold())));
            case Alert.STANDARD_MISSED -> lines.add(text(locale, "alerts.email.standard", alert.rule(), AlertText.percent(alert.threshold())));
            default -> lines.add(text(locale, "alerts.email.rule", text(locale, "alerts.email.rule." + side + "." + alert.rule()), alert.rule()));
        }
        lines.add(text(locale, "alerts.email.whatHappened", summary(alert, locale)));
        lines.add(text(locale, "alerts.email.figure", AlertText.percent(alert.figure()), AlertText.percent(alert.lower()),
                AlertText.percent(alert.upper()), alert.n()));
        if (side != null) {
            lines.add(text(locale, side.equals("low") ? "alerts.email.lowerLimit" : "alerts.email.upperLimit", AlertText.percent(alert.threshold())));
        }
        if (Alert.IMPROVEMENT.equals(alert.kind())) {
            lines.add(text(locale, "alerts.email.improvement"));
        }
        lines.add(text(locale, "alerts.email.period", day.format(alert.periodFrom()), day.format(alert.periodTo())));
        lines.add("");
        lines.add(text(locale, "alerts.email.dashboard", inLanguage(link(alert, dashboardUrl), welsh)));
        lines.add(text(locale, "alerts.email.acknowledge", inLanguage(stripSlash(dashboardUrl) + "/dashboard/councils/" + alert.council() + "/alerts", welsh)));
        return String.join("\n", lines) + "\n";
    }

    /** What happened, in words: from the alert's figures, so that it reads the same in each language. */
    private String summary(Alert alert, Locale locale) {
        return switch (alert.kind()) {
            case Alert.TARGET_MISSED -> text(locale, "alerts.email.summary.target_missed", AlertText.percent(alert.figure()),
                    AlertText.percent(alert.threshold()));
            case Alert.STANDARD_MISSED -> text(locale, "alerts.email.summary.standard_missed", AlertText.percent(alert.figure()),
                    alert.rule(), AlertText.percent(alert.threshold()));
            default -> text(locale, "alerts.email.summary." + AlertText.side(alert.kind()) + "." + alert.rule(),
                    ChronoUnit.MONTHS.between(alert.periodFrom().withDayOfMonth(1), alert.periodTo().withDayOfMonth(1)) + 1);
        };
    }

    /** The dashboard page that shows the figure behind the alert. */
    static String link(Alert alert, String dashboardUrl) {
        String base = stripSlash(dashboardUrl) + "/dashboard/councils/" + alert.council();
        return switch (alert.kind()) {
            case Alert.DIP, Alert.IMPROVEMENT -> base + "/dips?service=" + encode(alert.service()) + "&channel=" + encode(alert.channel());
            case Alert.STANDARD_MISSED -> base + "/timeliness";
            default -> base + "?service=" + encode(alert.service()) + "&channel=" + encode(alert.channel());
        };
    }

    private String text(Locale locale, String key, Object... arguments) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < arguments.length; i++) {
            variables.put(Integer.toString(i), String.valueOf(arguments[i]));
        }
        return messages.getMessage(key, locale, variables).orElseThrow(() -> new IllegalStateException("no message " + key + " for " + locale));
    }

    private static String inLanguage(String url, boolean welsh) {
        return welsh ? url + (url.contains("?") ? "&" : "?") + "lang=cy" : url;
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
