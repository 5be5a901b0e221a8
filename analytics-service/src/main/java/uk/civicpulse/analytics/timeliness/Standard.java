package uk.civicpulse.analytics.timeliness;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of a council's timeliness standard (CSE 5.1.1): contacts of a type (and optionally of one channel and
 * one service) should have a first response, or be resolved, within a limit, for at least the target share of them.
 * A version is in force from its {@code effectiveFrom} day until the next version of the same code; a contact is
 * judged by the version in force on the day it was received.
 *
 * @param code          the standard's code within the council, e.g. "phone-answer"
 * @param effectiveFrom the first day (Europe/London) this version applies to
 * @param service       only this service's contacts, or null for every service
 * @param channel       only contacts on this channel, or null for every channel
 * @param contactType   the contacts it covers, e.g. "call", "complaint", "missed_bin"
 * @param measure       first_response or resolution
 * @param limit         how long, in {@code unit}
 * @param unit          seconds, minutes, hours (elapsed time) or working_days
 * @param targetShare   the share of contacts that should be within the limit, e.g. 0.9
 * @param promiseEn     the promise as residents read it, in English (CSE 5.2.1)
 * @param promiseCy     the same promise in Welsh
 * @param createdBy     who recorded this version
 * @param createdAt     when
 */
@Serdeable
public record Standard(String code, LocalDate effectiveFrom, @Nullable String service, @Nullable String channel,
                       String contactType, String measure, int limit, String unit, double targetShare,
                       String promiseEn, String promiseCy, @Nullable String createdBy, @Nullable Instant createdAt) {

    public Measure measureValue() {
        return Measure.fromCode(measure).orElseThrow();
    }

    public LimitUnit unitValue() {
        return LimitUnit.fromCode(unit).orElseThrow();
    }

    /** Whether the standard covers a contact of this service, channel and type. */
    public boolean covers(String contactService, String contactChannel, String contactContactType) {
        return contactType.equals(contactContactType)
                && (service == null || service.equals(contactService))
                && (channel == null || channel.equals(contactChannel));
    }
}
