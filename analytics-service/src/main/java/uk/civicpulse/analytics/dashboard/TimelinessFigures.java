package uk.civicpulse.analytics.dashboard;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import uk.civicpulse.analytics.dashboard.DataTable.Cell;
import uk.civicpulse.analytics.timeliness.ControlChartService;
import uk.civicpulse.analytics.timeliness.DateRange;
import uk.civicpulse.analytics.timeliness.FunnelService;
import uk.civicpulse.analytics.timeliness.Period;
import uk.civicpulse.analytics.timeliness.Standard;
import uk.civicpulse.analytics.timeliness.StandardControlChart;
import uk.civicpulse.analytics.timeliness.StandardFunnel;
import uk.civicpulse.analytics.timeliness.StandardRepository;
import uk.civicpulse.analytics.timeliness.TimelinessReport;
import uk.civicpulse.analytics.timeliness.TimelinessRow;
import uk.civicpulse.analytics.timeliness.TimelinessService;
import uk.civicpulse.analytics.web.BadParameterException;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Timeliness against the council's standards (CSE 5.3.1, 5.3.2), from the timeliness report the API serves: the share
 * within each standard with its interval against the target share, the status, the median and 90th percentile time,
 * first contact resolution, and residents' own rating of timeliness beside them. For one standard (the {@code standard}
 * filter, by default the first by code) the p-chart of its share within per week or month against a baseline, with
 * the Making Data Count rules broken (5.3.1), and the funnel plot against each peer group's comparable standards
 * (5.3.3): the same services as the {@code /timeliness/control-chart} and {@code /timeliness/funnel} routes.
 */
@Singleton
class TimelinessFigures implements PageFigures {

    private final TimelinessService timeliness;
    private final ControlChartService controlCharts;
    private final FunnelService funnels;
    private final StandardRepository standards;

    TimelinessFigures(TimelinessService timeliness, ControlChartService controlCharts, FunnelService funnels,
                      StandardRepository standards) {
        this.timeliness = timeliness;
        this.controlCharts = controlCharts;
        this.funnels = funnels;
        this.standards = standards;
    }

    @Override
    public String name() {
        return "timeliness";
    }

    @Override
    public List<String> fields() {
        return List.of("from", "to", "standard", "period", "baselineFrom", "baselineTo");
    }

    /** The control chart is drawn per week or per month, as the control-chart route allows. */
    @Override
    public List<String> periods() {
        return List.of("week", "month");
    }

    @Override
    public DashboardPage build(String council, DashboardFilters filters, Authentication who, Words words) {
        DateRange range = DateRange.of(filters.from(), filters.to());
        Period period = switch (filters.period()) {
            case "week" -> Period.WEEK;
            case "month" -> Period.MONTH;
            default -> throw new BadParameterException("period", "dash.problem.code");
        };
        TimelinessReport report = timeliness.report(council, range, false, false, Period.NONE);
        List<DataTable> tables = new ArrayList<>();
        tables.add(standardsTable(report, words));
        List<String> notes = new ArrayList<>();
        if (report.rows().isEmpty()) {
            notes.add(words.get("dash.timeliness.none"));
        }
        notes.add(words.get("dash.timeliness.method", TimelinessReport.QUANTILE_METHOD));
        String standard = chosen(council, filters.standard());
        if (standard != null) {
            DateRange baseline = DateRange.parse("baselineFrom", filters.baselineFrom().toString(), "baselineTo", filters.baselineTo().toString());
            StandardControlChart chart = controlCharts.chart(council, standard, null, null, period, range, baseline);
            notes.add(chart.centre() == null ? words.get("dash.timeliness.noBaseline", Words.humanise(standard))
                    : words.get("dash.timeliness.baseline", Words.humanise(standard), chart.baselineFrom(), chart.baselineTo(),
                    chart.baselineN(), Words.percent(chart.centre())));
            notes.add(words.get("dash.timeliness.chartMethod"));
            tables.add(controlChart(chart, words));
            tables.add(breaches(chart, words));
            StandardFunnel funnel = funnels.funnel(council, standard, range);
            for (StandardFunnel.Group group : funnel.peerGroups()) {
                tables.add(funnelTable(standard, group, words));
                tables.add(positions(standard, group, words));
            }
            notes.add(words.get(funnel.peerGroups().isEmpty() ? "dash.peers.none" : "dash.timeliness.funnelMethod"));
        }
        return new DashboardPage(notes, tables);
    }

    /** The standard in the address (it must be one of the council's), or the first by code; null when there is none. */
    private String chosen(String council, String given) {
        List<String> codes = standards.standards(council).stream().map(Standard::code).distinct().sorted().toList();
        if (given != null && !codes.contains(given)) {
            throw new BadParameterException("standard", "dash.problem.code");
        }
        return given != null ? given : codes.isEmpty() ? null : codes.get(0);
    }

