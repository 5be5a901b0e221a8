package uk.civicpulse.analytics.publishing;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import uk.civicpulse.analytics.actions.ActionRepository;
import uk.civicpulse.analytics.councils.CouncilRepository;
import uk.civicpulse.analytics.peers.PeerFunnelService;
import uk.civicpulse.analytics.peers.FunnelReport;
import uk.civicpulse.analytics.satisfaction.FigureOptions;
import uk.civicpulse.analytics.satisfaction.SatisfactionReport;
import uk.civicpulse.analytics.satisfaction.SatisfactionRow;
import uk.civicpulse.analytics.satisfaction.SatisfactionService;
import uk.civicpulse.analytics.satisfaction.SliceParameters;
import uk.civicpulse.analytics.targets.TargetStatusService;
import uk.civicpulse.analytics.targets.TargetStatusReport;
import uk.civicpulse.analytics.timeliness.Standard;
import uk.civicpulse.analytics.timeliness.StandardRepository;
import uk.civicpulse.analytics.timeliness.DateRange;
import uk.civicpulse.analytics.timeliness.Period;
import uk.civicpulse.analytics.timeliness.TimelinessReport;
import uk.civicpulse.analytics.timeliness.TimelinessRow;
import uk.civicpulse.analytics.timeliness.TimelinessService;
import uk.civicpulse.analytics.trends.TrendService;
import uk.civicpulse.analytics.trends.TrendReport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A council's published results, built from the same services the JSON API serves (satisfaction, targets, trend,
 * funnel, timeliness) and suppressed for publication: below {@code civic-pulse.public.minimum-n} responses a group
 * shows no figure at all.
 */
@Singleton
public class PublicResultsService {

    private final CouncilRepository councils;
    private final SatisfactionService satisfaction;
    private final TargetStatusService targets;
    private final TrendService trends;
    private final PeerFunnelService funnel;
    private final TimelinessService timeliness;
    private final ActionRepository actions;
    private final CaptureRepository capture;
    private final StandardRepository standardRepository;
    private final int minimumN;

    PublicResultsService(CouncilRepository councils, SatisfactionService satisfaction, TargetStatusService targets,
                         TrendService trends, PeerFunnelService funnel, TimelinessService timeliness,
                         ActionRepository actions, CaptureRepository capture, StandardRepository standardRepository,
                         @Value("${civic-pulse.public.minimum-n:10}") int minimumN) {
        this.councils = councils;
        this.satisfaction = satisfaction;
        this.targets = targets;
        this.trends = trends;
        this.funnel = funnel;
        this.timeliness = timeliness;
        this.actions = actions;
        this.capture = capture;
        this.standardRepository = standardRepository;
        this.minimumN = minimumN;
    }

    public int minimumN() {
        return minimumN;
    }

    /** The council's name, or 404 for a council the platform does not know. */
    public String councilName(String council) {
        return councils.councils().stream().filter(c -> c.code().equals(council)).findFirst()
                .map(c -> c.name() == null ? c.code() : c.name())
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no council with code '" + council + "'"));
    }

    public PublicResults results(String council, ReportingPeriod period) {
        String name = councilName(council);
        List<PublicResults.SatisfactionFigure> services = satisfactionByServiceAndChannel(council, period);
        List<PublicResults.SatisfactionFigure> channels = satisfactionByChannel(council, period);
        return new PublicResults(council, name, period.from(), period.to(), minimumN, satisfaction.minimumN(), services, channels,
                trend(council, period), serviceTrends(council, period, services.stream().map(PublicResults.SatisfactionFigure::service).toList()),
                standards(council, period), peers(council, period),
                // actions taken during the period or since: what was done about what residents said in it
                actions.published(council).stream().filter(a -> !a.doneOn().isBefore(period.from())).toList(),
                methodology(council, period, services, channels));
    }

