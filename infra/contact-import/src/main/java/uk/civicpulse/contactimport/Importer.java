package uk.civicpulse.contactimport;

import uk.civicpulse.events.ContactHandled;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads one CSV export and sends each valid row to a {@link ContactSink}. Every row ends up counted as sent, rejected
 * (with its line and reasons, on stderr and in the rejects file) or failed (not acknowledged by Kafka, likewise
 * reported): none is dropped silently.
 */
final class Importer {

    /** What one import did. */
    record Summary(long rows, long sent, long rejected, long failed, boolean derivedIds, double seconds) {
        boolean clean() {
            return rejected == 0 && failed == 0;
        }
    }

    /** The export's header lacks a column every row needs, or names a column the mapping asks for that is not there. */
    static final class BadHeaderException extends Exception {
        BadHeaderException(String message) {
            super(message);
        }
    }

    private final ColumnMapping mapping;
    private final ZoneId zone;
    private final String council;
    private final PrintStream progressOut;
    private final PrintStream errors;
    private final boolean terminal;

    Importer(Properties mapping, ZoneId zone, String council, PrintStream progressOut, PrintStream errors, boolean terminal) {
        this.mapping = new ColumnMapping(mapping);
        this.zone = zone;
        this.council = council;
        this.progressOut = progressOut;
        this.errors = errors;
        this.terminal = terminal;
    }

    Summary run(Path file, Path rejectsFile, ContactSink sink) throws IOException, BadHeaderException, InterruptedException {
        long started = System.nanoTime();
        long size = Math.max(1, Files.size(file));
        AtomicLong rejected = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long rows = 0;
        boolean derived;
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8);
             CsvReader csv = new CsvReader(reader);
             BufferedWriter rejects = Files.newBufferedWriter(rejectsFile, StandardCharsets.UTF_8)) {
            CsvReader.Record header = csv.next();
            if (header == null) {
                throw new BadHeaderException("the file is empty: the first line should name the columns");
            }
            Map<String, Integer> columns;
            try {
                columns = mapping.resolve(header.fields());
            } catch (IllegalArgumentException e) {
                throw new BadHeaderException(e.getMessage());
            }
            List<String> missing = new ArrayList<>();
            for (String required : List.of(ColumnMapping.SERVICE, ColumnMapping.CHANNEL, ColumnMapping.CONTACT_TYPE, ColumnMapping.RECEIVED_AT)) {
                if (!columns.containsKey(required)) {
                    missing.add(required + " (e.g. " + ColumnMapping.DEFAULT_HEADERS.get(required).get(0) + ")");
                }
            }
            if (council == null && !columns.containsKey(ColumnMapping.COUNCIL)) {
                missing.add("council (or give --council)");
            }
            if (!missing.isEmpty()) {
                throw new BadHeaderException("the header row has no column for " + String.join(", ", missing)
                        + "; name the columns in a mapping file (--mapping)");
            }
            RowParser parser = new RowParser(columns, header.fields().size(), mapping, new Timestamps(zone), council,
                    file.getFileName().toString());
            derived = parser.derivesIds();
            if (derived) {
                errors.println("No id column: each row's source id is derived from the file name and the row's content;"
                        + " importing this same file again counts nothing twice.");
            }
            List<String> rejectHeader = new ArrayList<>(List.of("line", "reason"));
            rejectHeader.addAll(header.fields());
            writeCsv(rejects, rejectHeader);
            ProgressBar progress = new ProgressBar(progressOut, terminal, size);
            ContactSink.Failure onFailure = (line, reason) -> {
                failed.incrementAndGet();
                report(line, reason);
            };
            CsvReader.Record record;
            while ((record = csv.next()) != null) {
                if (record.fields().size() == 1 && record.fields().get(0).isBlank() && !record.unterminatedQuote()) {
                    continue; // a blank line is not a row
                }
                rows++;
                RowParser.Result result = record.unterminatedQuote()
                        ? new RowParser.Result(null, List.of("a quoted field is not closed before the end of the file"))
                        : parser.parse(record.fields());
                if (result.contact() != null) {
                    sink.send(record.line(), result.contact(), onFailure);
                } else {
                    rejected.incrementAndGet();
                    String reason = String.join("; ", result.reasons());
                    report(record.line(), reason);
                    List<String> row = new ArrayList<>(List.of(String.valueOf(record.line()), reason));
                    row.addAll(record.fields());
                    writeCsv(rejects, row);
                }
                if ((rows & 1023) == 0) {
                    progress.update(csv.charsRead(), rows, rejected.get());
                }
            }
            long sent = sink.finish();
            progress.finish(rows, rejected.get());
            return new Summary(rows, sent, rejected.get(), failed.get(), derived, (System.nanoTime() - started) / 1e9);
        }
    }

    private synchronized void report(long line, String reason) {
        errors.println((terminal ? "\r\033[K" : "") + "line " + line + ": " + reason);
    }

    private static void writeCsv(BufferedWriter out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String f = fields.get(i);
            if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
                out.write('"' + f.replace("\"", "\"\"") + '"');
            } else {
                out.write(f);
            }
        }
        out.write("\r\n");
    }

    /** For tests: the contacts a sink received. */
    static final class CollectingSink implements ContactSink {
        final List<ContactHandled> contacts = new ArrayList<>();

        @Override
        public void send(long line, ContactHandled contact, Failure onFailure) {
            contacts.add(contact);
        }

        @Override
        public long finish() {
            return contacts.size();
        }

        @Override
        public void close() {
        }
    }
}
