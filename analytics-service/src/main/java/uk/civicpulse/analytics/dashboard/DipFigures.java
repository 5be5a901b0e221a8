package uk.civicpulse.analytics.dashboard;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import uk.civicpulse.analytics.dashboard.DataTable.Cell;
import uk.civicpulse.analytics.dips.ControlChartReport;
import uk.civicpulse.analytics.dips.SatisfactionChartService;
import uk.civicpulse.analytics.trends.SatisfiedCounts;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Dips (CSE 4.3.1, 5.3.1), from the service behind the control-chart route: the p-chart of the chosen slice with its
 * limits and the Making Data Count rules it breaks, and the breaches of every service and channel, so a dip anywhere is
 * seen.
 */
@Singleton
class DipFigures implements PageFigures {

    private final SatisfactionChartService charts;
    private final SatisfiedCounts counts;

    DipFigures(SatisfactionChartService charts, SatisfiedCounts counts) {
        this.charts = charts;
        this.counts = counts;
    }

    @Override
    public String name() {
        return "dips";
    }

    @Override
    public List<String> fields() {
        return List.of("from", "to", "service", "channel", "period", "baselineFrom", "baselineTo");
    }

    @Override
    public DashboardPage build(String council, DashboardFilters filters, Authentication who, Words words) {
        ControlChartReport report = chart(council, filters, filters.service(), filters.channel());
        List<String> notes = new ArrayList<>();
        notes.add(report.centre() == null ? words.get("dash.dips.noBaseline")
                : words.get("dash.dips.baseline", report.baselineFrom(), report.baselineTo(), report.baselineN(), Words.percent(report.centre())));
        if (report.alerts().isEmpty()) {
            notes.add(words.get("dash.dips.none"));
        }
        notes.add(words.get("dash.dips.method"));
        return new DashboardPage(notes, List.of(pChart(report, words), breaches(report, words), everyServiceAndChannel(council, filters, words)));
    }

    private ControlChartReport chart(String council, DashboardFilters filters, String service, String channel) {
        return charts.chart(filters.slice(council, service, channel), filters.baselineFrom().toString(), filters.baselineTo().toString(),
                filters.period());
    }

    private static DataTable pChart(ControlChartReport report, Words words) {
        DataTable.Builder table = new DataTable.Builder("dips", words.get("dash.table.dips"))
                .column(words.get("dash.col.period")).series(words.get("dash.col.satisfied"), "value")
                .series(words.get("dash.col.centre"), "target")
                .series(words.get("dash.col.lowerLimit"), "limit").series(words.get("dash.col.upperLimit"), "limit")
                .number(words.get("dash.col.n")).column(words.get("dash.col.rule")).chart("line", null, 100.0);
        for (ControlChartReport.Point p : report.points()) {
            String rules = report.alerts().stream().filter(a -> !a.from().isAfter(p.from()) && !a.to().isBefore(p.to()))
                    .map(a -> words.named("dash.rule.", a.rule())).distinct().collect(Collectors.joining("; "));
            table.row(List.of(Cell.text(TrendFigures.label(p.from(), report.period())), Cell.percent(p.proportion()),
                    Cell.percent(report.centre()), Cell.percent(p.lower()), Cell.percent(p.upper()), Cell.count(p.n()),
                    rules.isEmpty() ? Cell.text("") : Cell.tagged(rules, rules, "alert")));
        }
        return table.build();
    }

    private static DataTable breaches(ControlChartReport report, Words words) {
        DataTable.Builder table = new DataTable.Builder("breaches", words.get("dash.table.breaches"))
                .column(words.get("dash.col.rule")).column(words.get("dash.col.breach"))
                .column(words.get("dash.filter.from")).column(words.get("dash.filter.to")).number(words.get("dash.col.points"));
        for (ControlChartReport.Alert a : report.alerts()) {
            table.row(List.of(Cell.text(words.named("dash.rule.", a.rule())), Cell.text(words.named("dash.direction.", a.direction())),
                    Cell.text(a.from().toString()), Cell.text(a.to().toString()), Cell.count(a.points())));
        }
        return table.build();
    }

    /** Each service and channel with responses: how many rules its own p-chart breaks, and which. */
    private DataTable everyServiceAndChannel(String council, DashboardFilters filters, Words words) {
        DataTable.Builder table = new DataTable.Builder("dip-summary", words.get("dash.table.dipSummary"))
                .column(words.get("dash.col.service")).column(words.get("dash.col.channel"))
                .number(words.get("dash.col.breaches")).column(words.get("dash.col.rule"));
        for (SatisfiedCounts.Cell cell : counts.byServiceAndChannel(filters.wholeCouncil(council)).keySet().stream()
                .sorted(java.util.Comparator.comparing(SatisfiedCounts.Cell::service).thenComparing(SatisfiedCounts.Cell::channel)).toList()) {
            ControlChartReport r = chart(council, filters, cell.service(), cell.channel());
            String rules = r.alerts().stream().map(a -> words.named("dash.rule.", a.rule()) + " (" + words.named("dash.direction.", a.direction())
                    + ", " + a.from() + " – " + a.to() + ")").collect(Collectors.joining("; "));
            table.row(List.of(Cell.text(Words.humanise(cell.service())), Cell.text(words.named("dash.channel.", cell.channel())),
                    Cell.count(r.alerts().size()), rules.isEmpty() ? Cell.text("") : Cell.tagged(rules, rules, "alert")));
        }
        return table.build();
    }
}
