package uk.civicpulse.analytics.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import uk.civicpulse.analytics.dashboard.DataTable.Cell;
import uk.civicpulse.analytics.stats.TrendResult;
import uk.civicpulse.analytics.targets.Target;
import uk.civicpulse.analytics.targets.TargetRepository;
import uk.civicpulse.analytics.trends.TrendService;
import uk.civicpulse.analytics.trends.TrendReport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** % satisfied per period with its interval band and the target line, and the trend test's verdict (CSE 1.3.4). */
@Singleton
class TrendFigures implements PageFigures {

    private final TrendService trend;
    private final TargetRepository targets;

    TrendFigures(TrendService trend, TargetRepository targets) {
        this.trend = trend;
        this.targets = targets;
    }

    @Override
    public String name() {
        return "trend";
    }

    @Override
    public List<String> fields() {
        return List.of("from", "to", "service", "channel", "period");
    }

    @Override
    public DashboardPage build(String council, DashboardFilters filters, Authentication who, Words words) {
        TrendReport report = trend.trend(filters.slice(council), filters.period(), TrendService.Method.COCHRAN_ARMITAGE);
        Double target = target(council, filters.service(), filters.channel());
        DataTable.Builder table = new DataTable.Builder("trend", words.get("dash.table.trend"))
                .column(words.get("dash.col.period"))
                .series(words.get("dash.col.satisfied"), "value")
                .series(words.get("dash.col.lower"), "lower").series(words.get("dash.col.upper"), "upper");
        if (target != null) {
            table.series(words.get("dash.col.target"), "target");
        }
        table.number(words.get("dash.col.n")).column(words.get("dash.col.note")).chart("line", null, 100.0);
        for (TrendReport.PeriodFigure p : report.series()) {
            List<Cell> row = new ArrayList<>(List.of(Cell.text(label(p.from(), report.period())), Cell.percent(p.proportion()),
                    Cell.percent(p.lower()), Cell.percent(p.upper())));
            if (target != null) {
                row.add(Cell.percent(target));
            }
            row.add(Cell.count(p.n()));
            row.add(OverviewFigures.tooFew(p.label(), words));
            table.row(row);
        }
        List<String> notes = new ArrayList<>();
        notes.add(verdict(report.trend(), words));
        if (report.change() != null && report.change().difference() != null) {
            notes.add(words.get("dash.trend.change", signed(report.change().difference()), signed(report.change().lower()),
                    signed(report.change().upper())));
        }
        notes.add(words.get("dash.method.trend", words.get("dash.trend." + report.trend().method())));
        return new DashboardPage(notes, List.of(table.build()));
    }

    static String verdict(TrendResult t, Words words) {
        if (t.pValue() == null) {
            return words.get("dash.trend.noTest", t.label() == null ? "" : t.label());
        }
        return words.get("dash.trend.verdict", words.get("dash.trend." + t.direction()), Words.pStatement(t.pValue()), t.periods(),
                String.format(Locale.UK, "%,d", t.n()));
    }

    /** A difference of proportions in percentage points, signed: +2.1 or -0.4. */
    private static String signed(@Nullable Double difference) {
        return difference == null ? "" : String.format(Locale.UK, "%+.1f", difference * 100);
    }

    /** The target line: the service's target on the channel (its own, else "all"); none without a service. */
    private Double target(String council, @Nullable String service, @Nullable String channel) {
        if (service == null) {
            return null;
        }
        Double all = null;
        for (Target t : targets.targets(council)) {
            if (t.service().equals(service)) {
                if (channel != null && t.channel().equals(channel)) {
                    return t.target();
                }
                if (t.channel().equals(Target.ALL_CHANNELS)) {
                    all = t.target();
                }
            }
        }
        return all;
    }

    static String label(LocalDate start, String period) {
        return switch (period) {
            case "month" -> start.toString().substring(0, 7);
            case "quarter" -> start.getYear() + " Q" + ((start.getMonthValue() - 1) / 3 + 1);
            case "year" -> Integer.toString(start.getYear());
            default -> start.toString();
        };
    }
}
