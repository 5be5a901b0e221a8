package uk.civicpulse.survey.ratings;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.UUID;

/**
 * Ids of ratings this instance has had acknowledged by the broker recently. A client that resends one (a kiosk whose
 * answer was lost, a retrying import) gets the same 202 again, even if the council's settings have changed since,
 * and nothing is produced twice. Downstream de-duplication by id remains the guarantee across instances and restarts;
 * this only keeps the answer consistent and the topic lean.
 */
@Singleton
public class RecentlyAccepted {

    private final Cache<UUID, Boolean> ids;

    public RecentlyAccepted(@Value("${civic-pulse.ratings.remember-accepted:100000}") long size,
                            @Value("${civic-pulse.ratings.remember-accepted-for:24h}") Duration ttl) {
        this.ids = Caffeine.newBuilder().maximumSize(size).expireAfterWrite(ttl)
                // Evictions on the thread that adds, a little at a time: once full (100,000 ids), every rating evicts
                // one, and handing that to the common pool woke one of its threads for every few ratings.
                .executor(Runnable::run)
                .build();
    }

    public boolean contains(UUID id) {
        return id != null && ids.getIfPresent(id) != null;
    }

    public void add(UUID id) {
        ids.put(id, Boolean.TRUE);
    }
}
