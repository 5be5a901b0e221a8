package uk.civicpulse.analytics.alerts;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Evaluates alerts every {@code civic-pulse.alerts.interval} (default 15 minutes). Several instances may all run
 * it: an alert is stored once, by whichever instance gets there first, and only that one emails it.
 */
@Singleton
@Requires(property = "civic-pulse.alerts.schedule-enabled", notEquals = "false")
class AlertSchedule {

    private final AlertEvaluator evaluator;

    AlertSchedule(AlertEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @Scheduled(fixedDelay = "${civic-pulse.alerts.interval:15m}", initialDelay = "${civic-pulse.alerts.initial-delay:1m}")
    void evaluate() {
        evaluator.evaluate();
    }
}