    /** The satisfaction API's figures by service and channel (95% Wilson, not corrected for the finite population). */
    public List<PublicResults.SatisfactionFigure> satisfactionByServiceAndChannel(String council, ReportingPeriod period) {
        SatisfactionReport report = satisfaction.report(slice(council, period, "service,channel"), options());
        TargetStatusReport status = targets.status(InProcess.slice(council, period.from(), period.to()));
        Map<String, TargetStatusReport.Row> byCell = new HashMap<>();
        status.rows().forEach(r -> byCell.put(r.service() + "|" + r.channel(), r));
        List<PublicResults.SatisfactionFigure> figures = new ArrayList<>();
        for (SatisfactionRow row : report.rows()) {
            TargetStatusReport.Row t = byCell.get(row.group().get("service") + "|" + row.group().get("channel"));
            figures.add(figure(row.group().get("service"), row.group().get("channel"), row, t));
        }
        return figures;
    }

    /** The satisfaction API's figures by channel, every service together (service "all"). */
    public List<PublicResults.SatisfactionFigure> satisfactionByChannel(String council, ReportingPeriod period) {
        SatisfactionReport report = satisfaction.report(slice(council, period, "channel"), options());
        return report.rows().stream().map(row -> figure("all", row.group().get("channel"), row, null)).toList();
    }

    private PublicResults.SatisfactionFigure figure(String service, String channel, SatisfactionRow row, TargetStatusReport.Row t) {
        Double target = t == null ? null : t.target();
        if (row.n() < minimumN) {
            return new PublicResults.SatisfactionFigure(service, channel, true, null, null, null, null, null, null, target, null, false);
        }
        return new PublicResults.SatisfactionFigure(service, channel, false, row.n(), row.satisfied(), row.value(), row.lower(),
                row.upper(), row.marginOfError(), target, t == null ? null : t.status(), row.n() < satisfaction.minimumN());
    }

    public PublicResults.Trend trend(String council, ReportingPeriod period) {
        TrendReport report = trends.trend(InProcess.slice(council, period.from(), period.to()), "month", TrendService.Method.COCHRAN_ARMITAGE);
        List<PublicResults.Month> months = report.series().stream().map(p -> p.n() < minimumN
                ? new PublicResults.Month(p.from(), true, null, null, null, null)
                : new PublicResults.Month(p.from(), false, p.n(), p.proportion(), p.lower(), p.upper())).toList();
        return new PublicResults.Trend(months, report.trend().direction(), report.trend().pValue(), report.trend().label());
    }

    /**
     * Each service's % satisfied per month, all channels together, with its 95% interval: the trend API's figures for
     * the service's slice. A service-month with fewer than the minimum responses has no figures, like any public group.
     */
    public List<PublicResults.ServiceTrend> serviceTrends(String council, ReportingPeriod period, List<String> services) {
        return services.stream().distinct().sorted().map(service -> {
            TrendReport report = trends.trend(InProcess.slice(council, period.from(), period.to(), service, null), "month",
                    TrendService.Method.COCHRAN_ARMITAGE);
            return new PublicResults.ServiceTrend(service, report.series().stream().map(this::month).toList());
        }).toList();
    }

    /** The services rated in the period (names only), for the per-service trend without the rest of the page. */
    public List<String> services(String council, ReportingPeriod period) {
        return satisfaction.report(slice(council, period, "service"), options()).rows().stream().map(r -> r.group().get("service")).toList();
    }

    private PublicResults.Month month(TrendReport.PeriodFigure p) {
        return p.n() < minimumN ? new PublicResults.Month(p.from(), true, null, null, null, null)
                : new PublicResults.Month(p.from(), false, p.n(), p.proportion(), p.lower(), p.upper());
    }

