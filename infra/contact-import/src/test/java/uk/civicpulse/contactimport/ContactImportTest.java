package uk.civicpulse.contactimport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.civicpulse.events.ContactChannel;
import uk.civicpulse.events.ContactHandled;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContactImportTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private Importer importer(Properties mapping, boolean terminal) {
        return new Importer(mapping, ZoneId.of("Europe/London"), "westshire",
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), terminal);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void importsValidRowsAndReportsEveryRejectedRowWithItsLineNumberAndReason() throws Exception {
        Path csv = write("export.csv", """
                id,service,channel,contact_type,received_at,first_response_at,resolved_at,fcr
                c1,Council Tax,Telephone,call,2026-03-02T10:00:00Z,2026-03-02T10:00:45Z,,yes
                c2,waste,email,email,02/07/2026 09:30,03/07/2026 14:00,,
                c3,waste,fax,email,2026-03-02 09:30,,,
                "c4","planning","web form","web_form","31/02/2026 10:00",,,
                c5,waste,letter,letter,2026-03-05,2026-03-04,,
                c6,"Waste
                Collections",letter,letter,2026-03-05,,,maybe
                c7,waste,letter
                c8,waste,post,letter,2026-03-05,2026-03-10,2026-03-11 16:00,no
                """);
        Importer.CollectingSink sink = new Importer.CollectingSink();
        Path rejects = dir.resolve("rejects.csv");
        Importer.Summary summary = importer(new Properties(), false).run(csv, rejects, sink);

        assertEquals(8, summary.rows()); // lines 2-10: c6's quoted service spans lines 7 and 8
        assertEquals(3, summary.sent());
        assertEquals(5, summary.rejected());
        assertFalse(summary.clean());
        assertEquals(List.of("c1", "c2", "c8"), sink.contacts.stream().map(ContactHandled::sourceId).toList());
        ContactHandled c1 = sink.contacts.get(0);
        assertEquals("council-tax", c1.service());
        assertEquals(ContactChannel.PHONE, c1.channel());
        assertEquals(Boolean.TRUE, c1.resolvedAtFirstContact());
        // UK day-first, in British Summer Time: 2 July 09:30 BST is 08:30 UTC
        assertEquals(Instant.parse("2026-07-02T08:30:00Z"), sink.contacts.get(1).receivedAt());
        assertNull(sink.contacts.get(1).resolvedAtFirstContact());
        assertEquals(ContactChannel.LETTER, sink.contacts.get(2).channel());

        String reported = errors();
        assertTrue(reported.contains("line 4: channel: 'fax' is not a known channel"), reported);
        assertTrue(reported.contains("line 5: receivedAt: '31/02/2026 10:00' is not a date-time"), reported);
        assertTrue(reported.contains("line 6: firstResponseAt: must not be before receivedAt"), reported);
        assertTrue(reported.contains("line 7: resolvedAtFirstContact: 'maybe'"), reported);
        assertTrue(reported.contains("line 9: has 3 fields where the header has 8"), reported);
        List<String> rejectLines = Files.readAllLines(rejects);
        assertTrue(rejectLines.get(0).startsWith("line,reason,id,service"), rejectLines.get(0));
        assertTrue(rejectLines.get(1).startsWith("4,\"channel: 'fax' is not a known channel"), rejectLines.get(1));
        assertEquals(5, rejectLines.stream().filter(l -> l.matches("^\\d+,.*")).count());
    }

    @Test
    void derivesTheSameIdsWhenTheSameFileIsImportedAgain() throws Exception {
        String content = """
                Service,Channel,Type,Date Received,Answered
                waste,phone,call,2026-03-02 10:00:00,2026-03-02 10:01:00
                waste,phone,call,2026-03-02 10:05:00,2026-03-02 10:05:30
                """;
        Path csv = write("calls-march.csv", content);
        Importer.CollectingSink first = new Importer.CollectingSink();
        importer(new Properties(), false).run(csv, dir.resolve("r1.csv"), first);
        Importer.CollectingSink second = new Importer.CollectingSink();
        importer(new Properties(), false).run(csv, dir.resolve("r2.csv"), second);
        assertEquals(first.contacts, second.contacts);
        assertNotEquals(first.contacts.get(0).sourceId(), first.contacts.get(1).sourceId());
        assertTrue(first.contacts.get(0).sourceId().matches("row-[0-9a-f]{32}"));
        assertTrue(errors().contains("No id column"), errors());
    }

    @Test
    void followsAMappingFileForColumnsAndChannelNames() throws Exception {
        Path csv = write("crm.csv", """
                Case Ref,Dept,How,Kind,Logged,Replied
                X-1,Housing,Walk-in Centre,personal_caller,05/03/2026 11:00,05/03/2026 11:12
                """);
        Properties mapping = new Properties();
        mapping.setProperty("sourceId", "Case Ref");
        mapping.setProperty("service", "Dept");
        mapping.setProperty("channel", "How");
        mapping.setProperty("contactType", "Kind");
        mapping.setProperty("receivedAt", "Logged");
        mapping.setProperty("firstResponseAt", "Replied");
        mapping.setProperty("channel.Walk-in Centre", "face_to_face");
        Importer.CollectingSink sink = new Importer.CollectingSink();
        Importer.Summary summary = importer(mapping, false).run(csv, dir.resolve("r.csv"), sink);
        assertTrue(summary.clean(), errors());
        ContactHandled c = sink.contacts.get(0);
        assertEquals("X-1", c.sourceId());
        assertEquals("housing", c.service());
        assertEquals(ContactChannel.FACE_TO_FACE, c.channel());
        assertEquals(Instant.parse("2026-03-05T11:12:00Z"), c.firstResponseAt());
    }

    @Test
    void refusesAHeaderWithoutTheColumnsEveryRowNeedsAndExitsWith2() throws Exception {
        Path csv = write("bad.csv", "id,service\nc1,waste\n");
        int code = ContactImport.run(new String[]{"--council", "westshire", "--check", csv.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        assertEquals(2, code);
        assertTrue(errors().contains("Nothing imported: the header row has no column for channel"), errors());
    }

    @Test
    void exitsWith1WhenAnyRowIsRejectedAnd0WhenNone() throws Exception {
        Path good = write("good.csv", "id,service,channel,type,received\nc1,waste,phone,call,2026-03-02T10:00:00Z\n");
        Path bad = write("bad.csv", "id,service,channel,type,received\nc1,waste,phone,call,yesterday\n");
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(0, ContactImport.run(new String[]{"--council", "westshire", "--check", good.toString()}, o, e, false));
        assertEquals(1, ContactImport.run(new String[]{"--council", "westshire", "--check", bad.toString()}, o, e, false));
        assertTrue(Files.exists(Path.of(bad + ".rejects.csv")));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("1 rows read"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void drawsAProgressBar() throws Exception {
        StringBuilder rows = new StringBuilder("id,service,channel,type,received\n");
        for (int i = 0; i < 5000; i++) {
            rows.append("c").append(i).append(",waste,phone,call,2026-03-02T10:00:00Z\n");
        }
        Path csv = write("many.csv", rows.toString());
        importer(new Properties(), false).run(csv, dir.resolve("r.csv"), new Importer.CollectingSink());
        String progress = out.toString(StandardCharsets.UTF_8);
        assertTrue(progress.contains("[##############################] 100%  5,000 rows"), progress);
        assertTrue(progress.lines().filter(l -> l.startsWith("[")).count() >= 2, progress);
        assertEquals("[###############---------------]  50%  10 rows  5 rows/s  1 rejected", ProgressBar.line(0.5, 10, 2.0, 1));
    }
}
