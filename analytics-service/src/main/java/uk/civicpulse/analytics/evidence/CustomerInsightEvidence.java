package uk.civicpulse.analytics.evidence;

import jakarta.inject.Singleton;
import uk.civicpulse.analytics.actions.ActionRepository;
import uk.civicpulse.analytics.actions.PublicAction;
import uk.civicpulse.analytics.dips.ControlChartReport;
import uk.civicpulse.analytics.dips.SatisfactionChartService;
import uk.civicpulse.analytics.drivers.KeyDriverReport;
import uk.civicpulse.analytics.drivers.KeyDriverService;
import uk.civicpulse.analytics.peers.PeerFunnelService;
import uk.civicpulse.analytics.peers.FunnelReport;
import uk.civicpulse.analytics.population.RepresentativenessReport;
import uk.civicpulse.analytics.population.RepresentativenessService;
import uk.civicpulse.analytics.publishing.CaptureRepository;
import uk.civicpulse.analytics.publishing.InProcess;
import uk.civicpulse.analytics.publishing.PublicResults;
import uk.civicpulse.analytics.publishing.PublicResultsService;
import uk.civicpulse.analytics.publishing.ReportingPeriod;
import uk.civicpulse.analytics.satisfaction.Slice;
import uk.civicpulse.analytics.satisfaction.SliceParameters;
import uk.civicpulse.analytics.stats.KeyDriverAnalysis;
import uk.civicpulse.analytics.targets.TargetStatusService;
import uk.civicpulse.analytics.targets.TargetStatusReport;
import uk.civicpulse.analytics.trends.TrendService;
import uk.civicpulse.analytics.trends.TrendReport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Criterion 1 (customer insight) and the benchmarking and dips elements (4.2.3, 4.3.1), from the same services the
 * JSON API serves.
 */
@Singleton
class CustomerInsightEvidence {

    private final RepresentativenessService representativeness;
    private final TargetStatusService targets;
    private final TrendService trends;
    private final KeyDriverService drivers;
    private final PeerFunnelService funnel;
    private final SatisfactionChartService controlChart;
    private final PublicResultsService published;
    private final ActionRepository actions;
    private final CaptureRepository capture;

    CustomerInsightEvidence(RepresentativenessService representativeness, TargetStatusService targets, TrendService trends,
                            KeyDriverService drivers, PeerFunnelService funnel, SatisfactionChartService controlChart,
                            PublicResultsService published, ActionRepository actions, CaptureRepository capture) {
        this.representativeness = representativeness;
        this.targets = targets;
        this.trends = trends;
        this.drivers = drivers;
        this.funnel = funnel;
        this.controlChart = controlChart;
        this.published = published;
        this.actions = actions;
        this.capture = capture;
    }

    List<EvidenceElement> elements(String council, ReportingPeriod period, Wording w, String publicPage) {
        String from = period.from().toString();
        String to = period.to().toString();
        RepresentativenessReport rep = representativeness.report(wholeCouncil(council, from, to));
        TargetStatusReport status = targets.status(InProcess.slice(council, period.from(), period.to()));
        List<PublicResults.SatisfactionFigure> shown = published.satisfactionByServiceAndChannel(council, period);
        List<PublicAction> acted = actions.published(council).stream()
                .filter(a -> !a.doneOn().isBefore(period.from()) && !a.doneOn().isAfter(period.to())).toList();
        long total = rep.responseRates().stream().mapToLong(RepresentativenessReport.ResponseRate::responses).sum();

        List<EvidenceElement> elements = new ArrayList<>();
        elements.add(profile(rep, w));
        elements.add(needs(status, rep, w));
        elements.add(hardToReach(rep, total, w));
        elements.add(new EvidenceElement("1.2.1", w.t("evidence.asks.1.2.1"), List.of(), List.of(w.t("evidence.outsideProduct"))));
        elements.add(new EvidenceElement("1.2.2", w.t("evidence.asks.1.2.2"),
                acted.isEmpty() ? List.of() : List.of(w.t("evidence.1.2.2.actions", acted.size(), publicPage)),
                acted.isEmpty() ? List.of(w.t("evidence.1.2.2.none")) : List.of()));
        elements.add(engagement(rep, w));
        elements.add(measurement(council, period, status, total, w));
        elements.add(publishedForAll(shown, publicPage, w));
        elements.add(keyDrivers(council, from, to, w));
        elements.add(targetsAndTrend(council, period, status, w));
        elements.add(new EvidenceElement("1.3.5", w.t("evidence.asks.1.3.5"),
                acted.isEmpty() ? List.of() : List.of(w.t("evidence.1.3.5.actions", acted.size(),
                        acted.stream().map(a -> a.service() == null ? "–" : a.service()).distinct().sorted().collect(Collectors.joining(", ")))),
                acted.isEmpty() ? List.of(w.t("evidence.1.3.5.none")) : List.of()));
        elements.add(benchmarking(council, period, w));
        elements.add(dips(council, period, acted.isEmpty(), w));
        return elements;
    }