    /** Each standard version over the period, as the timeliness API gives it, suppressed below the minimum contacts. */
    public List<PublicResults.StandardFigure> standards(String council, ReportingPeriod period) {
        TimelinessReport report = timeliness.report(council, DateRange.of(period.from(), period.to()), false, false, Period.NONE);
        List<PublicResults.StandardFigure> figures = new ArrayList<>();
        for (TimelinessRow r : report.rows()) {
            boolean suppressed = r.withinStandard().n() > 0 && r.withinStandard().n() < minimumN;
            figures.add(new PublicResults.StandardFigure(r.standard(), r.effectiveFrom(), r.promiseEn(), r.promiseCy(), r.measure(),
                    r.limit(), r.unit(), r.targetShare(), suppressed,
                    suppressed ? null : r.withinStandard().n(), suppressed ? null : r.withinStandard().count(),
                    suppressed ? null : r.withinStandard().proportion(), suppressed ? null : r.withinStandard().lower(),
                    suppressed ? null : r.withinStandard().upper(), suppressed ? null : r.status()));
        }
        // A standard with no contacts in the period is still a promise residents should read (CSE 5.2.1).
        Map<String, Standard> latest = new java.util.TreeMap<>();
        for (Standard s : standardRepository.standards(council)) {
            if (!s.effectiveFrom().isAfter(period.to())) {
                latest.merge(s.code(), s, (a, b) -> a.effectiveFrom().isAfter(b.effectiveFrom()) ? a : b);
            }
        }
        latest.values().stream().filter(s -> figures.stream().noneMatch(f -> f.standard().equals(s.code())))
                .forEach(s -> figures.add(new PublicResults.StandardFigure(s.code(), s.effectiveFrom(), s.promiseEn(), s.promiseCy(),
                        s.measure(), s.limit(), s.unit(), s.targetShare(), false, 0L, 0L, null, null, null, null)));
        return figures;
    }

    private List<PublicResults.PeerFigure> peers(String council, ReportingPeriod period) {
        FunnelReport report = funnel.funnel(InProcess.slice(council, period.from(), period.to()));
        List<PublicResults.PeerFigure> figures = new ArrayList<>();
        for (FunnelReport.Group g : report.peerGroups()) {
            FunnelReport.CouncilPoint own = g.councils().stream().filter(FunnelReport.CouncilPoint::you).findFirst().orElse(null);
            boolean suppressed = own == null || own.n() < minimumN;
            figures.add(new PublicResults.PeerFigure(g.code(), g.description(), g.councils().size(), g.peerValue(), suppressed,
                    suppressed ? null : own.n(), suppressed ? null : own.proportion(), suppressed ? null : own.position95()));
        }
        return figures;
    }

    private PublicResults.Methodology methodology(String council, ReportingPeriod period, List<PublicResults.SatisfactionFigure> services,
                                                  List<PublicResults.SatisfactionFigure> channels) {
        CaptureRepository.Capture c = capture.capture(council, period.from(), period.to());
        double[] margins = services.stream().filter(f -> f.marginOfError() != null).mapToDouble(PublicResults.SatisfactionFigure::marginOfError)
                .sorted().toArray();
        Double median = margins.length == 0 ? null : margins.length % 2 == 1 ? margins[margins.length / 2]
                : (margins[margins.length / 2 - 1] + margins[margins.length / 2]) / 2;
        return new PublicResults.Methodology(c.ratings(), channels, median, margins.length == 0 ? null : margins[0],
                margins.length == 0 ? null : margins[margins.length - 1], c.agentEntered(),
                c.ratings() == 0 ? null : (double) c.agentEntered() / c.ratings(), "wilson", 0.95, minimumN,
                services.stream().filter(PublicResults.SatisfactionFigure::suppressed).count());
    }

    private static uk.civicpulse.analytics.satisfaction.Slice slice(String council, ReportingPeriod period, String by) {
        return SliceParameters.parse(council, period.from().toString(), period.to().toString(), null, null, by, null, new HashMap<>(), null);
    }

    /** Percent satisfied, 95% Wilson, without the finite population correction, so the interval is the one the target status is judged on. */
    static FigureOptions options() {
        return FigureOptions.parse(null, null, null, "off", null, null, 5);
    }
}
