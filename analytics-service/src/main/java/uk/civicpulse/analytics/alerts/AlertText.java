package uk.civicpulse.analytics.alerts;

import uk.civicpulse.analytics.stats.PChart;

import java.util.Locale;

/** Alerts in words, for the list, the page and the email. */
public final class AlertText {

    private AlertText() {
    }

    static String dip(String rule, int points) {
        return switch (rule) {
            case PChart.BEYOND_LIMITS -> "Satisfaction fell below the lower control limit";
            case PChart.SHIFT -> points + " months in a row below the baseline";
            case PChart.TREND -> points + " months in a row each lower than the one before";
            case PChart.TWO_OF_THREE -> "Two of three months close to the lower control limit";
            default -> rule;
        };
    }

    static String improvement(String rule, int points) {
        return switch (rule) {
            case PChart.BEYOND_LIMITS -> "Satisfaction rose above the upper control limit";
            case PChart.SHIFT -> points + " months in a row above the baseline";
            case PChart.TREND -> points + " months in a row each higher than the one before";
            case PChart.TWO_OF_THREE -> "Two of three months close to the upper control limit";
            default -> rule;
        };
    }

    /**
     * The side of the control chart an alert of this kind is about: "low" for a dip, "high" for an improvement;
     * null for targets and standards.
     */
    static String side(String kind) {
        return switch (kind) {
            case Alert.DIP -> "low";
            case Alert.IMPROVEMENT -> "high";
            default -> null;
        };
    }

    static String percent(Double p) {
        return p == null ? "no figure" : String.format(Locale.UK, "%.1f%%", 100 * p);
    }
}