    /** Every service and channel of the council over the range, as the representativeness route binds it. */
    private static Slice wholeCouncil(String council, String from, String to) {
        Map<String, String> filters = new HashMap<>();
        filters.put("service", null);
        filters.put("channel", null);
        return SliceParameters.parse(council, from, to, null, null, null, null, filters, null);
    }

    private EvidenceElement profile(RepresentativenessReport rep, Wording w) {
        List<String> evidence = rep.questions().stream().filter(q -> q.n() > 0)
                .map(q -> w.t("evidence.1.1.1.profile", q.question(), q.n(), q.source() == null ? "–" : q.source())).toList();
        List<String> gaps = new ArrayList<>();
        if (rep.questions().isEmpty()) {
            gaps.add(w.t("evidence.1.1.1.noProfile"));
        }
        rep.questions().stream().filter(q -> q.n() == 0).forEach(q -> gaps.add(w.t("evidence.1.1.1.unanswered", q.question())));
        return new EvidenceElement("1.1.1", w.t("evidence.asks.1.1.1"), evidence, gaps);
    }

    private EvidenceElement needs(TargetStatusReport status, RepresentativenessReport rep, Wording w) {
        List<TargetStatusReport.Row> rows = status.rows().stream().filter(r -> r.n() > 0).toList();
        if (rows.isEmpty()) {
            return new EvidenceElement("1.1.2", w.t("evidence.asks.1.1.2"), List.of(), List.of(w.t("evidence.noRatings")));
        }
        List<String> evidence = new ArrayList<>();
        evidence.add(w.t("evidence.1.1.2.breakdown", rows.size(), rows.stream().map(TargetStatusReport.Row::service).distinct().count(),
                rows.stream().map(TargetStatusReport.Row::channel).distinct().count()));
        if (!rep.questions().isEmpty()) {
            evidence.add(w.t("evidence.1.1.2.groups", rep.questions().stream().map(RepresentativenessReport.Question::question)
                    .collect(Collectors.joining(", "))));
        }
        return new EvidenceElement("1.1.2", w.t("evidence.asks.1.1.2"), evidence, List.of());
    }

    private EvidenceElement hardToReach(RepresentativenessReport rep, long total, Wording w) {
        List<String> evidence = new ArrayList<>();
        long offline = rep.responseRates().stream().filter(r -> !r.channel().equals("web"))
                .mapToLong(RepresentativenessReport.ResponseRate::responses).sum();
        if (total > 0) {
            evidence.add(w.t("evidence.1.1.3.offline", Wording.pct((double) offline / total), offline));
        }
        List<String> gaps = underRepresented(rep, w, "evidence.1.1.3.under");
        if (!rep.questions().isEmpty()) {
            evidence.add(w.t("evidence.1.1.3.flagged"));
        }
        return new EvidenceElement("1.1.3", w.t("evidence.asks.1.1.3"), evidence, gaps);
    }

    private EvidenceElement engagement(RepresentativenessReport rep, Wording w) {
        List<String> evidence = new ArrayList<>();
        for (RepresentativenessReport.ResponseRate r : rep.responseRates()) {
            String channel = w.t("public.channel." + r.channel());
            evidence.add(r.rate() == null ? w.t("evidence.1.2.3.channel", channel, r.responses())
                    : w.t("evidence.1.2.3.rate", channel, r.responses(), r.contacts(), Wording.pct(r.rate())));
        }
        for (RepresentativenessReport.Question q : rep.questions()) {
            if (q.pValue() != null) {
                evidence.add(w.t("evidence.1.2.3.test", q.question(), String.format(java.util.Locale.UK, "%.1f", q.statistic()), q.df(),
                        String.format(java.util.Locale.UK, "%.3g", q.pValue())));
            }
        }
        List<String> gaps = new ArrayList<>(underRepresented(rep, w, "evidence.1.2.3.under"));
        if (rep.questions().isEmpty()) {
            gaps.add(w.t("evidence.1.1.1.noProfile"));
        }
        return new EvidenceElement("1.2.3", w.t("evidence.asks.1.2.3"), evidence, gaps);
    }

