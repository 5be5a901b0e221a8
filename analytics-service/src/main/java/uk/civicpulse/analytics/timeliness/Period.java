package uk.civicpulse.analytics.timeliness;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Optional;

/** How results are split in time: not at all (the whole range), or by week (Monday to Sunday), calendar month, quarter or year. */
public enum Period {
    NONE("none"),
    WEEK("week"),
    MONTH("month"),
    QUARTER("quarter"),
    YEAR("year");

    private final String code;

    Period(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The first day of the period containing the day; null for {@link #NONE}. */
    LocalDate start(LocalDate day) {
        return switch (this) {
            case NONE -> null;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    /** The last day of the period starting on {@code start}; null for {@link #NONE}. */
    LocalDate end(LocalDate start) {
        return switch (this) {
            case NONE -> null;
            case WEEK -> start.plusDays(6);
            case MONTH -> start.plusMonths(1).minusDays(1);
            case QUARTER -> start.plusMonths(3).minusDays(1);
            case YEAR -> start.plusYears(1).minusDays(1);
        };
    }

    static Optional<Period> fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
