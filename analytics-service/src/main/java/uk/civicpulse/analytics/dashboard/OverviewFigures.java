package uk.civicpulse.analytics.dashboard;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import uk.civicpulse.analytics.satisfaction.SatisfactionService;
import uk.civicpulse.analytics.targets.TargetStatusService;
import uk.civicpulse.analytics.targets.TargetStatusReport;
import uk.civicpulse.analytics.dashboard.DataTable.Cell;

import java.util.List;

/** Every service and channel against its target (CSE 1.3.4), from the service behind the targets status route. */
@Singleton
class OverviewFigures implements PageFigures {

    private final TargetStatusService targets;
    private final SatisfactionService satisfaction;

    OverviewFigures(TargetStatusService targets, SatisfactionService satisfaction) {
        this.targets = targets;
        this.satisfaction = satisfaction;
    }

    @Override
    public String name() {
        return "overview";
    }

    @Override
    public List<String> fields() {
        return List.of("from", "to", "service", "channel");
    }

    @Override
    public DashboardPage build(String council, DashboardFilters filters, Authentication who, Words words) {
        TargetStatusReport report = targets.status(filters.slice(council));
        DataTable.Builder table = new DataTable.Builder("overview", words.get("dash.table.overview"))
                .column(words.get("dash.col.service")).column(words.get("dash.col.channel"))
                .number(words.get("dash.col.target")).column(words.get("dash.col.status"))
                .number(words.get("dash.col.satisfied")).number(words.get("dash.col.lower")).number(words.get("dash.col.upper"))
                .number(words.get("dash.col.n")).number(words.get("dash.col.probability"))
                .number(words.get("dash.col.moreResponses")).column(words.get("dash.col.note"));
        for (TargetStatusReport.Row row : report.rows()) {
            table.row(List.of(Cell.text(Words.humanise(row.service())), Cell.text(words.named("dash.channel.", row.channel())),
                    Cell.percent(row.target()), status(row.status(), words), Cell.percent(row.proportion()),
                    Cell.percent(row.lower()), Cell.percent(row.upper()), Cell.count(row.n()),
                    // with no responses the API's probability is the Jeffreys prior's alone: not evidence about the service
                    row.n() == 0 ? Cell.text("") : Cell.percent(row.probabilityAtOrAbove()),
                    row.moreResponsesNeeded() == null ? Cell.text("") : Cell.count(row.moreResponsesNeeded()),
                    tooFew(row.label(), words)));
        }
        return new DashboardPage(List.of(words.get("dash.method.wilson", satisfaction.minimumN())), List.of(table.build()));
    }

    static Cell status(String code, Words words) {
        String tag = switch (code) {
            case "met" -> "met";
            case "not_met" -> "not-met";
            case "too_close_to_call" -> "too-close";
            case "no_responses" -> "too-few";
            default -> "neutral";
        };
        return Cell.tagged(words.named("dash.status.", code), code, tag);
    }

    /** The API's "too few responses" label in the page's language. */
    static Cell tooFew(String label, Words words) {
        return label == null ? Cell.text("") : Cell.tagged(words.get("dash.tooFew"), label, "too-few");
    }
}
