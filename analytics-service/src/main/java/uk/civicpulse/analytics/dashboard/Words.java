package uk.civicpulse.analytics.dashboard;

import io.micronaut.core.annotation.Nullable;
import uk.civicpulse.analytics.pages.PageMessages;

import java.util.Locale;

/**
 * The dashboard's words and numbers in the page's language: messages from {@code i18n/pages*.properties} (with
 * {@code {0}}-style arguments filled in plainly, so Welsh apostrophes survive), and figures rounded for reading.
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
        String text = messages.getMessage(key, locale).orElse(key);
        for (int i = 0; i < arguments.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
        }
        return text;
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

    /** A p-value as a statistician would write it: below 0.001 as "< 0.001". */
    static String pValue(@Nullable Double p) {
        if (p == null) {
            return "";
        }
        return p < 0.001 ? "< 0.001" : String.format(Locale.UK, "%.3f", p);
    }
}
