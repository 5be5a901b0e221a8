package uk.civicpulse.analytics.dashboard;

import io.micronaut.core.annotation.Nullable;
import uk.civicpulse.analytics.pages.PageMessages;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard's words and numbers in the page's language: messages from {@code i18n/pages*.properties} (with
 * {@code {0}}-style arguments), and figures rounded for reading. Welsh text uses the typographic apostrophe (’):
 * a plain one would be taken for MessageFormat quoting when a template reads the message.
 * Tables keep the unrounded figure beside each rounded one (data-value, CSV); only what is read is rounded here.
 */
final class Words {

    private final PageMessages messages;
    private final Locale locale;

    Words(PageMessages messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    boolean welsh() {
        return locale.getLanguage().equals("cy");
    }

    String get(String key, Object... arguments) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < arguments.length; i++) {
            variables.put(Integer.toString(i), String.valueOf(arguments[i]));
        }
        return messages.getMessage(key, locale, variables).orElse(key);
    }

    /** A message whose key ends in a code, or the code itself (humanised) when there is no such message. */
    String named(String prefix, @Nullable String code) {
        if (code == null) {
            return "";
        }
        return messages.getMessage(prefix + code, locale).orElse(humanise(code));
    }

    /** A council's own code (a service, a customer-group answer) as words: "council_tax" reads "Council tax". */
    static String humanise(@Nullable String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String spaced = code.replace('_', ' ').replace('-', ' ');
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** A proportion 0-1 as a percentage with one decimal place: 0.93125 reads "93.1%". */
    static String percent(@Nullable Double proportion) {
        return proportion == null ? "" : String.format(Locale.UK, "%.1f%%", proportion * 100);
    }

    /** A proportion 0-1 as unrounded percentage points, for data-value and CSV. */
    static Double points(@Nullable Double proportion) {
        return proportion == null ? null : proportion * 100;
    }

    static String decimal(@Nullable Double value, int places) {
        return value == null ? "" : String.format(Locale.UK, "%." + places + "f", value);
    }

    /** A p-value in a sentence: "p = 0.012", or "p < 0.001". */
    static String pStatement(@Nullable Double p) {
        return p == null ? "" : p < 0.001 ? "p < 0.001" : "p = " + pValue(p);
    }

    /** A p-value as a statistician would write it: below 0.001 as "< 0.001". */
    static String pValue(@Nullable Double p) {
        if (p == null) {
            return "";
        }
        return p < 0.001 ? "< 0.001" : String.format(Locale.UK, "%.3f", p);
    }
}
