package uk.civicpulse.analytics;

import io.micronaut.runtime.Micronaut;

public final class AnalyticsApplication {

    private AnalyticsApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(AnalyticsApplication.class, args);
    }
}
