package uk.civicpulse.analytics.dashboard;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import uk.civicpulse.analytics.dashboard.DataTable.Cell;
import uk.civicpulse.analytics.satisfaction.GroupDifferencesReport;
import uk.civicpulse.analytics.satisfaction.GroupDifferencesService;
import uk.civicpulse.analytics.satisfaction.SatisfactionService;
import uk.civicpulse.analytics.satisfaction.Slice;
import uk.civicpulse.analytics.satisfaction.SliceParameters;
import uk.civicpulse.analytics.stats.ProportionInterval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * % satisfied by the answers to each customer-group question, each group against the rest, with the differences that
 * survive the Benjamini-Hochberg adjustment flagged (CSE 1.3.2), from the group-differences service.
 */
@Singleton
class GroupFigures implements PageFigures {

    static final double LEVEL = 0.95;

    private final GroupDifferencesService differences;
    private final CustomerGroupQuestions questions;
    private final SatisfactionService satisfaction;

    GroupFigures(GroupDifferencesService differences, CustomerGroupQuestions questions, SatisfactionService satisfaction) {
        this.differences = differences;
        this.questions = questions;
        this.satisfaction = satisfaction;
    }

    @Override
    public String name() {
        return "groups";
    }

    @Override
    public List<String> fields() {
        return List.of("from", "to", "service", "channel");
    }

    @Override
    public DashboardPage build(String council, DashboardFilters filters, Authentication who, Words words) {
        List<String> asked = filters.question() != null ? List.of(filters.question()) : questions.answered(council, filters.from(), filters.to());
        Map<String, String> only = new HashMap<>();
        only.put("service", filters.service());
        only.put("channel", filters.channel());
        List<DataTable> tables = new ArrayList<>();
        for (String question : asked) {
            Slice slice = SliceParameters.parse(council, filters.from().toString(), filters.to().toString(), null, null,
                    "customer_group", question, only, null);
            GroupDifferencesReport report = differences.differences(slice, ProportionInterval.WILSON, LEVEL);
            DataTable.Builder table = new DataTable.Builder("groups-" + question, words.get("dash.table.groups", Words.humanise(question)))
                    .column(words.get("dash.col.answer")).series(words.get("dash.col.satisfied"), "value")
                    .number(words.get("dash.col.lower")).number(words.get("dash.col.upper")).number(words.get("dash.col.n"))
                    .number(words.get("dash.col.rest")).number(words.get("dash.col.difference"))
                    .number(words.get("dash.col.adjustedP")).column(words.get("dash.col.flag")).column(words.get("dash.col.note"))
                    .chart("bar", 0.0, 100.0);
            for (GroupDifferencesReport.Group g : report.groups()) {
                table.row(List.of(Cell.text(Words.humanise(g.answer())), Cell.percent(g.proportion()), Cell.percent(g.lower()),
                        Cell.percent(g.upper()), Cell.count(g.n()), Cell.percent(g.restProportion()),
                        Cell.number(g.difference() == null ? "" : String.format(Locale.UK, "%+.1f", g.difference() * 100), Words.points(g.difference())),
                        Cell.pValue(g.adjustedPValue()),
                        g.significant() ? Cell.tagged(words.get("dash.flag.significant"), "significant", "alert")
                                : Cell.tagged(words.get("dash.flag.none"), "none", "neutral"),
                        OverviewFigures.tooFew(g.label(), words)));
            }
            GroupDifferencesReport.Overall overall = report.overall();
            table.note(overall.statistic() == null ? null : words.get("dash.groups.overall", Words.decimal(overall.statistic(), 2),
                    overall.df(), Words.pStatement(overall.pValue())));
            tables.add(table.build());
        }
        List<String> notes = new ArrayList<>();
        if (tables.isEmpty()) {
            notes.add(words.get("dash.groups.none"));
        }
        notes.add(words.get("dash.groups.method"));
        return new DashboardPage(notes, tables);
    }
}
