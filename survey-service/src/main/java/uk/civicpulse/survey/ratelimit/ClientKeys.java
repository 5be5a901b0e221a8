package uk.civicpulse.survey.ratelimit;

import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;

/**
 * Turns a client address into a key that cannot be turned back: HMAC-SHA256 under a random salt that lives only in
 * this process's memory and is replaced every day (UTC). The salt is never stored, logged or sent; the address itself
 * is not kept at all. After a rotation yesterday's keys mean nothing, so the buckets keyed by them are dropped.
 */
@Singleton
public class ClientKeys {

    private static final String ALGORITHM = "HmacSHA256";

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile Salt salt;
    /** Mac.getInstance looks the algorithm up among the providers each time: one Mac per thread, per salt, instead. */
    private final ThreadLocal<SaltedMac> macs = new ThreadLocal<>();

    private record SaltedMac(Salt salt, Mac mac) {
    }

    private record Salt(LocalDate day, SecretKeySpec key) {
    }

    public ClientKeys(Clock clock) {
        this.clock = clock;
        this.salt = newSalt(today());
    }

    /** The key of one client at one touchpoint of one council, for today's salt. */
    public String key(String clientAddress, String council, String touchpoint) {
        Mac mac = mac(currentSalt());
        mac.update(clientAddress.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        mac.update(council.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        // doFinal also resets the Mac for this thread's next key.
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(touchpoint.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac mac(Salt current) {
        SaltedMac held = macs.get();
        if (held == null || held.salt() != current) {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(current.key());
                held = new SaltedMac(current, mac);
                macs.set(held);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
            }
        }
        return held.mac();
    }

    /** The day of the salt in use: when it changes, earlier keys no longer match anything. */
    public LocalDate saltDay() {
        return currentSalt().day();
    }

    private Salt currentSalt() {
        Salt current = salt;
        LocalDate today = today();
        if (!current.day().equals(today)) {
            synchronized (this) {
                if (!salt.day().equals(today)) {
                    salt = newSalt(today);
                }
                current = salt;
            }
        }
        return current;
    }

    private Salt newSalt(LocalDate day) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return new Salt(day, new SecretKeySpec(bytes, ALGORITHM));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
