package uk.civicpulse.survey.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ClientKeysTest {

    /** A clock the test moves on. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-11-23T23:59:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theSameClientAtTheSameTouchpointHasOneKeyForTheDayThatRevealsNoAddress() {
        ClientKeys keys = new ClientKeys(new MovingClock());
        String key = keys.key("203.0.113.7", "northmoor", "/bins");
        assertEquals(key, keys.key("203.0.113.7", "northmoor", "/bins"));
        assertNotEquals(key, keys.key("203.0.113.8", "northmoor", "/bins"));
        assertNotEquals(key, keys.key("203.0.113.7", "northmoor", "/parking"));
        assertNotEquals(key, keys.key("203.0.113.7", "eastbrook", "/bins"));
        assertFalse(key.contains("203.0.113.7"));
        // 32 bytes of HMAC-SHA256, base64url without padding.
        assertEquals(43, key.length());
    }

    @Test
    void theSaltIsRandomPerProcessAndRotatesAtMidnightUtc() {
        MovingClock clock = new MovingClock();
        ClientKeys keys = new ClientKeys(clock);
        String beforeMidnight = keys.key("203.0.113.7", "northmoor", "/bins");
        assertNotEquals(beforeMidnight, new ClientKeys(clock).key("203.0.113.7", "northmoor", "/bins"));
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertNotEquals(beforeMidnight, keys.key("203.0.113.7", "northmoor", "/bins"));
        assertEquals("2026-11-24", keys.saltDay().toString());
    }
}
