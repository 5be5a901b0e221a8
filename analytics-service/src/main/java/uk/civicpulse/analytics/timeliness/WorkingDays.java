package uk.civicpulse.analytics.timeliness;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;

/**
 * A council's working calendar: Monday to Friday, less bank holidays and the council's own closure days.
 * <p>
 * "Answered within 5 working days" is judged by {@link #elapsed}: the number of working days after the day the contact
 * arrived, up to and including the day of the answer. The day of arrival is day 0 whether or not it is a working day,
 * so an email sent on Saturday and answered the following Friday took 5 working days, and one answered the same day
 * took 0. A reply on a weekend counts as the working day before it (the count does not grow over a weekend).
 * <p>
 * Pure and immutable; each question is a binary search, so judging a million contacts costs milliseconds.
 */
public final class WorkingDays {

    /** Epoch day -3 (1969-12-29) was a Monday: counting from it puts Monday at index 0 of every week. */
    private static final long MONDAY_OFFSET = 3;

    private final long[] closedWeekdays;

    /** @param closed bank holidays and closure days; those falling on a weekend change nothing */
    public WorkingDays(Collection<LocalDate> closed) {
        this.closedWeekdays = closed.stream()
                .filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY)
                .mapToLong(LocalDate::toEpochDay).distinct().sorted().toArray();
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && Arrays.binarySearch(closedWeekdays, day.toEpochDay()) < 0;
    }

    /** Working days in (from, to]; 0 when {@code to} is not after {@code from}. */
    public long elapsed(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        long a = from.toEpochDay();
        long b = to.toEpochDay();
        return weekdaysUpTo(b) - weekdaysUpTo(a) - (closedUpTo(b) - closedUpTo(a));
    }

    /** The day that is {@code n} working days after {@code from} (the deadline of an n-working-day promise). */
    public LocalDate plus(LocalDate from, int n) {
        LocalDate day = from;
        for (int i = 0; i < n; i++) {
            day = day.plusDays(1);
            while (!isWorkingDay(day)) {
                day = day.plusDays(1);
            }
        }
        return day;
    }

    /** Weekdays in [epoch day -3, day]: full weeks give 5 each, the part week up to 5. */
    private static long weekdaysUpTo(long day) {
        long k = day + MONDAY_OFFSET + 1;
        return 5 * Math.floorDiv(k, 7) + Math.min(Math.floorMod(k, 7), 5);
    }

    /** Closed weekdays on or before the day. */
    private long closedUpTo(long day) {
        int i = Arrays.binarySearch(closedWeekdays, day);
        return i >= 0 ? i + 1 : -(i + 1);
    }
}
