package uk.civicpulse.analytics.dashboard;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import uk.civicpulse.analytics.dashboard.DataTable.Cell;
import uk.civicpulse.analytics.timeliness.DateRange;
import uk.civicpulse.analytics.timeliness.Period;
import uk.civicpulse.analytics.timeliness.TimelinessReport;
import uk.civicpulse.analytics.timeliness.TimelinessRow;
import uk.civicpulse.analytics.timeliness.TimelinessService;

import java.util.ArrayList;
import java.util.List;

/**
 * Timeliness against the council's standards (CSE 5.3.1, 5.3.2), from the timeliness report the API serves: the share within
 * each standard with its interval against the target share, the status, the median and 90th percentile time, first
 * contact resolution, and residents' own rating of timeliness beside them.
 */
@Singleton
class TimelinessFigures implements PageFigures {

    private final TimelinessService timeliness;

    TimelinessFigures(TimelinessService timeliness) {
        this.timeliness = timeliness;
    }

    @Override
    public String name() {
        return "timeliness";
    }

    @Override
    public List<String> fields() {
        return List.of("from", "to");
    }

    @Override
    public DashboardPage build(String council, DashboardFilters filters, Authentication who, Words words) {
        TimelinessReport report = timeliness.report(council, DateRange.of(filters.from(), filters.to()), false, false, Period.NONE);
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
        List<String> notes = new ArrayList<>();
        if (report.rows().isEmpty()) {
            notes.add(words.get("dash.timeliness.none"));
        }
        notes.add(words.get("dash.timeliness.method", TimelinessReport.QUANTILE_METHOD));
        return new DashboardPage(notes, List.of(table.build()));
    }
}
