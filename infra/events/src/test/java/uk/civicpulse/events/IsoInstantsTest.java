package uk.civicpulse.events;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The reference is the JDK itself: Instant.toString and Instant.parse. */
class IsoInstantsTest {

    @Test
    void writesEveryInstantAsInstantToStringDoes() {
        SplittableRandom random = new SplittableRandom(20261207);
        long min = Instant.parse("-0001-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("+10001-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 50_000; i++) {
            long seconds = random.nextLong(min, max);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nano);
            assertEquals(instant.toString(), IsoInstants.format(instant));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
            "2026-11-20T09:15:30Z", "2026-11-20T09:15:30.1Z", "2026-11-20T09:15:30.250Z", "2026-11-20T09:15:30.000001Z",
            "2024-02-29T12:00:00Z", "+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z"})
    void writesTheEdgesAsInstantToStringDoes(String text) {
        Instant instant = Instant.parse(text);
        assertEquals(instant.toString(), IsoInstants.format(instant));
    }

    @Test
    void readsWhatItWritesAsInstantParseDoes() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 30_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_799L), random.nextInt(1_000_000_000));
            String text = instant.toString();
            assertEquals(Instant.parse(text), IsoInstants.parse(text));
            // Every fraction length from none to nine digits.
            String shorter = text.substring(0, 19) + (i % 10 == 0 ? "" : "." + String.format("%09d", instant.getNano()).substring(0, i % 10)) + "Z";
            assertEquals(Instant.parse(shorter), IsoInstants.parse(shorter));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-20t09:15:30z", "2026-11-20T09:15Z", "2026-11-20T09:15:30+01:00", "2026-11-20T23:59:60Z",
            "2026-11-20T24:00:00Z", "+12026-11-20T09:15:30Z", "2026-11-20T09:15:30.Z"})
    void leavesTheUnusualFormsToTheJdk(String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeParseException e) {
            assertThrows(DateTimeParseException.class, () -> IsoInstants.parse(text));
            return;
        }
        assertEquals(expected, IsoInstants.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T09:15:30Z", "2026-13-01T09:15:30Z", "2026-11-20T09:60:30Z", "2026-11-20T09:15:3OZ",
            "2026-11-20 09:15:30Z", "2026-11-20T09:15:30.1234567890Z", "2026-11-20T09:15:30", "", "yesterday",
            "2026-11-20T09:15:30.12a4Z", "20261120T091530Z"})
    void refusesWhatInstantParseRefuses(String text) {
        assertThrows(DateTimeParseException.class, () -> Instant.parse(text));
        assertThrows(DateTimeParseException.class, () -> IsoInstants.parse(text));
    }
}