    /** One line per question naming its under-represented groups and their ratio to the population share. */
    private static List<String> underRepresented(RepresentativenessReport rep, Wording w, String key) {
        List<String> lines = new ArrayList<>();
        for (RepresentativenessReport.Question q : rep.questions()) {
            String under = q.groups().stream().filter(g -> "under".equals(g.representation()))
                    .map(g -> g.answer().replace('_', '-') + " (" + w.t("evidence.ratio", Wording.ratio(g.ratio())) + ")")
                    .collect(Collectors.joining(", "));
            if (!under.isEmpty()) {
                lines.add(w.t(key, q.question(), under));
            }
        }
        return lines;
    }

    private EvidenceElement measurement(String council, ReportingPeriod period, TargetStatusReport status, long total, Wording w) {
        List<String> evidence = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        if (total == 0) {
            gaps.add(w.t("evidence.noRatings"));
        } else {
            double[] margins = status.rows().stream().filter(r -> r.lower() != null && r.n() > 0)
                    .mapToDouble(r -> (r.upper() - r.lower()) / 2).sorted().toArray();
            evidence.add(w.t("evidence.1.3.1.sample", total, margins.length == 0 ? "–"
                    : String.format(java.util.Locale.UK, "%.1f", 100 * margins[margins.length / 2])));
            CaptureRepository.Capture c = capture.capture(council, period.from(), period.to());
            evidence.add(w.t("evidence.1.3.1.agent", Wording.pct(c.ratings() == 0 ? null : (double) c.agentEntered() / c.ratings()), c.agentEntered()));
            long small = status.rows().stream().filter(r -> r.n() > 0 && r.label() != null).count();
            long rows = status.rows().stream().filter(r -> r.n() > 0).count();
            if (small > 0) {
                gaps.add(w.t("evidence.1.3.1.small", small, rows, status.minimumN()));
            }
        }
        return new EvidenceElement("1.3.1", w.t("evidence.asks.1.3.1"), evidence, gaps);
    }

    private EvidenceElement publishedForAll(List<PublicResults.SatisfactionFigure> shown, String publicPage, Wording w) {
        long suppressed = shown.stream().filter(PublicResults.SatisfactionFigure::suppressed).count();
        List<String> evidence = shown.isEmpty() ? List.of()
                : List.of(w.t("evidence.1.3.2.published", shown.size() - suppressed, publicPage));
        List<String> gaps = new ArrayList<>();
        if (shown.isEmpty()) {
            gaps.add(w.t("evidence.noRatings"));
        }
        if (suppressed > 0) {
            gaps.add(w.t("evidence.1.3.2.suppressed", suppressed, published.minimumN()));
        }
        return new EvidenceElement("1.3.2", w.t("evidence.asks.1.3.2"), evidence, gaps);
    }

    private EvidenceElement keyDrivers(String council, String from, String to, Wording w) {
        KeyDriverReport report = drivers.drivers(council, from, to, null, null);
        KeyDriverAnalysis a = report.analysis();
        if (a.label() != null || a.correlations().stream().allMatch(c -> c.r() == null)) {
            return new EvidenceElement("1.3.3", w.t("evidence.asks.1.3.3"), List.of(w.t("evidence.1.3.3.questions")),
                    List.of(w.t("evidence.1.3.3.tooFew", a.n(), a.minimumN())));
        }
        KeyDriverAnalysis.Correlation strongest = a.correlations().stream().filter(c -> c.r() != null)
                .max(Comparator.comparingDouble(KeyDriverAnalysis.Correlation::r)).orElseThrow();
        return new EvidenceElement("1.3.3", w.t("evidence.asks.1.3.3"), List.of(w.t("evidence.1.3.3.questions"),
                w.t("evidence.1.3.3.drivers", a.n(), strongest.area(), String.format(java.util.Locale.UK, "%.2f", strongest.r()))), List.of());
    }

