package uk.civicpulse.analytics.publishing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import uk.civicpulse.analytics.web.CsvWriter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The public page's figures as open data (CSV and JSON, columns in docs/open-data.md), under the Open Government
 * Licence. Suppressed rows keep their names and lose their figures, exactly as on the page.
 */
public final class OpenData {

    public static final String LICENCE = "Open Government Licence v3.0";
    public static final String LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";

    private OpenData() {
    }

    @Serdeable
    public record Licence(String name, String url) {
    }

    /**
     * @param suppression the rule applied: groups with fewer than {@code minimumN} responses have no figures
     * @param rows        service and channel rows, then each channel's total (service "all")
     */
    @Serdeable
    public record Satisfaction(String council, String councilName, LocalDate from, LocalDate to, Licence licence,
                               String metric, String method, double confidenceLevel, int minimumN, String suppression,
                               List<PublicResults.SatisfactionFigure> rows) {
    }

    @Serdeable
    public record Timeliness(String council, String councilName, LocalDate from, LocalDate to, Licence licence,
                             String method, double confidenceLevel, int minimumN, String suppression,
                             List<PublicResults.StandardFigure> rows) {
    }

    /**
     * % satisfied per month: the council's overall trend (service "all") then each service's, all channels together.
     *
     * @param rows one per service and month ({@code month} is YYYY-MM), suppressed below {@code minimumN} responses
     */
    @Serdeable
    public record Trend(String council, String councilName, LocalDate from, LocalDate to, Licence licence, String metric,
                        String method, double confidenceLevel, int minimumN, String suppression, List<TrendRow> rows) {
    }

    @Serdeable
    public record TrendRow(String service, String month, boolean suppressed, @Nullable Long n, @Nullable Double proportion,
                           @Nullable Double lower, @Nullable Double upper) {
    }

    static Trend trend(String council, String name, ReportingPeriod period, int minimumN, List<PublicResults.Month> overall,
                       List<PublicResults.ServiceTrend> services) {
        List<TrendRow> rows = new ArrayList<>();
        overall.forEach(m -> rows.add(row("all", m)));
        services.forEach(s -> s.months().forEach(m -> rows.add(row(s.service(), m))));
        return new Trend(council, name, period.from(), period.to(), new Licence(LICENCE, LICENCE_URL), "percent_satisfied", "wilson",
                0.95, minimumN, suppression(minimumN, "responses") + "; each service's month on its own", rows);
    }

    private static TrendRow row(String service, PublicResults.Month m) {
        return new TrendRow(service, m.from().toString().substring(0, 7), m.suppressed(), m.n(), m.proportion(), m.lower(), m.upper());
    }

    static String csv(Trend data) {
        CsvWriter csv = new CsvWriter();
        csv.row(List.of("service", "month", "suppressed", "n", "proportion", "lower", "upper"));
        for (TrendRow r : data.rows()) {
            csv.row(Arrays.asList(r.service(), r.month(), r.suppressed(), r.n(), r.proportion(), r.lower(), r.upper()));
        }
        return preamble(data.councilName(), data.from(), data.to(), data.suppression()) + csv;
    }

    static Satisfaction satisfaction(String council, String name, ReportingPeriod period, int minimumN,
                                     List<PublicResults.SatisfactionFigure> services, List<PublicResults.SatisfactionFigure> channels) {
        List<PublicResults.SatisfactionFigure> rows = new ArrayList<>(services);
        rows.addAll(channels);
        return new Satisfaction(council, name, period.from(), period.to(), new Licence(LICENCE, LICENCE_URL), "percent_satisfied",
                "wilson", 0.95, minimumN, suppression(minimumN, "responses"), rows);
    }

    static Timeliness timeliness(String council, String name, ReportingPeriod period, int minimumN, List<PublicResults.StandardFigure> rows) {
        return new Timeliness(council, name, period.from(), period.to(), new Licence(LICENCE, LICENCE_URL), "wilson", 0.95, minimumN,
                suppression(minimumN, "contacts"), rows);
    }

    private static String suppression(int minimumN, String what) {
        return "groups with fewer than " + minimumN + " " + what + " are listed without figures (suppressed = true)";
    }

    static String csv(Satisfaction data) {
        CsvWriter csv = new CsvWriter();
        csv.row(List.of("service", "channel", "suppressed", "n", "satisfied", "proportion", "lower", "upper", "margin_of_error",
                "target", "status", "caution"));
        for (PublicResults.SatisfactionFigure f : data.rows()) {
            csv.row(Arrays.asList(f.service(), f.channel(), f.suppressed(), f.n(), f.satisfied(), f.proportion(), f.lower(), f.upper(),
                    f.marginOfError(), f.target(), f.status(), f.caution()));
        }
        return preamble(data.councilName(), data.from(), data.to(), data.suppression()) + csv;
    }

    static String csv(Timeliness data) {
        CsvWriter csv = new CsvWriter();
        csv.row(List.of("standard", "effective_from", "promise_en", "promise_cy", "measure", "limit", "unit", "target_share",
                "suppressed", "contacts", "within", "share", "lower", "upper", "status"));
        for (PublicResults.StandardFigure f : data.rows()) {
            csv.row(Arrays.asList(f.standard(), f.effectiveFrom(), f.promiseEn(), f.promiseCy(), f.measure(), f.limit(), f.unit(),
                    f.targetShare(), f.suppressed(), f.contacts(), f.within(), f.share(), f.lower(), f.upper(), f.status()));
        }
        return preamble(data.councilName(), data.from(), data.to(), data.suppression()) + csv;
    }

    /**
     * One comment line (starting with #, no commas or quotes, so no reader takes it for a quoted field) naming the
     * source, period, licence and suppression rule, before the header.
     */
    private static String preamble(String councilName, LocalDate from, LocalDate to, String suppression) {
        String line = "# " + councilName + ": " + from + " to " + to + ". " + LICENCE + " (" + LICENCE_URL + "). 95% Wilson intervals; "
                + suppression + ". Columns: docs/open-data.md";
        return line.replace(",", " ").replace("\"", "").replaceAll("[\\r\\n]", " ") + "\r\n";
    }
}