    private static DataTable standardsTable(TimelinessReport report, Words words) {
        boolean welsh = words.welsh();
        DataTable.Builder table = new DataTable.Builder("timeliness", words.get("dash.table.timeliness"))
                .column(words.get("dash.col.standard")).column(words.get("dash.col.promise"))
                .series(words.get("dash.col.withinShare"), "value").number(words.get("dash.col.lower")).number(words.get("dash.col.upper"))
                .number(words.get("dash.col.n")).series(words.get("dash.col.targetShare"), "target").column(words.get("dash.col.status"))
                .number(words.get("dash.col.median")).number(words.get("dash.col.p90")).column(words.get("dash.col.unit"))
                .number(words.get("dash.col.fcr")).number(words.get("dash.col.residents")).number(words.get("dash.col.pending"))
                .column(words.get("dash.col.note")).chart("bar", 0.0, 100.0);
        for (TimelinessRow row : report.rows()) {
            table.row(List.of(Cell.text(Words.humanise(row.standard()) + " (" + row.effectiveFrom() + ")"),
                    Cell.text(welsh ? row.promiseCy() : row.promiseEn()),
                    Cell.percent(row.withinStandard().proportion()), Cell.percent(row.withinStandard().lower()),
                    Cell.percent(row.withinStandard().upper()), Cell.count(row.withinStandard().n()), Cell.percent(row.targetShare()),
                    row.status() == null ? OverviewFigures.status("no_responses", words) : OverviewFigures.status(row.status(), words),
                    Cell.decimal(row.median(), 1), Cell.decimal(row.percentile90(), 1), Cell.text(words.named("dash.unit.", row.unit())),
                    Cell.percent(row.firstContactResolution().proportion()), Cell.percent(row.residentsTimeliness().proportion()),
                    Cell.count(row.pending()), OverviewFigures.tooFew(row.withinStandard().label(), words)));
        }
        return table.build();
    }

    /** The p-chart as the dips page draws one: the share within per period, the centre line and the control limits. */
    private static DataTable controlChart(StandardControlChart chart, Words words) {
        DataTable.Builder table = new DataTable.Builder("standard-chart", words.get("dash.table.standardChart", Words.humanise(chart.standard())))
                .column(words.get("dash.col.period")).series(words.get("dash.col.withinShare"), "value")
                .series(words.get("dash.col.centre"), "target")
                .series(words.get("dash.col.lowerLimit"), "limit").series(words.get("dash.col.upperLimit"), "limit")
                .number(words.get("dash.col.contacts")).column(words.get("dash.col.rule"));
        for (StandardControlChart.Point p : chart.points()) {
            String rules = chart.alerts().stream().filter(a -> !a.from().isAfter(p.from()) && !a.to().isBefore(p.to()))
                    .map(a -> words.named("dash.rule.", a.rule())).distinct().collect(Collectors.joining("; "));
            table.row(List.of(Cell.text(TrendFigures.label(p.from(), chart.period())), Cell.percent(p.proportion()),
                    Cell.percent(chart.centre()), Cell.percent(p.lower()), Cell.percent(p.upper()), Cell.count(p.n()),
                    rules.isEmpty() ? Cell.text("") : Cell.tagged(rules, rules, "alert")));
        }
        if (!chart.points().isEmpty()) {
            table.chart("line", 0.0, 100.0);
        }
        return table.build();
    }

    private static DataTable breaches(StandardControlChart chart, Words words) {
        DataTable.Builder table = new DataTable.Builder("standard-breaches", words.get("dash.table.standardBreaches", Words.humanise(chart.standard())))
                .column(words.get("dash.col.rule")).column(words.get("dash.col.breach"))
                .column(words.get("dash.filter.from")).column(words.get("dash.filter.to")).number(words.get("dash.col.points"));
        for (StandardControlChart.Alert a : chart.alerts()) {
            table.row(List.of(Cell.text(words.named("dash.rule.", a.rule())), Cell.text(words.named("dash.direction.", a.direction())),
                    Cell.text(a.from().toString()), Cell.text(a.to().toString()), Cell.count(a.points())));
        }
        return table.build();
    }

    private static DataTable funnelTable(String standard, StandardFunnel.Group group, Words words) {
        return PeerFigures.funnelTable("standard-funnel-" + group.code(),
                words.get("dash.table.standardFunnel", Words.humanise(standard), group.description()), group.peerValue(), group.curve(),
                group.councils().stream().map(c -> new PeerFigures.FunnelMember(c.council(), c.you(), c.proportion(), c.limits())).toList(),
                words);
    }

    /** Each member with its own comparable standard (its limit may differ), its share within, and where it sits. */
    private static DataTable positions(String standard, StandardFunnel.Group group, Words words) {
        DataTable.Builder table = new DataTable.Builder("standard-positions-" + group.code(),
                words.get("dash.table.standardPositions", Words.humanise(standard), group.description()))
                .column(words.get("dash.col.council")).column(words.get("dash.col.theirStandard"))
                .number(words.get("dash.col.withinShare")).number(words.get("dash.col.contacts"))
                .number(words.get("dash.col.lower95")).number(words.get("dash.col.upper95"))
                .column(words.get("dash.col.position95")).column(words.get("dash.col.position998")).column(words.get("dash.col.note"));
        for (StandardFunnel.CouncilPoint c : group.councils()) {
            table.row(List.of(Cell.text(c.council() + (c.you() ? " " + words.get("dash.you") : "")),
                    Cell.text(Words.humanise(c.standard()) + " (" + c.limit() + " " + words.named("dash.unit.", c.unit()) + ")"),
                    Cell.percent(c.proportion()), Cell.count(c.n()),
                    Cell.percent(c.limits() == null ? null : c.limits().lower95()), Cell.percent(c.limits() == null ? null : c.limits().upper95()),
                    PeerFigures.position(c.position95(), words), PeerFigures.position(c.position998(), words),
                    c.label() == null ? Cell.text("") : Cell.tagged(words.get("dash.tooFewContacts"), c.label(), "too-few")));
        }
        return table.build();
    }
}
