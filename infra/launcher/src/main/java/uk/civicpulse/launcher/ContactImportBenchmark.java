package uk.civicpulse.launcher;

import uk.civicpulse.contactimport.ContactImport;
import uk.civicpulse.stack.LoopbackPorts;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * The contact import benchmark (not a test): starts the product as the launcher does (PostgreSQL, broker, both
 * services, no demo data), writes a CSV export of N contact rows (default 1,000,000), imports it with the contact
 * import tool into the broker, and waits until analytics-service has every row in PostgreSQL. Then imports the same
 * file again to show nothing counts twice, and times a year's timeliness results over those rows.
 * <p>
 * Run with {@code bin/contact-import-benchmark [rows]}. Prints the figures; nothing is kept.
 */
public final class ContactImportBenchmark {

    private static final String COUNCIL = "northmoor";
    private static final String PASSWORD = "benchmark";
    private static final String[] SERVICES = {"waste", "council_tax", "housing", "planning", "parking", "libraries"};
    private static final String[][] KINDS = {{"call", "Telephone"}, {"email", "email"}, {"web_form", "web form"},
            {"letter", "letter"}, {"personal_caller", "face to face"}, {"complaint", "email"}, {"missed_bin", "web form"}};

    private ContactImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path root = Path.of(System.getenv().getOrDefault("CIVIC_PULSE_ROOT", ".")).toAbsolutePath().normalize();
        Path home = Files.createTempDirectory("civic-pulse-benchmark");
        PrintStream out = System.out;
        out.printf("Contact import benchmark: %,d rows, %d cores, max heap %d MB%n", rows,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        try (ProductStack stack = new ProductStack(new ProductStack.Settings(root, home, false, LoopbackPorts.free(), LoopbackPorts.free(), 0, PASSWORD)).start()) {
            Path csv = home.resolve("northmoor-contacts.csv");
            long t0 = System.nanoTime();
            generate(csv, rows);
            out.printf("Generated %s (%,d MB) in %.1f s%n", csv.getFileName(), Files.size(csv) >> 20, seconds(t0));

            String jdbc = stack.postgres().jdbcUrl(ProductStack.ANALYTICS_DATABASE);
            long start = System.nanoTime();
            int code = ContactImport.run(new String[]{"--council", COUNCIL, "--bootstrap-servers",
                    stack.broker().bootstrapServers(), csv.toString()}, out, System.err, System.console() != null);
            double imported = seconds(start);
            if (code != 0) {
                throw new IllegalStateException("the import tool exited with " + code);
            }
            long stored = awaitStored(jdbc, rows, Duration.ofMinutes(10));
            double inDatabase = seconds(start);
            out.printf("%nImport tool, CSV to broker (every row acknowledged, acks=all): %.1f s (%,.0f rows/s)%n", imported, rows / imported);
            out.printf("CSV to PostgreSQL (every row in analytics-service's contact table): %.1f s (%,.0f rows/s); %,d rows stored%n",
                    inDatabase, rows / inDatabase, stored);

            long again = System.nanoTime();
            ContactImport.run(new String[]{"--council", COUNCIL, "--bootstrap-servers", stack.broker().bootstrapServers(),
                    csv.toString()}, new PrintStream(PrintStream.nullOutputStream()), System.err, false);
            awaitConsumed(stack, Duration.ofMinutes(10));
            out.printf("Same file imported again: %.1f s; rows in the contact table: %,d (counted once)%n", seconds(again), count(jdbc));

            String token = login(stack.analytics().baseUri());
            for (String query : new String[]{"from=2025-01-01&to=2025-12-31", "from=2025-01-01&to=2025-12-31&by=standard,service,channel&period=month"}) {
                long q = System.nanoTime();
                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                stack.analytics().baseUri().resolve("/api/v1/councils/" + COUNCIL + "/timeliness?" + query))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                out.printf("GET /timeliness?%s: %d in %.2f s (%,d bytes)%n", query, response.statusCode(), seconds(q), response.body().length());
            }
        }
    }

    /**
     * A council CRM's export: UK dates in local time, channel names as the CRM writes them, 3% unanswered. Times fall in
     * office hours (07:00-19:59), as contacts are logged, so none lands in the hour the clocks skip or repeat.
     */
    static void generate(Path csv, int rows) throws IOException {
        Random random = new Random(42);
        LocalDate first = LocalDate.of(2025, 1, 1);
        DateTimeFormatter uk = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("Reference,Service,Channel,Type,Date Received,First Response,Resolved,FCR\r\n");
            for (int i = 0; i < rows; i++) {
                String[] kind = KINDS[random.nextInt(KINDS.length)];
                LocalDateTime received = first.plusDays(random.nextInt(364)).atTime(7 + random.nextInt(12), random.nextInt(60), random.nextInt(60));
                LocalDateTime answered = kind[0].equals("call")
                        ? received.plusSeconds((long) (-40 * Math.log(1 - random.nextDouble())))
                        : later(random, received, (int) (-3 * Math.log(1 - random.nextDouble())));
                String firstResponse = random.nextDouble() < 0.03 ? "" : uk.format(answered);
                String resolved = random.nextDouble() < 0.5 ? uk.format(later(random, answered, random.nextInt(20))) : "";
                String fcr = random.nextDouble() < 0.3 ? "" : (random.nextBoolean() ? "Y" : "N");
                w.write("NM-" + (1_000_000 + i) + "," + SERVICES[random.nextInt(SERVICES.length)] + "," + kind[1] + "," + kind[0] + ","
                        + uk.format(received) + "," + firstResponse + "," + resolved + "," + fcr + "\r\n");
            }
        }
    }

    /** A moment in office hours some days after the given one, never before it. */
    private static LocalDateTime later(Random random, LocalDateTime from, int days) {
        LocalDateTime t = from.toLocalDate().plusDays(days).atTime(7 + random.nextInt(13), random.nextInt(60));
        return t.isBefore(from) ? from.plusMinutes(30) : t;
    }

    private static long awaitStored(String jdbc, long expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long count;
        while ((count = count(jdbc)) < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + count + " of " + expected + " contacts stored after " + timeout);
            }
            Thread.sleep(200);
        }
        return count;
    }

    /** Waits until analytics-service's consumer group has no lag on the contacts topic. */
    private static void awaitConsumed(ProductStack stack, Duration timeout) throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(java.util.Map.of(
                "bootstrap.servers", stack.broker().bootstrapServers()))) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                var committed = admin.listConsumerGroupOffsets("analytics-service-contacts").partitionsToOffsetAndMetadata().get();
                var latestRequest = new java.util.HashMap<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec>();
                committed.keySet().stream().filter(tp -> tp.topic().equals(uk.civicpulse.events.Topics.CONTACTS_V1.name()))
                        .forEach(tp -> latestRequest.put(tp, org.apache.kafka.clients.admin.OffsetSpec.latest()));
                var latest = admin.listOffsets(latestRequest).all().get();
                boolean done = latest.entrySet().stream().allMatch(e -> committed.get(e.getKey()).offset() >= e.getValue().offset());
                if (done && !latest.isEmpty()) {
                    return;
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException("the second import was not consumed within " + timeout);
        }
    }

    private static long count(String jdbc) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM contact WHERE council = '" + COUNCIL + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String login(URI analytics) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(analytics.resolve("/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"officer@" + COUNCIL + "\",\"password\":\"" + PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        int i = body.indexOf("\"access_token\":\"") + 16;
        return body.substring(i, body.indexOf('"', i));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

}
