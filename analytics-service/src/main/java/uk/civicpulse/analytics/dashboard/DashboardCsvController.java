package uk.civicpulse.analytics.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import uk.civicpulse.analytics.web.BadParameterException;
import uk.civicpulse.analytics.web.CsvWriter;

import java.util.ArrayList;
import java.util.List;

/**
 * Each dashboard table as CSV, at the page's address plus ".csv" with the same filters and {@code table=} naming the
 * table (default the page's first): the very rows the page shows, with the unrounded figure in place of each rounded
 * one. Cells starting with = + - or @ are defused against spreadsheet formulas (numbers excepted).
 */
@Hidden
@Controller(value = "/dashboard/councils/{council}", produces = "text/csv")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DashboardCsvController {

    private final DashboardPageSupport support;

    DashboardCsvController(DashboardPageSupport support) {
        this.support = support;
    }

    /**
     * One route for every page: {@code page} is a dashboard page's name (overview, trend, channels, groups, peers,
     * dips, drivers, timeliness); any other is 404 once the council has been checked. The comments page's CSV
     * ({@code /comments.csv}) is a route of its own, which the router prefers to this one as it has no variable there.
     */
    @Get("/{page}.csv")
    public HttpResponse<String> csv(HttpRequest<?> request, @PathVariable String council, @PathVariable String page,
                                    @Nullable @QueryValue String table, Authentication who) {
        DashboardFilters filters = support.filters(request, council, who, page);
        DashboardPage figures = support.figures(page, council, filters, who, support.words(request));
        if (figures.tables().isEmpty()) {
            throw new BadParameterException("table", "this page has no table for these filters");
        }
        DataTable chosen = table == null ? figures.tables().get(0) : figures.tables().stream().filter(t -> t.id().equals(table)).findFirst()
                .orElseThrow(() -> new BadParameterException("table", "must be one of " + figures.tables().stream().map(DataTable::id).toList()));
        return HttpResponse.ok(write(chosen))
                .contentType(MediaType.of("text/csv; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"" + council + "-" + chosen.id() + "-" + filters.from() + "-" + filters.to() + ".csv\"");
    }

    static String write(DataTable table) {
        CsvWriter csv = new CsvWriter();
        csv.row(table.columns().stream().map(DataTable.Column::heading).toList());
        for (List<DataTable.Cell> row : table.rows()) {
            List<Object> fields = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                DataTable.Cell cell = row.get(i);
                fields.add(table.columns().get(i).numeric() ? cell.raw() : cell.text());
            }
            csv.row(fields);
        }
        return csv.toString();
    }
}
