package uk.civicpulse.analytics.timeliness;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import uk.civicpulse.events.ContactHandled;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps one row per contact (council, source id), in one transaction per batch. Upsert semantics: a later event for
 * the same contact replaces its service, channel and type, and replaces each time it carries (received, first
 * response, resolved, resolved at first contact); a time it leaves out (null) keeps the stored one. So a CRM may send
 * a contact when it arrives and again when it is resolved, and a redelivered or re-imported event changes nothing.
 */
@Singleton
public class ContactStore {

    static final String UPSERT = """
            WITH incoming AS (
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::date[],
                                     ?::timestamptz[], ?::timestamptz[], ?::boolean[])
                    AS c(council, source_id, service, channel, contact_type, received_at, received_on,
                         first_response_at, resolved_at, resolved_at_first_contact)
            ), new_councils AS (
                INSERT INTO council (code) SELECT DISTINCT council FROM incoming ORDER BY council ON CONFLICT (code) DO NOTHING
            ), upserted AS (
                INSERT INTO contact AS t (council, source_id, service, channel, contact_type, received_at, received_on,
                                          first_response_at, resolved_at, resolved_at_first_contact)
                SELECT * FROM incoming ORDER BY council, source_id
                ON CONFLICT (council, source_id) DO UPDATE SET
                    service = EXCLUDED.service,
                    channel = EXCLUDED.channel,
                    contact_type = EXCLUDED.contact_type,
                    received_at = EXCLUDED.received_at,
                    received_on = EXCLUDED.received_on,
                    first_response_at = COALESCE(EXCLUDED.first_response_at, t.first_response_at),
                    resolved_at = COALESCE(EXCLUDED.resolved_at, t.resolved_at),
                    resolved_at_first_contact = COALESCE(EXCLUDED.resolved_at_first_contact, t.resolved_at_first_contact),
                    updated_at = now()
                -- a re-sent or re-imported contact that changes nothing writes nothing
                WHERE (t.service, t.channel, t.contact_type, t.received_at) IS DISTINCT FROM
                      (EXCLUDED.service, EXCLUDED.channel, EXCLUDED.contact_type, EXCLUDED.received_at)
                   OR (EXCLUDED.first_response_at IS NOT NULL AND EXCLUDED.first_response_at IS DISTINCT FROM t.first_response_at)
                   OR (EXCLUDED.resolved_at IS NOT NULL AND EXCLUDED.resolved_at IS DISTINCT FROM t.resolved_at)
                   OR (EXCLUDED.resolved_at_first_contact IS NOT NULL
                       AND EXCLUDED.resolved_at_first_contact IS DISTINCT FROM t.resolved_at_first_contact)
                RETURNING (xmax = 0) AS inserted
            )
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM upserted
            """;

    private final DataSource dataSource;

    public ContactStore(DataSource dataSource) {
        // The plain pool: the consumer owns its transaction and commits offsets after the database.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** @param added contacts new to the store; @param updated contacts seen before that this batch changed */
    public record BatchResult(int added, int updated) {
    }

    /** @throws SQLException when the database refused or could not be reached; nothing of the batch is stored */
    public BatchResult apply(Collection<ContactHandled> batch) throws SQLException {
        if (batch.isEmpty()) {
            return new BatchResult(0, 0);
        }
        List<ContactHandled> contacts = mergeByContact(batch);
        int size = contacts.size();
        Object[][] columns = new Object[10][size];
        for (int i = 0; i < size; i++) {
            ContactHandled c = contacts.get(i);
            columns[0][i] = c.council();
            columns[1][i] = c.sourceId();
            columns[2][i] = c.service();
            columns[3][i] = c.channel().code();
            columns[4][i] = c.contactType();
            columns[5][i] = Timestamp.from(c.receivedAt());
            columns[6][i] = Date.valueOf(LocalDate.ofInstant(c.receivedAt(), Judgement.COUNCIL_TIME));
            columns[7][i] = c.firstResponseAt() == null ? null : Timestamp.from(c.firstResponseAt());
            columns[8][i] = c.resolvedAt() == null ? null : Timestamp.from(c.resolvedAt());
            columns[9][i] = c.resolvedAtFirstContact();
        }
        String[] types = {"text", "text", "text", "text", "text", "timestamptz", "date", "timestamptz", "timestamptz", "bool"};
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement st = c.prepareStatement(UPSERT)) {
                for (int col = 0; col < columns.length; col++) {
                    st.setArray(col + 1, c.createArrayOf(types[col], columns[col]));
                }
                BatchResult result;
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    result = new BatchResult(rs.getInt(1), rs.getInt(2));
                }
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * One statement may touch a row once, so events for the same contact within a batch are merged first, in their
     * order, by the same rule the upsert applies across batches.
     */
    static List<ContactHandled> mergeByContact(Collection<ContactHandled> batch) {
        Map<String, ContactHandled> merged = new LinkedHashMap<>();
        for (ContactHandled next : batch) {
            merged.merge(next.council() + '\u0000' + next.sourceId(), next, (before, after) -> new ContactHandled(
                    after.sourceId(), after.council(), after.service(), after.channel(), after.contactType(),
                    after.receivedAt(),
                    after.firstResponseAt() != null ? after.firstResponseAt() : before.firstResponseAt(),
                    after.resolvedAt() != null ? after.resolvedAt() : before.resolvedAt(),
                    after.resolvedAtFirstContact() != null ? after.resolvedAtFirstContact() : before.resolvedAtFirstContact(),
                    after.schemaVersion()));
        }
        return List.copyOf(merged.values());
    }
}
