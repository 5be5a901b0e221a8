package uk.civicpulse.survey.phone;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * How the telephony platform proves a post comes from it: either the header {@value #SIGNATURE_HEADER} carrying
 * {@code sha256=} and the hex HMAC-SHA256 of the raw body under the line's shared secret (preferred: the secret never
 * travels), or the header {@value #SECRET_HEADER} carrying the secret itself (for platforms that can only add a fixed
 * header; needs HTTPS). Both compared in constant time.
 */
public final class IvrSignature {

    public static final String SIGNATURE_HEADER = "X-Civic-Pulse-Signature";
    public static final String SECRET_HEADER = "X-Civic-Pulse-Line-Secret";
    private static final String PREFIX = "sha256=";

    private IvrSignature() {
    }

    /** {@code sha256=<hex>} for the body under the secret: what the platform sends. */
    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    public static boolean verifies(String secret, byte[] body, String signatureHeader, String secretHeader) {
        if (signatureHeader != null) {
            return MessageDigest.isEqual(sign(secret, body).getBytes(StandardCharsets.UTF_8),
                    signatureHeader.trim().toLowerCase().getBytes(StandardCharsets.UTF_8));
        }
        if (secretHeader != null) {
            return MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), secretHeader.getBytes(StandardCharsets.UTF_8));
        }
        return false;
    }
}
