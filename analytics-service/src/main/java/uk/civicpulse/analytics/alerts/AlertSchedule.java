package uk.civicpulse.analytics.alerts;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Evaluates alerts every {@code civic-pulse.alerts.interval} (default 15 minutes), and sends the alert emails due
 * (failed sends tried again, with backoff) every {@code civic-pulse.alerts.delivery-interval} (default 1 minute).
 * Several instances may all run both: an alert is stored once, by whichever instance gets there first, and each
 * email is claimed by one sender at a time and sent until it goes, then never again.
 */
@Singleton
@Requires(property = "civic-pulse.alerts.schedule-enabled", notEquals = "false")
class AlertSchedule {

    private final AlertEvaluator evaluator;

    private final AlertMailer mailer;

    AlertSchedule(AlertEvaluator evaluator, AlertMailer mailer) {
        this.evaluator = evaluator;
        this.mailer = mailer;
    }

    @Scheduled(fixedDelay = "${civic-pulse.alerts.interval:15m}", initialDelay = "${civic-pulse.alerts.initial-delay:1m}")
    void evaluate() {
        evaluator.evaluate();
    }

    @Scheduled(fixedDelay = "${civic-pulse.alerts.delivery-interval:1m}", initialDelay = "${civic-pulse.alerts.initial-delay:1m}")
    void deliver() {
        mailer.deliverDue();
    }
}
