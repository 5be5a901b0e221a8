package uk.civicpulse.survey.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Token buckets (Bucket4j) that stop one client stuffing the ballot at one touchpoint. Web and phone posts are keyed
 * on a salted hash of the client address with the council and touchpoint ({@link ClientKeys}); kiosk posts (channel
 * face_to_face) on the council and kiosk touchpoint alone, with their own, larger limit. Buckets live in a bounded
 * Caffeine cache and are forgotten when idle, and all of them when the salt rotates.
 */
@Singleton
public class RatingRateLimiter {

    private final RateLimitSettings settings;
    private final ClientKeys keys;
    private final Cache<String, Bucket> buckets;
    private volatile LocalDate bucketsDay;

    public RatingRateLimiter(RateLimitSettings settings, ClientKeys keys) {
        this.settings = settings;
        this.keys = keys;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(settings.idleExpiry())
                .maximumSize(settings.maxBuckets())
                // Upkeep (access order, expiry, eviction) on the calling thread rather than handed to the common pool.
                .executor(Runnable::run)
                .build();
        this.bucketsDay = keys.saltDay();
    }

    /**
     * Takes one rating from the right bucket: empty when the rating may go on, else how long until one more would
     * be taken. Takes nothing for a missing council or touchpoint: validation refuses those anyway.
     */
    public Optional<Duration> tryTake(HttpRequest<?> request, String channel, String council, String touchpoint) {
        if (!settings.enabled() || council == null || touchpoint == null) {
            return Optional.empty();
        }
        LocalDate day = keys.saltDay();
        if (!day.equals(bucketsDay)) {
            buckets.invalidateAll();
            bucketsDay = day;
        }
        boolean kiosk = "face_to_face".equals(channel);
        String key = kiosk ? "kiosk\u0000" + council + "\u0000" + touchpoint
                : "client\u0000" + keys.key(clientAddress(request), council, touchpoint);
        RateLimitSettings.Limit limit = kiosk ? settings.kiosk() : settings.web();
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(l -> l.capacity(limit.capacity()).refillGreedy(limit.refillTokens(), limit.refillPeriod()))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private String clientAddress(HttpRequest<?> request) {
        if (settings.clientAddressHeader() != null && !settings.clientAddressHeader().isBlank()) {
            String forwarded = request.getHeaders().get(settings.clientAddressHeader());
            if (forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                return hops[hops.length - 1].trim();
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }

    /** How many buckets are held now (for tests and metrics). */
    public long bucketCount() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }
}
