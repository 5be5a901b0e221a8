package uk.civicpulse.analytics.dashboard;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import uk.civicpulse.analytics.dashboard.DataTable.Cell;
import uk.civicpulse.analytics.drivers.KeyDriverReport;
import uk.civicpulse.analytics.drivers.KeyDriverService;
import uk.civicpulse.analytics.stats.KeyDriverAnalysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Key drivers (CSE 1.3.3), from the service behind the key-drivers route: the correlation of overall satisfaction with
 * each key area and the regression on all five, with intervals; below the minimum number of complete ratings, "not
 * computed".
 */
@Singleton
class DriverFigures implements PageFigures {

    private final KeyDriverService drivers;

    DriverFigures(KeyDriverService drivers) {
        this.drivers = drivers;
    }

    @Override
    public String name() {
        return "drivers";
    }

    @Override
    public List<String> fields() {
        return List.of("from", "to", "service", "channel");
    }

    @Override
    public DashboardPage build(String council, DashboardFilters filters, Authentication who, Words words) {
        KeyDriverReport report = drivers.drivers(council, filters.from().toString(), filters.to().toString(), filters.service(),
                filters.channel());
        KeyDriverAnalysis a = report.analysis();
        List<String> notes = new ArrayList<>();
        notes.add(words.get("dash.drivers.complete", String.format(java.util.Locale.UK, "%,d", a.n())));
        if (a.n() < a.minimumN()) {
            notes.add(words.get("dash.drivers.notComputed", a.minimumN()));
        } else if (a.regression() == null) {
            notes.add(words.get("dash.drivers.singular"));
        }
        notes.add(words.get("dash.drivers.method", a.regression() == null ? words.get("dash.notComputed")
                : Words.decimal(a.regression().rSquared(), 3)));
        List<DataTable> tables = new ArrayList<>();
        DataTable.Builder correlations = new DataTable.Builder("correlations", words.get("dash.table.correlations"))
                .column(words.get("dash.col.area")).series(words.get("dash.col.r"), "value")
                .number(words.get("dash.col.lower")).number(words.get("dash.col.upper")).number(words.get("dash.col.pValue"))
                .chart("bar", null, null);
        if (a.n() >= a.minimumN()) {
            for (KeyDriverAnalysis.Correlation c : a.correlations()) {
                correlations.row(List.of(Cell.text(words.named("dash.area.", c.area())), Cell.decimal(c.r(), 3),
                        Cell.decimal(c.lower(), 3), Cell.decimal(c.upper(), 3), Cell.pValue(c.pValue())));
            }
        }
        tables.add(correlations.build());
        DataTable.Builder regression = new DataTable.Builder("regression", words.get("dash.table.regression"))
                .column(words.get("dash.col.area")).number(words.get("dash.col.coefficient"))
                .number(words.get("dash.col.lower")).number(words.get("dash.col.upper")).number(words.get("dash.col.pValue"));
        if (a.regression() != null) {
            for (KeyDriverAnalysis.Coefficient c : a.regression().coefficients()) {
                regression.row(List.of(Cell.text(words.named("dash.area.", c.term())), Cell.decimal(c.estimate(), 2),
                        Cell.decimal(c.lower(), 2), Cell.decimal(c.upper(), 2), Cell.pValue(c.pValue())));
            }
        }
        tables.add(regression.build());
        return new DashboardPage(notes, tables);
    }
}
