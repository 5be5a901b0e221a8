package uk.civicpulse.analytics.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import uk.civicpulse.analytics.dashboard.DataTable.Cell;
import uk.civicpulse.analytics.peers.PeerFunnelService;
import uk.civicpulse.analytics.peers.FunnelReport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The funnel plot against each peer group (CSE 4.2.3), from the service behind the funnel route: this council and the
 * other members' aggregates only (n and % satisfied; never their comments), the limits along the funnel, and where each
 * sits.
 */
@Singleton
class PeerFigures implements PageFigures {

    /** The funnel is drawn through every few of the route's curve points: enough for its shape, few enough to read. */
    static final int CURVE_STEP = 4;
    /** Below this many responses the limits span almost 0-100% and would flatten the rest of the funnel. */
    static final long SMALLEST_N = 10;

    private final PeerFunnelService funnel;

    PeerFigures(PeerFunnelService funnel) {
        this.funnel = funnel;
    }

    @Override
    public String name() {
        return "peers";
    }

    @Override
    public List<String> fields() {
        return List.of("from", "to", "service", "channel");
    }

    @Override
    public DashboardPage build(String council, DashboardFilters filters, Authentication who, Words words) {
        FunnelReport report = funnel.funnel(filters.slice(council));
        List<DataTable> tables = new ArrayList<>();
        for (FunnelReport.Group group : report.peerGroups()) {
            tables.add(funnelTable(group, words));
            tables.add(positions(group, words));
        }
        List<String> notes = new ArrayList<>();
        if (tables.isEmpty()) {
            notes.add(words.get("dash.peers.none"));
        }
        notes.add(words.get("dash.peers.method"));
        return new DashboardPage(notes, tables);
    }

    /** One row per sample size: the funnel's limits there, and the council (or councils) of that size. */
    private static DataTable funnelTable(FunnelReport.Group group, Words words) {
        return funnelTable("funnel-" + group.code(), words.get("dash.table.peers", group.description()), group.peerValue(),
                group.curve(), group.councils().stream().map(c -> new FunnelMember(c.council(), c.you(), c.proportion(), c.limits())).toList(),
                words);
    }

    /** A council on a funnel plot: its proportion and the limits at its n (null when it has nothing to place). */
    record FunnelMember(String council, boolean you, @Nullable Double proportion, @Nullable FunnelReport.Limits limits) {
    }

    /**
     * A funnel plot as a table, one row per sample size: every few of the curve's points (from {@link #SMALLEST_N})
     * and each member with limits, in order of n, with the limits there and the member's figure in its own series
     * (this council, or the others). The peers page and the timeliness page draw their funnels with it.
     */
    static DataTable funnelTable(String id, String caption, @Nullable Double peerValue, List<FunnelReport.Limits> curve,
                                 List<FunnelMember> members, Words words) {
        DataTable.Builder table = new DataTable.Builder(id, caption)
                .column(words.get("dash.col.n"))
                .series(words.get("dash.col.thisCouncil"), "value").series(words.get("dash.col.otherCouncils"), "points")
                .series(words.get("dash.col.peerValue"), "target")
                .series(words.get("dash.col.lower95"), "limit").series(words.get("dash.col.upper95"), "limit")
                .series(words.get("dash.col.lower998"), "limit").series(words.get("dash.col.upper998"), "limit")
                .column(words.get("dash.col.council")).chart("line", null, 100.0);
        record Point(FunnelReport.Limits limits, FunnelMember council) {
        }
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < curve.size(); i++) {
            long n = curve.get(i).n();
            if (n >= SMALLEST_N && (i % CURVE_STEP == 0 || i == curve.size() - 1)) {
                points.add(new Point(curve.get(i), null));
            }
        }
        members.stream().filter(c -> c.limits() != null).forEach(c -> points.add(new Point(c.limits(), c)));
        points.sort(Comparator.comparingLong(p -> p.limits().n()));
        for (Point p : points) {
            FunnelMember c = p.council();
            table.row(List.of(Cell.count(p.limits().n()),
                    c != null && c.you() ? Cell.percent(c.proportion()) : Cell.text(""),
                    c != null && !c.you() ? Cell.percent(c.proportion()) : Cell.text(""),
                    Cell.percent(peerValue),
                    Cell.percent(p.limits().lower95()), Cell.percent(p.limits().upper95()),
                    Cell.percent(p.limits().lower998()), Cell.percent(p.limits().upper998()),
                    Cell.text(c == null ? "" : c.council() + (c.you() ? " " + words.get("dash.you") : ""))));
        }
        return table.build();
    }

    private static DataTable positions(FunnelReport.Group group, Words words) {
        DataTable.Builder table = new DataTable.Builder("positions-" + group.code(), words.get("dash.table.peerPositions", group.description()))
                .column(words.get("dash.col.council")).number(words.get("dash.col.satisfied")).number(words.get("dash.col.n"))
                .number(words.get("dash.col.lower95")).number(words.get("dash.col.upper95"))
                .column(words.get("dash.col.position95")).column(words.get("dash.col.position998")).column(words.get("dash.col.note"));
        for (FunnelReport.CouncilPoint c : group.councils()) {
            FunnelReport.Limits l = c.limits();
            table.row(List.of(Cell.text(c.council() + (c.you() ? " " + words.get("dash.you") : "")), Cell.percent(c.proportion()),
                    Cell.count(c.n()), Cell.percent(l == null ? null : l.lower95()), Cell.percent(l == null ? null : l.upper95()),
                    position(c.position95(), words), position(c.position998(), words), OverviewFigures.tooFew(c.label(), words)));
        }
        return table.build();
    }

    static Cell position(String code, Words words) {
        String tag = switch (code) {
            case "inside" -> "inside";
            case "above" -> "above";
            case "below" -> "below";
            default -> "too-few";
        };
        return Cell.tagged(words.named("dash.position.", code), code, tag);
    }
}
