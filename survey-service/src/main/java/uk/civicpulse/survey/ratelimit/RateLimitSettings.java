package uk.civicpulse.survey.ratelimit;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * How many ratings one client may give at one touchpoint (configured under {@code civic-pulse.rate-limit}).
 *
 * <ul>
 *   <li>{@code enabled}: off only to benchmark the bare pipeline;</li>
 *   <li>{@code web}: per client address, council and touchpoint, for every channel but face_to_face;</li>
 *   <li>{@code kiosk}: per council and kiosk touchpoint (channel face_to_face): a kiosk's residents share one
 *       address and the kiosk itself spaces presses, so this only stops a runaway or hijacked device;</li>
 *   <li>{@code idle-expiry}, {@code max-buckets}: buckets untouched this long are forgotten, and at most this many
 *       are kept;</li>
 *   <li>{@code client-address-header}: where a trusted reverse proxy puts the resident's address (its last entry
 *       is used); empty to use the connection's address.</li>
 * </ul>
 */
@Singleton
public class RateLimitSettings {

    /**
     * A token bucket: up to {@code capacity} ratings at once, then {@code refillTokens} more every {@code refillPeriod}.
     */
    public record Limit(long capacity, long refillTokens, Duration refillPeriod) {
    }

    private final boolean enabled;
    private final Limit web;
    private final Limit kiosk;
    private final Duration idleExpiry;
    private final long maxBuckets;
    private final String clientAddressHeader;

    public RateLimitSettings(
            @Value("${civic-pulse.rate-limit.enabled:true}") boolean enabled,
            @Value("${civic-pulse.rate-limit.web.capacity:5}") long webCapacity,
            @Value("${civic-pulse.rate-limit.web.refill-tokens:5}") long webRefillTokens,
            @Value("${civic-pulse.rate-limit.web.refill-period:15m}") Duration webRefillPeriod,
            @Value("${civic-pulse.rate-limit.kiosk.capacity:1000}") long kioskCapacity,
            @Value("${civic-pulse.rate-limit.kiosk.refill-tokens:20}") long kioskRefillTokens,
            @Value("${civic-pulse.rate-limit.kiosk.refill-period:1m}") Duration kioskRefillPeriod,
            @Value("${civic-pulse.rate-limit.idle-expiry:1h}") Duration idleExpiry,
            @Value("${civic-pulse.rate-limit.max-buckets:200000}") long maxBuckets,
            @Value("${civic-pulse.rate-limit.client-address-header:}") String clientAddressHeader) {
        this.enabled = enabled;
        this.web = new Limit(webCapacity, webRefillTokens, webRefillPeriod);
        this.kiosk = new Limit(kioskCapacity, kioskRefillTokens, kioskRefillPeriod);
        this.idleExpiry = idleExpiry;
        this.maxBuckets = maxBuckets;
        this.clientAddressHeader = clientAddressHeader;
    }

    public boolean enabled() {
        return enabled;
    }

    public Limit web() {
        return web;
    }

    public Limit kiosk() {
        return kiosk;
    }

    public Duration idleExpiry() {
        return idleExpiry;
    }

    public long maxBuckets() {
        return maxBuckets;
    }

    public String clientAddressHeader() {
        return clientAddressHeader;
    }
}
