package uk.civicpulse.analytics.cases;

import jakarta.inject.Singleton;
import uk.civicpulse.events.RatingEnriched;
import uk.civicpulse.events.RatingSubmitted;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Opens a case for each rating at the bottom of its scale (score 1 on every scale: "Poor" on faces-3) that carries a
 * comment, whether the comment came with the rating or in a later enrichment. Called by the rating consumer inside
 * the transaction that stores the batch, so a case exists exactly when its rating does: a redelivered rating opens
 * nothing (unique on the rating id) and a rolled-back batch opens nothing either. Batches with no such rating cost
 * no extra round trip.
 */
@Singleton
public class CaseOpener {

    /** The bottom of every scale: scores run from 1 (worst) up. */
    static final int LOWEST_SCORE = 1;

    private static final String OPEN = """
            WITH opened AS (
                INSERT INTO service_case (council, rating_id, rated_on, service, channel, touchpoint, scale, score, opened_at)
                SELECT r.council, r.id, r.rated_on, r.service, r.channel, r.touchpoint, r.scale, r.score, r.received_at
                FROM unnest(?::uuid[]) AS i(id)
                JOIN rating_receipt rr ON rr.id = i.id
                JOIN rating r ON r.id = rr.id AND r.rated_on = rr.rated_on
                WHERE r.score = 1 AND btrim(coalesce(r.comment, '')) <> ''
                ORDER BY r.id
                ON CONFLICT (rating_id) DO NOTHING
                RETURNING id, opened_at
            ), logged AS (
                INSERT INTO service_case_event (case_id, kind, actor, at) SELECT id, 'opened', 'resident', opened_at FROM opened
            )
            SELECT count(*) FROM opened""";

    /** @return how many cases were opened */
    public int openFor(Connection c, Collection<RatingSubmitted> ratings, Collection<RatingEnriched> enrichments) throws SQLException {
        Set<UUID> candidates = new LinkedHashSet<>();
        for (RatingSubmitted r : ratings) {
            if (r.score() == LOWEST_SCORE && hasText(r.comment())) {
                candidates.add(r.id());
            }
        }
        for (RatingEnriched e : enrichments) {
            if (hasText(e.comment())) {
                candidates.add(e.ratingId());
            }
        }
        if (candidates.isEmpty()) {
            return 0;
        }
        try (PreparedStatement st = c.prepareStatement(OPEN)) {
            st.setArray(1, c.createArrayOf("uuid", candidates.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
