package uk.civicpulse.analytics.timeliness;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import uk.civicpulse.analytics.stats.WilsonInterval;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Judges a council's contacts against its standards and reports, per standard version and group, the share within
 * standard, the median and 90th percentile times, first-contact resolution, and what residents said about timeliness.
 * <p>
 * Computed from the contact table, bounded by one council and a range of received days (an index on both), rather
 * than from pre-aggregated counts: which version of a standard applies, the council's working days (closure days may
 * be added after the fact), open contacts turning late with time, and exact medians and percentiles all need the
 * individual times. Measured on this machine: see docs/timeliness.md.
 */
@Singleton
public class TimelinessService {

    private static final String CONTACTS = """
            SELECT service, channel, contact_type, received_at, received_on, first_response_at, resolved_at,
                   resolved_at_first_contact
            FROM contact WHERE council = ? AND received_on BETWEEN ? AND ?""";

    private static final String RESIDENTS = """
            SELECT service, rated_on, count(*), count(*) FILTER (WHERE (key_areas->>'timeliness')::int >= 4)
            FROM rating
            WHERE council = ? AND rated_on BETWEEN ? AND ? AND key_areas->>'timeliness' IS NOT NULL
            GROUP BY service, rated_on""";

    private final DataSource dataSource;
    private final StandardRepository standards;
    private final Calendars calendars;
    private final TimelinessSettings settings;
    private final Clock clock;

