package uk.civicpulse.analytics.evidence;

import io.micronaut.context.MessageSource;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Sentences of the evidence pack from the message bundles, with their figures, in one language. */
final class Wording {

    private final MessageSource messages;
    private final Locale locale;

    Wording(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    String t(String key, Object... args) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            variables.put(Integer.toString(i), args[i]);
        }
        MessageSource.MessageContext context = MessageSource.MessageContext.of(locale, variables);
        return messages.getMessage(key, context).map(m -> messages.interpolate(m, context)).orElse(key);
    }

    static String pct(Double proportion) {
        return proportion == null ? "–" : String.format(Locale.UK, "%.1f%%", proportion * 100);
    }

    static String ratio(Double ratio) {
        return ratio == null ? "–" : String.format(Locale.UK, "%.2f", ratio);
    }
}
