package uk.civicpulse.analytics.timeliness;

import org.junit.jupiter.api.Test;
import uk.civicpulse.events.ContactChannel;
import uk.civicpulse.events.ContactHandled;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContactMergeTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-02T10:00:00Z");

    private static ContactHandled event(String id, Instant first, Instant resolved, Boolean fcr) {
        return new ContactHandled(id, "westshire", "waste", ContactChannel.EMAIL, "email", RECEIVED, first, resolved, fcr, 1);
    }

    @Test
    void laterEventsForTheSameContactKeepEarlierTimesTheyLeaveOut() {
        Instant first = RECEIVED.plusSeconds(3600);
        Instant resolved = RECEIVED.plusSeconds(86_400);
        List<ContactHandled> merged = ContactStore.mergeByContact(List.of(
                event("a", first, null, null),
                event("b", null, null, null),
                event("a", null, resolved, false)));
        assertEquals(List.of(event("a", first, resolved, false), event("b", null, null, null)), merged);
    }

    @Test
    void aLaterTimeReplacesAnEarlierOne() {
        Instant early = RECEIVED.plusSeconds(60);
        Instant late = RECEIVED.plusSeconds(120);
        assertEquals(List.of(event("a", late, null, true)),
                ContactStore.mergeByContact(List.of(event("a", early, null, true), event("a", late, null, null))));
    }
}
