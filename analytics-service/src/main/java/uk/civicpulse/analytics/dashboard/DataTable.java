package uk.civicpulse.analytics.dashboard;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * One table of figures as the page shows it and the CSV download gives it: the same rows, so the two cannot drift
 * apart. Each cell has the words a reader sees (rounded) and the unrounded figure behind them, which the page puts in
 * {@code data-value} for the chart and the CSV writes out.
 *
 * @param id      the table's name within its page, used by the CSV address ({@code ?table=})
 * @param caption what the table shows, in the page's language
 * @param chart   how assets/js/charts.js draws it; null for a table without a chart
 * @param note    a sentence under the table (a test's result, why there are no rows); null when none
 */
public record DataTable(String id, String caption, List<Column> columns, List<List<Cell>> rows, @Nullable Chart chart,
                 @Nullable String note) {

    /**
     * @param heading in the page's language
     * @param series  value, lower, upper, target, limit or another name for charts.js; null when not drawn
     * @param numeric right-aligned, with data-value
     */
    public record Column(String heading, @Nullable String series, boolean numeric) {
    }

    /**
     * @param text the words shown
     * @param raw  the unrounded figure (a number) or the code behind the words; null when there is none
     * @param tag  a status tag's style (met, not-met, too-close, too-few, inside, above, below, alert, neutral)
     */
    public record Cell(String text, @Nullable Object raw, @Nullable String tag) {

        static Cell text(@Nullable String text) {
            return new Cell(text == null ? "" : text, text, null);
        }

        static Cell number(String text, @Nullable Number raw) {
            return new Cell(text, raw, null);
        }

        static Cell tagged(String text, String code, String tag) {
            return new Cell(text, code, tag);
        }

        /** A proportion 0-1 shown as a percentage; the unrounded percentage behind it. */
        static Cell percent(@Nullable Double proportion) {
            return new Cell(Words.percent(proportion), Words.points(proportion), null);
        }

        static Cell count(long n) {
            return new Cell(String.format(java.util.Locale.UK, "%,d", n), n, null);
        }

        static Cell decimal(@Nullable Double value, int places) {
            return new Cell(Words.decimal(value, places), value, null);
        }

        static Cell pValue(@Nullable Double p) {
            return new Cell(Words.pValue(p), p, null);
        }

        /** The unrounded figure as data-value carries it: empty for a gap. */
        public String dataValue() {
            return raw == null ? "" : raw.toString();
        }
    }

    /** @param type line or bar; yMin and yMax fix the axis (e.g. 0 to 100 for a percentage) */
    public record Chart(String type, @Nullable Double yMin, @Nullable Double yMax) {
    }

    /** Builds a table column by column, then row by row. */
    static final class Builder {
        private final String id;
        private final String caption;
        private final List<Column> columns = new ArrayList<>();
        private final List<List<Cell>> rows = new ArrayList<>();
        private Chart chart;
        private String note;

        Builder(String id, String caption) {
            this.id = id;
            this.caption = caption;
        }

        Builder column(String heading) {
            columns.add(new Column(heading, null, false));
            return this;
        }

        Builder number(String heading) {
            columns.add(new Column(heading, null, true));
            return this;
        }

        Builder series(String heading, String series) {
            columns.add(new Column(heading, series, true));
            return this;
        }

        Builder chart(String type, @Nullable Double yMin, @Nullable Double yMax) {
            chart = new Chart(type, yMin, yMax);
            return this;
        }

        Builder note(@Nullable String note) {
            this.note = note;
            return this;
        }

        Builder row(List<Cell> cells) {
            if (cells.size() != columns.size()) {
                throw new IllegalStateException(id + ": a row of " + cells.size() + " cells in a table of " + columns.size() + " columns");
            }
            rows.add(List.copyOf(cells));
            return this;
        }

        DataTable build() {
            return new DataTable(id, caption, List.copyOf(columns), List.copyOf(rows), chart, note);
        }
    }
}
