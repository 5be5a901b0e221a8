package uk.civicpulse.contactimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The command-line tool: {@code java -jar civic-pulse-contact-import.jar --council westshire contacts.csv}.
 * Exit codes: 0 every row imported; 1 some rows rejected or not delivered (each reported); 2 bad arguments, an
 * unreadable file or a header without the columns needed (nothing imported).
 */
public final class ContactImport {

    static final String USAGE = """
            Usage: contact-import [options] FILE.csv
              --council CODE             the council the contacts belong to (else a 'council' column)
              --bootstrap-servers HOSTS  Kafka brokers (default $KAFKA_BOOTSTRAP_SERVERS or 127.0.0.1:9092)
              --mapping FILE             Java properties naming columns (receivedAt=Date Logged) and channel names
                                         (channel.Telephone=phone)
              --rejects FILE             where rejected rows go (default FILE.csv.rejects.csv)
              --zone ZONE                the time zone of times without an offset (default Europe/London)
              --check                    validate every row and report, but send nothing
            Columns recognised by default: source_id (or id, reference, case_ref), council, service, channel,
            contact_type (or type), received_at, first_response_at, resolved_at, resolved_at_first_contact (or fcr).
            Dates: 2026-03-02T10:15:00Z, 2026-03-02 10:15, 02/03/2026 10:15 (day first), or a date alone.
            """;

    private ContactImport() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.console() != null));
    }

    /** Runs the tool; returns its exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        Map<String, String> options = new HashMap<>();
        String file = null;
        boolean check = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--check")) {
                check = true;
            } else if (a.equals("--help") || a.equals("-h")) {
                out.print(USAGE);
                return 0;
            } else if (a.startsWith("--") && List.of("--council", "--bootstrap-servers", "--mapping", "--rejects", "--zone").contains(a)) {
                if (i + 1 >= args.length) {
                    err.println(a + " needs a value\n" + USAGE);
                    return 2;
                }
                options.put(a, args[++i]);
            } else if (a.startsWith("--")) {
                err.println("unknown option " + a + "\n" + USAGE);
                return 2;
            } else if (file == null) {
                file = a;
            } else {
                err.println("one file at a time\n" + USAGE);
                return 2;
            }
        }
        if (file == null) {
            err.print(USAGE);
            return 2;
        }
        Path csv = Path.of(file);
        if (!Files.isReadable(csv)) {
            err.println("cannot read " + csv);
            return 2;
        }
        Properties mapping = new Properties();
        if (options.containsKey("--mapping")) {
            try (InputStream in = Files.newInputStream(Path.of(options.get("--mapping")))) {
                mapping.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException e) {
                err.println("cannot read the mapping file: " + e.getMessage());
                return 2;
            }
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(options.getOrDefault("--zone", "Europe/London"));
        } catch (DateTimeException e) {
            err.println("--zone: " + e.getMessage());
            return 2;
        }
        String bootstrap = options.getOrDefault("--bootstrap-servers",
                System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        Path rejects = Path.of(options.getOrDefault("--rejects", file + ".rejects.csv"));
        try {
            Importer importer = new Importer(mapping, zone, options.get("--council"), out, err, terminal);
            Importer.Summary s;
            try (ContactSink sink = check ? new Importer.CollectingSink() : new KafkaContactSink(bootstrap)) {
                s = importer.run(csv, rejects, check ? new CountingSink() : sink);
            }
            out.printf("%,d rows read in %.1f s: %,d %s, %,d rejected, %,d not delivered.%n", s.rows(), s.seconds(), s.sent(),
                    check ? "valid (--check: nothing sent)" : "sent to Kafka and acknowledged", s.rejected(), s.failed());
            if (!s.clean()) {
                out.println("Every rejected row is listed above with its line number and in " + rejects
                        + "; fix them there and import that file (it keeps the original columns after 'line' and 'reason').");
                return 1;
            }
            Files.deleteIfExists(rejects);
            return 0;
        } catch (Importer.BadHeaderException e) {
            err.println("Nothing imported: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("Nothing imported: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("Stopped: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Interrupted");
            return 2;
        }
    }

    /** --check: counts valid rows, sends nothing. */
    private static final class CountingSink implements ContactSink {
        private long count;

        @Override
        public void send(long line, uk.civicpulse.events.ContactHandled contact, Failure onFailure) {
            count++;
        }

        @Override
        public long finish() {
            return count;
        }

        @Override
        public void close() {
        }
    }
}
