package uk.civicpulse.survey.kiosk;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * @param minimumInterval the least time between two counted presses on one kiosk (a child tapping ten times counts once)
 * @param thanks          how long the thank-you shows before the kiosk is back at the start
 */
@ConfigurationProperties("civic-pulse.kiosk")
public record KioskSettings(Duration minimumInterval, Duration thanks) {
}
