package uk.civicpulse.analytics.publishing;

import io.micronaut.context.MessageSource;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Figures and names as a reader sees them, in the page's language: percentages to one decimal place, months by name,
 * services and channels by the names councils use (a service without a name of its own is its code in words).
 * Templates call it as {@code ${fmt.pct(row.proportion)}}.
 */
public final class PageFormat {

    private final MessageSource messages;
    private final Locale locale;
    private final boolean welsh;

    public PageFormat(MessageSource messages, Locale locale, boolean welsh) {
        this.messages = messages;
        this.locale = locale;
        this.welsh = welsh;
    }

    /** 0.9166 as "91.7%"; nothing as an empty string. */
    public String pct(Double proportion) {
        if (proportion == null) {
            return "";
        }
        return String.format(Locale.UK, "%.1f%%", proportion * 100);
    }

    /** A margin of error of 0.021 as "2.1" (percentage points). */
    public String points(Double proportion) {
        return proportion == null ? "" : String.format(Locale.UK, "%.1f", proportion * 100);
    }

    /** The unrounded percentage, for a chart's data-value. */
    public String raw(Double proportion) {
        return proportion == null ? "" : Double.toString(proportion * 100);
    }

    public String month(LocalDate day) {
        return DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(day);
    }

    public String date(LocalDate day) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(day);
    }

    public String service(String code) {
        if (code == null || code.equals("all")) {
            return message("public.service.all", "All services");
        }
        return message("public.service." + code, words(code));
    }

    public String channel(String code) {
        return message("public.channel." + code, words(code));
    }

    public boolean welsh() {
        return welsh;
    }

    public String message(String key, String otherwise) {
        return messages.getMessage(key, MessageSource.MessageContext.of(locale)).orElse(otherwise);
    }

    static String words(String code) {
        String spaced = code.replace('_', ' ').replace('-', ' ');
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