    private EvidenceElement targetsAndTrend(String council, ReportingPeriod period, TargetStatusReport status, Wording w) {
        List<TargetStatusReport.Row> withTarget = status.rows().stream().filter(r -> r.target() != null && r.n() > 0).toList();
        long met = withTarget.stream().filter(r -> r.status().equals("met")).count();
        List<TargetStatusReport.Row> notMet = withTarget.stream().filter(r -> r.status().equals("not_met")).toList();
        long close = withTarget.stream().filter(r -> r.status().equals("too_close_to_call")).count();
        long noTarget = status.rows().stream().filter(r -> r.target() == null && r.n() > 0).count();
        List<String> evidence = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        if (!withTarget.isEmpty()) {
            evidence.add(w.t("evidence.1.3.4.status", withTarget.size(), met, close, notMet.size()));
        }
        TrendReport trend = trends.trend(InProcess.slice(council, period.from(), period.to()), "month", TrendService.Method.COCHRAN_ARMITAGE);
        evidence.add(w.t("evidence.1.3.4.trend." + (trend.trend().label() != null ? "none" : trend.trend().direction())));
        if (!notMet.isEmpty()) {
            gaps.add(w.t("evidence.1.3.4.notMet", notMet.size(), withTarget.size(),
                    notMet.stream().map(r -> r.service() + " / " + r.channel()).collect(Collectors.joining(", "))));
        }
        if (noTarget > 0) {
            gaps.add(w.t("evidence.1.3.4.noTarget", noTarget));
        }
        if ("declining".equals(trend.trend().direction())) {
            gaps.add(w.t("evidence.1.3.4.trend.declining"));
        }
        return new EvidenceElement("1.3.4", w.t("evidence.asks.1.3.4"), evidence, gaps);
    }

    private EvidenceElement benchmarking(String council, ReportingPeriod period, Wording w) {
        FunnelReport report = funnel.funnel(InProcess.slice(council, period.from(), period.to()));
        List<String> evidence = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        for (FunnelReport.Group g : report.peerGroups()) {
            FunnelReport.CouncilPoint own = g.councils().stream().filter(FunnelReport.CouncilPoint::you).findFirst().orElse(null);
            if (own == null || own.n() == 0) {
                continue;
            }
            evidence.add(w.t("evidence.4.2.3.position", g.description(), g.councils().size(), Wording.pct(own.proportion()),
                    Wording.pct(g.peerValue()), w.t("public.position." + own.position95())));
            if (own.position95().equals("below")) {
                gaps.add(w.t("evidence.4.2.3.below", g.description()));
            }
        }
        if (report.peerGroups().isEmpty()) {
            gaps.add(w.t("evidence.4.2.3.noPeers"));
        }
        return new EvidenceElement("4.2.3", w.t("evidence.asks.4.2.3"), evidence, gaps);
    }

    private EvidenceElement dips(String council, ReportingPeriod period, boolean noActions, Wording w) {
        ControlChartReport chart = controlChart.chart(InProcess.slice(council, period.from(), period.to()), period.from().toString(),
                period.to().toString(), "month");
        List<String> evidence = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        if (chart.centre() == null) {
            gaps.add(w.t("evidence.noRatings"));
            return new EvidenceElement("4.3.1", w.t("evidence.asks.4.3.1"), evidence, gaps);
        }
        evidence.add(w.t("evidence.4.3.1.chart", chart.points().size(), Wording.pct(chart.centre())));
        List<ControlChartReport.Alert> dips = chart.alerts().stream().filter(a -> Objects.equals(a.direction(), "low")
                || Objects.equals(a.direction(), "falling")).toList();
        if (dips.isEmpty()) {
            evidence.add(w.t("evidence.4.3.1.noDips"));
        }
        for (ControlChartReport.Alert a : dips) {
            gaps.add(w.t("evidence.4.3.1.dip", a.from(), a.to(), a.message()));
        }
        if (!dips.isEmpty() && noActions) {
            gaps.add(w.t("evidence.4.3.1.explain"));
        }
        return new EvidenceElement("4.3.1", w.t("evidence.asks.4.3.1"), evidence, gaps);
    }
}
