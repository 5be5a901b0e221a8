package uk.civicpulse.survey.contacts;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * How much one {@code POST /api/v1/contacts/batch} may carry; more is refused with 413 naming the limit. The server's
 * {@code micronaut.server.max-request-size} (2 MB) still caps every body, whatever {@code maxBatchBytes} says.
 *
 * @param maxBatch      the most contacts in one batch
 * @param maxBatchBytes the largest batch body, in bytes
 */
@ConfigurationProperties("civic-pulse.contacts")
public record ContactLimits(int maxBatch, long maxBatchBytes) {
}
