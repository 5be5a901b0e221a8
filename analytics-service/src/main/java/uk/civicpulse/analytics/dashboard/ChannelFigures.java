package uk.civicpulse.analytics.dashboard;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import uk.civicpulse.analytics.dashboard.DataTable.Cell;
import uk.civicpulse.analytics.satisfaction.SatisfactionReport;
import uk.civicpulse.analytics.satisfaction.SatisfactionRow;
import uk.civicpulse.analytics.satisfaction.SatisfactionService;
import uk.civicpulse.analytics.satisfaction.Slice;
import uk.civicpulse.analytics.satisfaction.SliceParameters;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** % satisfied on each channel with its interval, from the satisfaction service (the API's default figures). */
@Singleton
class ChannelFigures implements PageFigures {

    private final SatisfactionService satisfaction;

    ChannelFigures(SatisfactionService satisfaction) {
        this.satisfaction = satisfaction;
    }

    @Override
    public String name() {
        return "channels";
    }

    @Override
    public List<String> fields() {
        return List.of("from", "to", "service");
    }

    @Override
    public DashboardPage build(String council, DashboardFilters filters, Authentication who, Words words) {
        Map<String, String> only = new HashMap<>();
        only.put("service", filters.service());
        Slice slice = SliceParameters.parse(council, filters.from().toString(), filters.to().toString(), null, null, "channel",
                null, only, null);
        SatisfactionReport report = satisfaction.report(slice);
        DataTable.Builder table = new DataTable.Builder("channels", words.get("dash.table.channels"))
                .column(words.get("dash.col.channel")).series(words.get("dash.col.satisfied"), "value")
                .number(words.get("dash.col.lower")).number(words.get("dash.col.upper")).number(words.get("dash.col.n"))
                .column(words.get("dash.col.note")).chart("bar", 0.0, 100.0);
        for (SatisfactionRow row : report.rows()) {
            table.row(List.of(Cell.text(words.named("dash.channel.", row.group().get("channel"))), Cell.percent(row.value()),
                    Cell.percent(row.lower()), Cell.percent(row.upper()), Cell.count(row.n()), OverviewFigures.tooFew(row.label(), words)));
        }
        return new DashboardPage(List.of(words.get("dash.method.satisfaction", satisfaction.minimumN())), List.of(table.build()));
    }
}