    public TimelinessService(DataSource dataSource, StandardRepository standards, Calendars calendars,
                             TimelinessSettings settings) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.standards = standards;
        this.calendars = calendars;
        this.settings = settings;
        this.clock = Clock.systemUTC();
    }

    /** The report over a checked range of received days. */
    public TimelinessReport report(String council, DateRange range, boolean byService, boolean byChannel, Period period) {
        return report(council, range.from(), range.to(), byService, byChannel, period);
    }

    /**
     * @param byService whether rows are split by service
     * @param byChannel whether rows are split by channel
     */
    public TimelinessReport report(String council, LocalDate from, LocalDate to, boolean byService, boolean byChannel, Period period) {
        Instant now = clock.instant();
        Map<String, List<Standard>> versions = new LinkedHashMap<>();
        for (Standard s : standards.standards(council)) {
            versions.computeIfAbsent(s.code(), k -> new ArrayList<>()).add(s);
        }
        WorkingDays calendar = calendars.of(council);
        Map<GroupKey, Tally> tallies = new TreeMap<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement st = c.prepareStatement(CONTACTS)) {
                st.setFetchSize(10_000);
                st.setString(1, council);
                st.setDate(2, Date.valueOf(from));
                st.setDate(3, Date.valueOf(to));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        String service = rs.getString(1);
                        String channel = rs.getString(2);
                        String type = rs.getString(3);
                        Instant received = rs.getTimestamp(4).toInstant();
                        LocalDate receivedOn = rs.getDate(5).toLocalDate();
                        Instant firstResponse = instant(rs.getTimestamp(6));
                        Instant resolved = instant(rs.getTimestamp(7));
                        Boolean atFirstContact = (Boolean) rs.getObject(8);
                        for (List<Standard> history : versions.values()) {
                            Standard s = inForce(history, receivedOn);
                            if (s == null || !s.covers(service, channel, type)) {
                                continue;
                            }
                            Instant done = s.measureValue() == Measure.FIRST_RESPONSE ? firstResponse : resolved;
                            Judgement j = Judgement.of(s, calendar, received, done, now);
                            GroupKey key = new GroupKey(s.code(), s.effectiveFrom(), byService ? service : null,
                                    byChannel ? channel : null, period.start(receivedOn));
                            tallies.computeIfAbsent(key, k -> new Tally(s)).add(j, atFirstContact);
                        }
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Residents residents = residents(council, from, to);
        List<TimelinessRow> rows = new ArrayList<>();
        tallies.forEach((key, tally) -> rows.add(row(key, tally, residents, from, to, period, byService, byChannel)));
        List<String> by = new ArrayList<>(List.of("standard"));
        if (byService) {
            by.add("service");
        }
        if (byChannel) {
            by.add("channel");
        }
        return new TimelinessReport(council, from, to, by, period.code(), now, TimelinessReport.QUANTILE_METHOD,
                WilsonInterval.METHOD, Share.LEVEL, rows);
    }

    /** The version in force on the day: the latest whose effective date is on or before it; null before the first. */
    static Standard inForce(List<Standard> history, LocalDate day) {
        Standard found = null;
        for (Standard s : history) {
            if (!s.effectiveFrom().isAfter(day)) {
                found = s;
            }
        }
        return found;
    }

    private TimelinessRow row(GroupKey key, Tally t, Residents residents, LocalDate from, LocalDate to, Period period,
                              boolean byService, boolean byChannel) {
        Standard s = t.standard;
        int minimumN = settings.minimumN();
        Share within = Share.of(t.within, t.judged, minimumN);
        TargetStatus status = TargetStatus.of(within.estimate(), s.targetShare());
        double[] times = Arrays.copyOf(t.times, t.answered);
        Arrays.sort(times);
        Map<String, String> group = new LinkedHashMap<>();
        if (byService) {
            group.put("service", key.service());
        }
        if (byChannel) {
            group.put("channel", key.channel());
        }
        LocalDate periodFrom = from;
        LocalDate periodTo = to;
        if (key.period() != null) {
            group.put("period", key.period().toString());
            periodFrom = key.period().isBefore(from) ? from : key.period();
            LocalDate end = period.end(key.period());
            periodTo = end.isAfter(to) ? to : end;
        }
        String residentsService = byService ? key.service() : s.service();
        long[] said = residents.sum(residentsService, periodFrom, periodTo);
        return new TimelinessRow(s.code(), s.effectiveFrom(), s.contactType(), s.measure(), s.limit(), s.unit(),
                s.targetShare(), s.promiseEn(), s.promiseCy(), group, within, t.pending,
                status == null ? null : status.code(),
                Quantiles.type7(times, times.length, 0.5), Quantiles.type7(times, times.length, 0.9), t.answered,
                Share.of(t.firstContactResolved, t.firstContactRecorded, minimumN),
                Share.of(said[1], said[0], minimumN), residentsService == null ? "all services" : residentsService);
    }

    private Residents residents(String council, LocalDate from, LocalDate to) {
        Residents residents = new Residents();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(RESIDENTS)) {
            st.setString(1, council);
            st.setDate(2, Date.valueOf(from));
            st.setDate(3, Date.valueOf(to));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    residents.days.add(new ResidentsDay(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getLong(3), rs.getLong(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return residents;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    record GroupKey(String standard, LocalDate effectiveFrom, String service, String channel, LocalDate period)
            implements Comparable<GroupKey> {

        private static final Comparator<GroupKey> ORDER = Comparator.comparing(GroupKey::standard)
                .thenComparing(GroupKey::effectiveFrom)
                .thenComparing(GroupKey::service, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(GroupKey::channel, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(GroupKey::period, Comparator.nullsFirst(Comparator.naturalOrder()));

        @Override
        public int compareTo(GroupKey o) {
            return ORDER.compare(this, o);
        }
    }

    /** Running counts for one row. */
    static final class Tally {
        final Standard standard;
        long judged;
        long within;
        long pending;
        long firstContactRecorded;
        long firstContactResolved;
        int answered;
        double[] times = new double[64];

        Tally(Standard standard) {
            this.standard = standard;
        }

        void add(Judgement j, Boolean atFirstContact) {
            if (atFirstContact != null) {
                firstContactRecorded++;
                if (atFirstContact) {
                    firstContactResolved++;
                }
            }
            if (j.outcome() == Judgement.Outcome.PENDING) {
                pending++;
                return;
            }
            judged++;
            if (j.outcome() == Judgement.Outcome.WITHIN) {
                within++;
            }
            if (j.elapsed() != null) {
                if (answered == times.length) {
                    times = Arrays.copyOf(times, times.length * 2);
                }
                times[answered++] = j.elapsed();
            }
        }
    }

    record ResidentsDay(String service, LocalDate day, long n, long satisfied) {
    }

    /** Residents' answers to the timeliness key area, per service and day. */
    static final class Residents {
        final List<ResidentsDay> days = new ArrayList<>();

        /** {n, rated 4 or 5} for the service (or all, if null) between the days inclusive. */
        long[] sum(String service, LocalDate from, LocalDate to) {
            long[] sum = new long[2];
            for (ResidentsDay d : days) {
                if ((service == null || service.equals(d.service())) && !d.day().isBefore(from) && !d.day().isAfter(to)) {
                    sum[0] += d.n();
                    sum[1] += d.satisfied();
                }
            }
            return sum;
        }
    }

    /** Contacts judged and within standard per standard code, summed over every row and version (for peer comparison). */
    static Map<String, long[]> withinByStandard(TimelinessReport report) {
        Map<String, long[]> sums = new HashMap<>();
        for (TimelinessRow r : report.rows()) {
            long[] s = sums.computeIfAbsent(r.standard(), k -> new long[2]);
            s[0] += r.withinStandard().n();
            s[1] += r.withinStandard().count();
        }
        return sums;
    }
}
