package uk.civicpulse.analytics.alerts;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.civicpulse.analytics.councils.CouncilRepository;
import uk.civicpulse.analytics.satisfaction.SliceQuery;
import uk.civicpulse.analytics.targets.TargetStatusReport;
import uk.civicpulse.analytics.targets.TargetStatusService;
import uk.civicpulse.analytics.timeliness.DateRange;
import uk.civicpulse.analytics.timeliness.Period;
import uk.civicpulse.analytics.timeliness.TimelinessReport;
import uk.civicpulse.analytics.timeliness.TimelinessRow;
import uk.civicpulse.analytics.timeliness.TimelinessService;
import uk.civicpulse.analytics.trends.PeriodCounts;
import uk.civicpulse.analytics.trends.SatisfiedCounts;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Looks at every council's figures and raises an alert, once, for each new breach: a dip or an improvement (a Making
 * Data Count rule broken on the low or the high side of a service and channel's monthly p-chart; {@link DipRules}), a
 * target newly missed, a timeliness standard newly missed. The figures come from the same code the officer API uses (the control chart's {@code PChart}, the
 * targets' status, the timeliness report), so an alert always matches what the dashboard shows. Each new alert is
 * emailed to the council's recipients ({@link AlertMailer}, which also retries earlier failed sends). Run by {@link AlertSchedule}, and directly by tests.
 */
@Singleton
public class AlertEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(AlertEvaluator.class);
    private static final ZoneId COUNCIL_TIME = ZoneId.of("Europe/London");

    private final CouncilRepository councils;
    private final SatisfiedCounts counts;
    private final TargetStatusService targets;
    private final TimelinessService timeliness;
    private final AlertRepository alerts;
    private final AlertMailer mailer;
    private final AlertSettings settings;
    private final Clock clock = Clock.system(COUNCIL_TIME);

    public AlertEvaluator(CouncilRepository councils, SatisfiedCounts counts, TargetStatusService targets,
                          TimelinessService timeliness, AlertRepository alerts, AlertMailer mailer, AlertSettings settings) {
        this.councils = councils;
        this.counts = counts;
        this.targets = targets;
        this.timeliness = timeliness;
        this.alerts = alerts;
        this.mailer = mailer;
        this.settings = settings;
    }

    /** Evaluates every council as of today; returns the alerts newly raised (each already emailed if it could be). */
    public List<Alert> evaluate() {
        return evaluate(LocalDate.now(clock));
    }

    public List<Alert> evaluate(LocalDate today) {
        List<Alert> raised = new ArrayList<>();
        for (CouncilRepository.Council council : councils.councils()) {
            // one council's failure must not keep the others' alerts from being raised
            raised.addAll(safely(council.code(), "dips", () -> dips(council.code(), today)));
            raised.addAll(safely(council.code(), "targets", () -> targets(council.code(), today)));
            raised.addAll(safely(council.code(), "timeliness", () -> standards(council.code(), today)));
        }
        mailer.deliverDue();
        if (!raised.isEmpty()) {
            LOG.info("Raised {} alert(s)", raised.size());
        }
        return raised;
    }

    private List<Alert> safely(String council, String what, java.util.function.Supplier<List<Alert>> evaluation) {
        try {
            return evaluation.get();
        } catch (RuntimeException e) {
            LOG.error("Could not evaluate {} alerts for {}; the other councils carry on", what, council, e);
            return List.of();
        }
    }

    private List<Alert> dips(String council, LocalDate today) {
        LocalDate from = today.withDayOfMonth(1).minusMonths(settings.chartMonths() - 1L);
        List<Alert> raised = new ArrayList<>();
        Map<SatisfiedCounts.Cell, PeriodCounts> cells = counts.byServiceAndChannel(query(council, from, today, null, null));
        for (SatisfiedCounts.Cell cell : cells.keySet()) {
            List<PeriodCounts> series = counts.series(query(council, from, today, cell.service(), cell.channel()), "month");
            for (Alert.Candidate candidate : DipRules.candidates(council, cell.service(), cell.channel(), series,
                    settings.baselineMonths(), settings.recentMonths())) {
                alerts.raise(candidate).ifPresent(raised::add);
            }
        }
        return raised;
    }

    private List<Alert> targets(String council, LocalDate today) {
        LocalDate from = today.minusDays(settings.statusDays() - 1L);
        TargetStatusReport report = targets.status(query(council, from, today, null, null));
        List<Alert> raised = new ArrayList<>();
        for (TargetStatusReport.Row row : report.rows()) {
            if (row.target() == null) {
                continue;
            }
            String summary = String.format(Locale.UK, "%s satisfied (95%% interval %s to %s, n = %d) is below the target of %s",
                    AlertText.percent(row.proportion()), AlertText.percent(row.lower()), AlertText.percent(row.upper()), row.n(),
                    AlertText.percent(row.target()));
            Alert.Candidate ifMissed = new Alert.Candidate(String.join("|", Alert.TARGET_MISSED, council, row.service(), row.channel()),
                    council, Alert.TARGET_MISSED, row.service(), row.channel(), "target " + AlertText.percent(row.target()),
                    from, today, row.proportion(), row.lower(), row.upper(), row.n(), row.target(), summary);
            alerts.observe(row.service() + "|" + row.channel(), row.status(), ifMissed).ifPresent(raised::add);
        }
        return raised;
    }

    private List<Alert> standards(String council, LocalDate today) {
        LocalDate from = today.minusDays(settings.statusDays() - 1L);
        TimelinessReport report = timeliness.report(council, DateRange.of(from, today), true, true, Period.NONE);
        List<Alert> raised = new ArrayList<>();
        for (TimelinessRow row : report.rows()) {
            String service = row.group().get("service");
            String channel = row.group().get("channel");
            String subject = String.join("|", row.standard(), String.valueOf(service), String.valueOf(channel));
            String summary = String.format(Locale.UK, "%s of contacts within the standard \"%s\" (95%% interval %s to %s, n = %d); the target is %s",
                    AlertText.percent(row.withinStandard().proportion()), row.promiseEn(), AlertText.percent(row.withinStandard().lower()),
                    AlertText.percent(row.withinStandard().upper()), row.withinStandard().n(), AlertText.percent(row.targetShare()));
            Alert.Candidate ifMissed = new Alert.Candidate(String.join("|", Alert.STANDARD_MISSED, council, subject), council,
                    Alert.STANDARD_MISSED, service, channel, row.standard(), from, today, row.withinStandard().proportion(),
                    row.withinStandard().lower(), row.withinStandard().upper(), row.withinStandard().n(), row.targetShare(), summary);
            String status = Optional.ofNullable(row.status()).orElse("no_contacts");
            alerts.observe(subject, status, ifMissed).ifPresent(raised::add);
        }
        return raised;
    }

    private static SliceQuery query(String council, LocalDate from, LocalDate to, String service, String channel) {
        return new SliceQuery(council, from.toString(), to.toString(), service, channel, null, null, null, HttpRequest.GET("/"));
    }
}
