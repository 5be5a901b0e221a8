package uk.civicpulse.analytics.satisfaction;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Optional;

/** The periods officers report by. Weeks start on Monday; quarters are calendar quarters. */
public enum Interval {
    DAY("day"),
    WEEK("week"),
    MONTH("month"),
    QUARTER("quarter"),
    YEAR("year");

    private final String code;

    Interval(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    String bucketExpression() {
        return "date_trunc('" + code + "', rated_on)::date";
    }

    /** The first day of the period containing {@code day}. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> day.with(IsoFields.DAY_OF_QUARTER, 1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    /** The last day of the period containing {@code day}. */
    public LocalDate end(LocalDate day) {
        LocalDate start = start(day);
        return switch (this) {
            case DAY -> start;
            case WEEK -> start.plusDays(6);
            case MONTH -> start.plusMonths(1).minusDays(1);
            case QUARTER -> start.plusMonths(3).minusDays(1);
            case YEAR -> start.plusYears(1).minusDays(1);
        };
    }

    public static Optional<Interval> fromCode(String code) {
        return Arrays.stream(values()).filter(i -> i.code.equals(code)).findFirst();
    }
}
