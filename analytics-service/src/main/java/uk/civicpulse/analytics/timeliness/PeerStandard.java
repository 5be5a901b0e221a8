package uk.civicpulse.analytics.timeliness;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Every member of one peer group on the share within one standard (same code) over a range: aggregates only. */
@Serdeable
public record PeerStandard(String peerGroup, String description, String standard, List<PeerPoint> points) {

    /** One peer's share within the standard. */
    @Serdeable
    public record PeerPoint(String council, long n, long within, @Nullable Double share, @Nullable Double lower,
                            @Nullable Double upper, @Nullable String label) {
    }
}
