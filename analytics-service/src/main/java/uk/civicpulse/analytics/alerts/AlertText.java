package uk.civicpulse.analytics.alerts;

import uk.civicpulse.analytics.stats.PChart;

import java.util.Locale;

/** Alerts in words, for the list, the page and the email. */
public final class AlertText {

    private AlertText() {
    }

    /** The Making Data Count rule by the name the NHS programme gives it. */
    public static String ruleName(String rule) {
        return switch (rule) {
            case PChart.BEYOND_LIMITS -> "a point beyond the control limits";
            case PChart.SHIFT -> "a shift: 7 or more points in a row below the centre line";
            case PChart.TREND -> "a trend: 7 or more points in a row each falling";
            case PChart.TWO_OF_THREE -> "two of three points close to the lower limit";
            default -> rule;
        };
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

    static String percent(Double p) {
        return p == null ? "no figure" : String.format(Locale.UK, "%.1f%%", 100 * p);
    }
}
