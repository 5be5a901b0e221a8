package uk.civicpulse.survey.contacts;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Per-council integration keys for the contacts API. Machines, not people, send contacts, so a key per council (sent as
 * {@code Authorization: Bearer <key>}) fits better than an officer login: it can be given to a CRM, revoked alone,
 * and can only ever send contacts for its own council. Keys are stored as SHA-256 (they are long random strings, so
 * a plain hash is enough).
 */
@Singleton
public class IntegrationKeys {

    private final DataSource dataSource;

    public IntegrationKeys(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** @throws HttpStatusException 401 without a valid key */
    public String councilFor(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() <= 7) {
            throw new HttpStatusException(HttpStatus.UNAUTHORIZED, "send the council's integration key as 'Authorization: Bearer <key>'");
        }
        return lookup(sha256(authorization.substring(7).strip()))
                .orElseThrow(() -> new HttpStatusException(HttpStatus.UNAUTHORIZED, "the integration key is not known or has been revoked"));
    }

    /** @throws HttpStatusException 403 when the contact is for another council than the key's */
    public static void requireSameCouncil(String keyCouncil, String council) {
        if (council != null && !council.equals(keyCouncil)) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "this integration key sends contacts for '" + keyCouncil + "' only");
        }
    }

    private Optional<String> lookup(String hash) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT council FROM integration_key WHERE key_sha256 = ? AND revoked_at IS NULL")) {
            st.setString(1, hash);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
