package uk.civicpulse.launcher;

import org.junit.jupiter.api.Test;
import uk.civicpulse.events.ContactHandled;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoContactsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void everyDemoContactKeepsTheContractAndHasItsOwnFixedId() {
        List<ContactHandled> contacts = DemoContacts.contacts("northmoor", List.of("waste", "council_tax", "housing"), TODAY, 365);
        assertTrue(contacts.size() > 5_000 && contacts.size() < 20_000, "a modest year: " + contacts.size());
        Set<String> ids = new HashSet<>();
        for (ContactHandled c : contacts) {
            assertEquals(List.of(), c.contractErrors(), c.sourceId());
            assertTrue(ids.add(c.sourceId()), "duplicate id " + c.sourceId());
        }
        assertEquals(contacts, DemoContacts.contacts("northmoor", List.of("waste", "council_tax", "housing"), TODAY, 365));
    }

    @Test
    void missedBinsOnlyWhereTheCouncilCollectsWaste() {
        assertTrue(DemoContacts.contacts("westshire", List.of("highways", "libraries"), TODAY, 60).stream()
                .noneMatch(c -> c.contactType().equals("missed_bin")));
        assertTrue(DemoContacts.contacts("northmoor", List.of("waste"), TODAY, 60).stream()
                .anyMatch(c -> c.contactType().equals("missed_bin")));
    }
}
