package uk.civicpulse.analytics.targets;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A council's target for the proportion satisfied with one service on one channel ("all": every channel without
 * a target of its own).
 *
 * @param target    a proportion from 0 to 1, e.g. 0.95 for 95% satisfied
 * @param updatedBy who last set it
 */
@Serdeable
public record Target(String council, String service, String channel, double target, String updatedBy, Instant updatedAt) {

    public static final String ALL_CHANNELS = "all";
}
