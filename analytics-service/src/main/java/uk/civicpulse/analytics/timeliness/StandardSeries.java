package uk.civicpulse.analytics.timeliness;

import jakarta.inject.Singleton;
import uk.civicpulse.analytics.web.BadParameterException;
import uk.civicpulse.events.ContactChannel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Contacts judged and within one standard, summed over its versions, for the control chart and the peer funnel. Each
 * contact is judged by the version in force on the day it was received ({@link TimelinessService}), so a period that
 * spans a new version adds contacts judged by each.
 */
@Singleton
public class StandardSeries {

    private final TimelinessService timeliness;
    private final StandardRepository standards;

    public StandardSeries(TimelinessService timeliness, StandardRepository standards) {
        this.timeliness = timeliness;
        this.standards = standards;
    }

    /**
     * Judged and within-standard counts, and which versions the contacts were judged by.
     *
     * @param versions the effective dates of the versions the contacts were judged by
     */
    public record Counts(long judged, long within, TreeSet<LocalDate> versions) {
        static Counts none() {
            return new Counts(0, 0, new TreeSet<>());
        }

        Counts plus(TimelinessRow row) {
            TreeSet<LocalDate> all = new TreeSet<>(versions);
            all.add(row.effectiveFrom());
            return new Counts(judged + row.withinStandard().n(), within + row.withinStandard().count(), all);
        }
    }

    /** Every version of the council's standard with this code, oldest first; a 400 naming {@code standard} if none. */
    public List<Standard> versions(String council, String code) {
        if (code == null || code.isBlank()) {
            throw new BadParameterException("standard", "is required: the code of one of the council's standards");
        }
        List<Standard> versions = standards.standards(council).stream().filter(s -> s.code().equals(code)).toList();
        if (versions.isEmpty()) {
            throw new BadParameterException("standard", "'" + code + "' is not one of this council's standards");
        }
        return versions;
    }

    /** A channel filter must be one of the contract's channels; a 400 naming {@code channel} otherwise. */
    static void requireChannel(String channel) {
        if (channel != null && ContactChannel.fromCode(channel).isEmpty()) {
            throw new BadParameterException("channel", "must be one of phone, email, web_form, letter, face_to_face");
        }
    }

    /**
     * Counts per period (first day of each period, every period from the one containing {@code from} to the one
     * containing {@code to}, empty ones included), for contacts of the service and channel given (null: all).
     */
    public Map<LocalDate, Counts> byPeriod(String council, String code, LocalDate from, LocalDate to, Period period,
                                           String service, String channel) {
        Map<LocalDate, Counts> series = new LinkedHashMap<>();
        for (LocalDate start = period.start(from); !start.isAfter(to); start = period.end(start).plusDays(1)) {
            series.put(start, Counts.none());
        }
        for (TimelinessRow row : rows(council, code, from, to, period, service, channel)) {
            series.merge(LocalDate.parse(row.group().get("period")), Counts.none().plus(row), StandardSeries::add);
        }
        return series;
    }

    /** Counts over the whole range, for contacts of the service and channel given (null: all). */
    public Counts total(String council, String code, LocalDate from, LocalDate to, String service, String channel) {
        Counts total = Counts.none();
        for (TimelinessRow row : rows(council, code, from, to, Period.NONE, service, channel)) {
            total = total.plus(row);
        }
        return total;
    }

    /** Counts over the range for the versions of one standard whose effective dates are given. */
    public Counts total(String council, String code, LocalDate from, LocalDate to, Set<LocalDate> versions) {
        Counts total = Counts.none();
        for (TimelinessRow row : rows(council, code, from, to, Period.NONE, null, null)) {
            if (versions.contains(row.effectiveFrom())) {
                total = total.plus(row);
            }
        }
        return total;
    }

    private List<TimelinessRow> rows(String council, String code, LocalDate from, LocalDate to, Period period,
                                     String service, String channel) {
        TimelinessReport report = timeliness.report(council, from, to, service != null, channel != null, period);
        List<TimelinessRow> rows = new ArrayList<>();
        for (TimelinessRow row : report.rows()) {
            if (row.standard().equals(code)
                    && (service == null || service.equals(row.group().get("service")))
                    && (channel == null || channel.equals(row.group().get("channel")))) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static Counts add(Counts a, Counts b) {
        TreeSet<LocalDate> versions = new TreeSet<>(a.versions());
        versions.addAll(b.versions());
        return new Counts(a.judged() + b.judged(), a.within() + b.within(), versions);
    }

    /** Whether two versions measure the same thing: the same contact type, channel and measure. */
    static boolean comparable(Standard a, Standard b) {
        return a.contactType().equals(b.contactType()) && Objects.equals(a.channel(), b.channel())
                && a.measure().equals(b.measure());
    }
}
