package uk.civicpulse.analytics.pages;

import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The anti-forgery token of a signed-in officer: an HMAC-SHA256 of their sign-in cookie under a key derived from the
 * token-signing secret. Every instance shares that secret, so any instance accepts a form another one served; a new
 * sign-in gives a new cookie and so a new token; another site can read neither the cookie nor the secret.
 */
@Singleton
public class CsrfTokens {

    private final SecretKeySpec key;

    CsrfTokens(@Named("generator") SecretSignatureConfiguration signing) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(signing.getSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
                "civic-pulse pages csrf v1"), "HmacSHA256");
    }

    public String tokenFor(String signInCookie) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, signInCookie));
    }

    public boolean matches(String signInCookie, String token) {
        return token != null && MessageDigest.isEqual(tokenFor(signInCookie).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(SecretKeySpec key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
