package uk.civicpulse.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContactHandledJsonTest {

    private static final ContactHandled EXAMPLE = new ContactHandled("CRM-2026-004211", "cardiff-demo", "waste",
            ContactChannel.WEB_FORM, "missed_bin", Instant.parse("2026-11-20T09:15:00Z"),
            Instant.parse("2026-11-20T11:02:30Z"), Instant.parse("2026-11-23T14:00:00Z"), false, 1);

    private static byte[] golden(String name) throws IOException {
        try (InputStream in = ContactHandledJsonTest.class.getResourceAsStream("/golden/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void serialisesToTheGoldenVersion1Json() throws IOException {
        ObjectMapper plain = new ObjectMapper();
        assertEquals(plain.readTree(golden("contact-handled-v1.json")), plain.readTree(EventCodec.encode(EXAMPLE)));
    }

    @Test
    void deserialisesTheGoldenVersion1Json() throws IOException {
        assertEquals(EXAMPLE, EventCodec.decode(golden("contact-handled-v1.json"), ContactHandled.class));
    }

    @Test
    void aContactNotYetAnsweredLeavesTheLaterTimesOut() throws IOException {
        ContactHandled minimal = EventCodec.decode(golden("contact-handled-v1-minimal.json"), ContactHandled.class);
        assertEquals(ContactChannel.PHONE, minimal.channel());
        assertNull(minimal.firstResponseAt());
        assertNull(minimal.resolvedAt());
        assertNull(minimal.resolvedAtFirstContact());
        assertTrue(minimal.contractErrors().isEmpty(), minimal.contractErrors().toString());
    }

    @Test
    void namesEveryFieldTheContractRulesOut() {
        Instant received = Instant.parse("2026-11-20T09:15:00Z");
        ContactHandled bad = new ContactHandled(" ", "Cardiff", "", null, "Call", received,
                received.minusSeconds(1), received.minusSeconds(5), null, 2);
        assertEquals(java.util.List.of("sourceId", "council", "service", "channel", "contactType", "firstResponseAt",
                "resolvedAt", "schemaVersion"), bad.contractErrors().stream().map(FieldError::field).toList());
    }
}
