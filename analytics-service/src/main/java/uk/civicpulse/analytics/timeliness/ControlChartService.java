package uk.civicpulse.analytics.timeliness;

import jakarta.inject.Singleton;
import uk.civicpulse.analytics.stats.ControlChart;
import uk.civicpulse.analytics.stats.PChart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The p-chart of one standard's share within standard per week or month. The series and its baseline cover the same
 * contacts (standard, service, channel), each judged by the version in force on the day it was received.
 */
@Singleton
public class ControlChartService {

    private final StandardSeries series;

    public ControlChartService(StandardSeries series) {
        this.series = series;
    }

    public StandardControlChart chart(String council, String code, String service, String channel, Period period,
                                      DateRange plotted, DateRange baseline) {
        List<Standard> history = series.versions(council, code);
        StandardSeries.requireChannel(channel);
        StandardSeries.Counts base = series.total(council, code, baseline.from(), baseline.to(), service, channel);
        Map<LocalDate, StandardSeries.Counts> counts = series.byPeriod(council, code, plotted.from(), plotted.to(), period, service, channel);
        List<LocalDate> starts = new ArrayList<>(counts.keySet());
        ControlChart chart = PChart.of(base.within(), base.judged(),
                counts.values().stream().mapToLong(StandardSeries.Counts::within).toArray(),
                counts.values().stream().mapToLong(StandardSeries.Counts::judged).toArray());
        List<StandardControlChart.Point> points = chart.points().stream().map(p -> {
            LocalDate start = starts.get(p.index());
            return new StandardControlChart.Point(from(start, plotted), to(start, period, plotted), p.n(), p.satisfied(),
                    p.proportion(), p.sigma(), p.lower(), p.upper(), List.copyOf(counts.get(start).versions()));
        }).toList();
        List<StandardControlChart.Alert> alerts = chart.breaches().stream().map(b -> new StandardControlChart.Alert(
                b.rule(), b.rule().equals(PChart.TREND) ? (b.direction().equals("high") ? "rising" : "falling") : b.direction(),
                from(starts.get(b.first()), plotted), to(starts.get(b.last()), period, plotted), b.points(), message(b))).toList();
        List<StandardControlChart.Version> versions = inForce(history, plotted.from(), plotted.to()).stream()
                .map(StandardControlChart.Version::of).toList();
        return new StandardControlChart(council, code, service, channel, period.code(), plotted.from(), plotted.to(),
                versions, baseline.from(), baseline.to(), base.judged(), base.within(), chart.centre(), points, alerts,
                chart.method(), chart.centre() == null ? "no baseline contacts" : null);
    }

    /** The versions in force on some day from {@code from} to {@code to}, oldest first. */
    static List<Standard> inForce(List<Standard> history, LocalDate from, LocalDate to) {
        List<Standard> found = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            Standard s = history.get(i);
            LocalDate next = i + 1 < history.size() ? history.get(i + 1).effectiveFrom() : null;
            if (!s.effectiveFrom().isAfter(to) && (next == null || next.isAfter(from))) {
                found.add(s);
            }
        }
        return found;
    }

    private static LocalDate from(LocalDate start, DateRange plotted) {
        return start.isBefore(plotted.from()) ? plotted.from() : start;
    }

    private static LocalDate to(LocalDate start, Period period, DateRange plotted) {
        LocalDate end = period.end(start);
        return end.isAfter(plotted.to()) ? plotted.to() : end;
    }

    static String message(ControlChart.Breach b) {
        boolean high = b.direction().equals("high");
        return switch (b.rule()) {
            case PChart.BEYOND_LIMITS -> high ? "A period above the upper control limit: more contacts within the standard than usual"
                    : "A period below the lower control limit: a dip in contacts within the standard";
            case PChart.SHIFT -> b.points() + " periods in a row " + (high ? "above" : "below") + " the baseline share within the standard";
            case PChart.TREND -> b.points() + " periods in a row each " + (high ? "higher" : "lower") + " than the one before";
            case PChart.TWO_OF_THREE -> "Two of three periods close to the " + (high ? "upper" : "lower") + " limit";
            default -> b.rule();
        };
    }
}
