package uk.civicpulse.launcher;

import uk.civicpulse.events.Topics;
import uk.civicpulse.stack.EmbeddedKafkaBroker;
import uk.civicpulse.stack.LoopbackPorts;
import uk.civicpulse.stack.PostgresServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The capture benchmark: a program, not a test. Starts PostgreSQL, a Kafka broker and survey-service (from its
 * packaged jar, with the do-nothing endpoint switched on) and drives, over keep-alive HTTP/1.1 connections with the
 * JDK HttpClient:
 * <ol>
 *   <li>closed loop, {@code connections} clients each sending one request after another: {@code POST /api/v1/benchmark/noop}
 *       then {@code POST /api/v1/ratings} (every rating a new id, so each is validated and acknowledged by the broker);</li>
 *   <li>open loop at a fixed {@code rate} per second (latency measured from the intended send time, so a stall is not
 *       hidden): the do-nothing endpoint, then ratings;</li>
 *   <li>batch ingest: {@code batchConnections} clients posting batches of 1,000 ratings to {@code /api/v1/ratings/batch}.</li>
 * </ol>
 * Prints throughput and p50/p99 latency for each and the ratios against the targets. The rate limit stays switched
 * on (its buckets are used for every rating) but with a capacity no benchmark reaches.
 *
 * <p>Run with {@code bin/load-test} (options as system properties: {@code -Dconnections=128 -Dseconds=15 -Drate=5000
 * -DopenWorkers=32 -DbatchConnections=8}). The closed loops' 128 connections keep both endpoints CPU-bound, so their
 * ratio compares throughput rather than the rating's wait for the broker's ack (docs/capture-benchmark.md);
 * {@code -Dconnections=8} gives the latency-bound view.
 */
public final class LoadTest {

    static final String RATING = """
            {"id":"%s","council":"northmoor","service":"waste","channel":"web","touchpoint":"/bench/%d","scale":"faces-3",\
            "score":%d,"reasons":["quick"],"comment":"Easy to report a missed bin.","keyAreas":{"timeliness":5},\
            "customerGroup":{"age_band":"35_44","disability":"prefer_not_to_say"},"submittedAt":"2026-11-20T09:15:30Z"}""";

    private final URI base;
    private final HttpClient http;
    private final int connections;
    /** Workers of the open loop, each with its own keep-alive connection (-DopenWorkers). */
    private final int openWorkers = Integer.getInteger("openWorkers", 32);
    /** Clients posting batches of 1,000 at once (-DbatchConnections). */
    private final int batchConnections = Integer.getInteger("batchConnections", 8);
    /** Unmeasured closed loop on each endpoint first (-Dwarmup, s): on a busy machine 10 s left the first pair still compiling. */
    private final Duration warmUp = Duration.ofSeconds(Integer.getInteger("warmup", 10));
    private final Duration duration;
    private final int rate;
    private final AtomicLong sequence = new AtomicLong();
    private final long servicePid;

    LoadTest(URI base, long servicePid, int connections, Duration duration, int rate) {
        this.base = base;
        this.servicePid = servicePid;
        this.connections = connections;
        this.duration = duration;
        this.rate = rate;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                // Daemon threads: a pool of ordinary ones kept the JVM alive after the figures were printed.
                .executor(Executors.newFixedThreadPool(2, r -> {
                    Thread t = new Thread(r, "load-test-http");
                    t.setDaemon(true);
                    return t;
                })).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("root", ".")).toAbsolutePath().normalize();
        int connections = Integer.getInteger("connections", 128);
        Duration seconds = Duration.ofSeconds(Integer.getInteger("seconds", 15));
        int rate = Integer.getInteger("rate", 5000);
        Path home = Files.createTempDirectory("civic-pulse-load");
        int port = LoopbackPorts.free();

        try (PostgresServer postgres = PostgresServer.fromEnvironmentOr(home.resolve("postgres"), false)) {
            postgres.createDatabase(ProductStack.SURVEY_DATABASE);
            try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(home.resolve("kafka"), 0).start()) {
                broker.createTopics(Topics.ALL);
                Map<String, String> env = new HashMap<>();
                env.put("SURVEY_PORT", String.valueOf(port));
                env.put("SURVEY_DATABASE_URL", postgres.jdbcUrl(ProductStack.SURVEY_DATABASE));
                env.put("SURVEY_FLYWAY_LOCATIONS", "classpath:db/migration,classpath:db/demo");
                env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
                env.put("SURVEY_BENCHMARK_NOOP", "true");
                env.put("SURVEY_RATE_LIMIT_WEB_CAPACITY", "1000000000");
                Path jar = root.resolve("survey-service/target/survey-service-" + ProductStack.version() + ".jar");
                List<String> jvm = new ArrayList<>(List.of("-Xms512m", "-Xmx1g", "-XX:+UseParallelGC"));
                if (Boolean.getBoolean("profile")) {
                    // -Dprofile=true: a JDK Flight Recording of survey-service, read with `jfr print --events jdk.ExecutionSample`.
                    Path recording = home.resolve("survey-service.jfr");
                    jvm.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + recording);
                    System.out.println("Recording survey-service to " + recording);
                }
                String compare = System.getProperty("compare", "");
                if (!compare.isBlank()) {
                    // -Dcompare=other.jar: the same closed loops against this build and another build of survey-service,
                    // side by side and alternating, so a change is measured under the same share of a busy machine.
                    postgres.createDatabase(ProductStack.SURVEY_DATABASE + "_compared");
                    Map<String, String> otherEnv = new HashMap<>(env);
                    int otherPort = LoopbackPorts.free();
                    otherEnv.put("SURVEY_PORT", String.valueOf(otherPort));
                    otherEnv.put("SURVEY_DATABASE_URL", postgres.jdbcUrl(ProductStack.SURVEY_DATABASE + "_compared"));
                    // -Dcompare.env=SURVEY_KAFKA_LINGER=5ms,...: the compared service also gets these variables, so a
                    // setting is A/B-tested in one run (with -Dcompare naming this build's own jar).
                    for (String pair : System.getProperty("compare.env", "").split(",")) {
                        int eq = pair.indexOf('=');
                        if (eq > 0) {
                            otherEnv.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                        }
                    }
                    List<String> otherJvm = List.of("-Xms512m", "-Xmx1g", "-XX:+UseParallelGC");
                    try (ServiceProcess survey = ServiceProcess.start("survey-service", jar, port, env, home.resolve("logs"), jvm);
                         ServiceProcess other = ServiceProcess.start("survey-service-compared", Path.of(compare).toAbsolutePath(),
                                 otherPort, otherEnv, home.resolve("logs-compared"), otherJvm)) {
                        survey.awaitHealthy(Duration.ofSeconds(180));
                        other.awaitHealthy(Duration.ofSeconds(180));
                        new LoadTest(survey.baseUri(), survey.pid(), connections, seconds, rate)
                                .compare(new LoadTest(other.baseUri(), other.pid(), connections, seconds, rate),
                                        compare + " " + System.getProperty("compare.env", ""));
                    }
                    return;
                }
                try (ServiceProcess survey = ServiceProcess.start("survey-service", jar, port, env, home.resolve("logs"), jvm)) {
                    survey.awaitHealthy(Duration.ofSeconds(120));
                    new LoadTest(survey.baseUri(), survey.pid(), connections, seconds, rate).run();
                }
            }
        }
    }

    void run() throws Exception {
        System.out.printf("Load test against %s: closed loops over %d connections, %d s per phase, open loop at %d/s over %d "
                        + "connections, batches over %d, %d cores shared%n", base, connections, duration.toSeconds(), rate,
                openWorkers, batchConnections, Runtime.getRuntime().availableProcessors());
        System.out.println("Warming up (JIT) ...");
        warmUp();
        batches(Duration.ofSeconds(5));

        // Closed-loop pairs alternate, so both endpoints see the same share of a shared machine's changing load.
        Result noop = closedLoop(started("closed loop  POST /api/v1/benchmark/noop"), duration);
        Result ratings = closedLoop(started("closed loop  POST /api/v1/ratings"), duration);
        Result noop2 = closedLoop(started("closed loop  POST /api/v1/benchmark/noop"), duration);
        Result ratings2 = closedLoop(started("closed loop  POST /api/v1/ratings"), duration);
        Result noopOpen = openLoop(started("open " + rate + "/s  POST /api/v1/benchmark/noop"), duration);
        Result ratingsOpen = openLoop(started("open " + rate + "/s  POST /api/v1/ratings"), duration);
        started("batches of 1000  POST /api/v1/ratings/batch");
        Result batch = batches(duration);

        System.out.println();
        System.out.println(HEADER);
        print("closed loop  POST /api/v1/benchmark/noop", noop, 1);
        print("closed loop  POST /api/v1/ratings", ratings, 1);
        print("closed loop  POST /api/v1/benchmark/noop", noop2, 1);
        print("closed loop  POST /api/v1/ratings", ratings2, 1);
        print("open " + rate + "/s  POST /api/v1/benchmark/noop", noopOpen, 1);
        print("open " + rate + "/s  POST /api/v1/ratings", ratingsOpen, 1);
        print("batches of 1000  POST /api/v1/ratings/batch", batch, 1000);
        System.out.println();
        System.out.printf("ratings throughput / do-nothing throughput: %.2f and %.2f, both pairs together %.2f (target >= 0.70)%n",
                ratings.perSecond() / noop.perSecond(), ratings2.perSecond() / noop2.perSecond(),
                (ratings.perSecond() + ratings2.perSecond()) / (noop.perSecond() + noop2.perSecond()));
        // On one machine with the broker and generator beside the service, the saturated throughput ratio follows the
        // ratio of all the CPU a request costs; the service's own ratio is what it would reach with its cores to itself.
        System.out.printf("CPU per request, do-nothing / ratings (closed loops): service + generator + broker %.2f and %.2f; "
                        + "survey-service alone %.2f and %.2f%n",
                noop.cpuPerRequest() / ratings.cpuPerRequest(), noop2.cpuPerRequest() / ratings2.cpuPerRequest(),
                noop.serviceCpuPerRequest() / ratings.serviceCpuPerRequest(), noop2.serviceCpuPerRequest() / ratings2.serviceCpuPerRequest());
        System.out.printf("p99 at %d ratings/s open loop: %.1f ms (target <= 20 ms); achieved %.0f/s%n",
                rate, ratingsOpen.p99Millis(), ratingsOpen.perSecond());
        System.out.printf("batch ingest: %.0f ratings/s (target >= 100000): %.2fx target%n",
                batch.perSecond() * 1000, batch.perSecond() * 1000 / 100_000);
    }

    private void warmUp() throws Exception {
        closedLoop("/api/v1/benchmark/noop", warmUp);
        closedLoop("/api/v1/ratings", warmUp);
    }

    /**
     * This build against another one ({@code -Dcompare=jar}), each phase run on one then the other, three rounds
     * ({@code -Drounds}) after {@code -Dwarmup} seconds (10) of each endpoint on each: closed loops only, since the CPU
     * per request is what a change moves.
     */
    void compare(LoadTest other, String otherName) throws Exception {
        System.out.printf("This build (%s) against %s: %d connections, %d s per phase, %d cores shared%n",
                base, otherName, connections, duration.toSeconds(), Runtime.getRuntime().availableProcessors());
        System.out.println("Warming up (JIT) ...");
        for (LoadTest t : List.of(this, other)) {
            t.warmUp();
        }
        List<String> lines = new ArrayList<>();
        List<String> ratios = new ArrayList<>();
        for (int round = 1; round <= Integer.getInteger("rounds", 3); round++) {
            Map<LoadTest, Result> noop = new HashMap<>();
            for (String path : List.of("/api/v1/benchmark/noop", "/api/v1/ratings")) {
                // Alternate which goes first, so neither always follows the other's phase.
                List<LoadTest> order = round % 2 == 1 ? List.of(this, other) : List.of(other, this);
                for (LoadTest t : order) {
                    String name = (t == this ? "this build " : "compared   ") + " POST " + path;
                    started(name);
                    Result r = t.closedLoop(path, duration);
                    lines.add(line(name, r, 1));
                    if (path.endsWith("noop")) {
                        noop.put(t, r);
                    } else {
                        ratios.add(String.format("round %d %s: ratings / do-nothing throughput %.2f, CPU ms per 1000 "
                                        + "(service + generator+broker) do-nothing / ratings %.2f, service alone %.2f",
                                round, t == this ? "this build" : "compared  ", r.perSecond() / noop.get(t).perSecond(),
                                noop.get(t).cpuPerRequest() / r.cpuPerRequest(),
                                noop.get(t).serviceCpuPerRequest() / r.serviceCpuPerRequest()));
                    }
                }
            }
        }
        System.out.println();
        System.out.println(HEADER);
        lines.forEach(System.out::println);
        System.out.println();
        ratios.forEach(System.out::println);
    }

    /**
     * Prints when a phase begins (UTC, to the millisecond), so a profile's samples can be told apart by phase; returns
     * the phase's path.
     */
    private static String started(String phase) {
        System.out.println(java.time.Instant.now() + "  " + phase);
        return phase.substring(phase.lastIndexOf(" ") + 1);
    }

    private static final String HEADER = "phase                                     requests/s  ratings/s     p50 ms    p99 ms   errors  "
            + "CPU ms per 1000 ratings: service, generator+broker  load (1 min, start-end)";

    private static void print(String name, Result r, int ratingsPerRequest) {
        System.out.println(line(name, r, ratingsPerRequest));
    }

    private static String line(String name, Result r, int ratingsPerRequest) {
        double perThousand = 1000.0 / Math.max(1, (r.requests() - r.errors()) * (double) ratingsPerRequest);
        return String.format("%-42s %10.0f %10.0f %10.2f %9.2f %8d  %25.0f %17.0f  %.2f-%.2f", name, r.perSecond(), r.perSecond() * ratingsPerRequest,
                r.p50Millis(), r.p99Millis(), r.errors(), r.serviceCpu().toMillis() * perThousand, r.ownCpu().toMillis() * perThousand,
                r.loadAtStart(), r.loadAtEnd());
    }

    /** @param loadAtStart the machine's 1-minute load average (as uptime shows) when the phase began; loadAtEnd when it ended */
    /**
     * @param serviceCpu CPU time survey-service's process used in the phase; with {@code ownCpu} (this JVM: the load
     *                   generator and the Kafka broker) it shows the cost of a request even when a shared machine's
     *                   contention makes throughput and latency say little
     */
    record Result(long requests, long errors, double seconds, long[] latenciesNanos, double loadAtStart, double loadAtEnd,
                  Duration serviceCpu, Duration ownCpu) {
        double perSecond() {
            return (requests - errors) / seconds;
        }

        /** CPU ms of survey-service per answered request. */
        double serviceCpuPerRequest() {
            return serviceCpu.toNanos() / 1e6 / Math.max(1, requests - errors);
        }

        /** CPU ms of survey-service, the generator and the broker together per answered request. */
        double cpuPerRequest() {
            return (serviceCpu.toNanos() + ownCpu.toNanos()) / 1e6 / Math.max(1, requests - errors);
        }

        double p50Millis() {
            return percentile(0.50);
        }

        double p99Millis() {
            return percentile(0.99);
        }

        private double percentile(double q) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(latenciesNanos.length - 1, Math.ceil(q * latenciesNanos.length) - 1);
            return latenciesNanos[Math.max(0, i)] / 1e6;
        }
    }

    private String rating() {
        long n = sequence.incrementAndGet();
        return RATING.formatted(UUID.randomUUID(), n % 1000, 1 + n % 3);
    }

    private HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** {@code connections} threads, each with one request in flight at a time, for the given time. */
    private Result closedLoop(String path, Duration time) throws Exception {
        return inThreads(connections, time, () -> post(path, rating()));
    }

    private Result batches(Duration time) throws Exception {
        return inThreads(batchConnections, time, () -> {
            StringBuilder body = new StringBuilder(400_000).append("{\"ratings\":[");
            for (int i = 0; i < 1000; i++) {
                body.append(i == 0 ? "" : ",").append(rating());
            }
            return post("/api/v1/ratings/batch", body.append("]}").toString());
        });
    }

    private interface RequestMaker {
        HttpRequest next();
    }

    private Result inThreads(int connections, Duration time, RequestMaker maker) throws Exception {
        double load = loadAverage();
        Duration[] cpu = cpuNow();
        ExecutorService threads = Executors.newFixedThreadPool(connections);
        long end = System.nanoTime() + time.toNanos();
        long start = System.nanoTime();
        List<Future<long[]>> futures = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        for (int t = 0; t < connections; t++) {
            futures.add(threads.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    HttpRequest request = maker.next();
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() >= 300 || response.body().contains("\"status\":4") || response.body().contains("\"status\":5")) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        // A timed-out or dropped request is an error of the phase, not the end of the run.
                        errors.incrementAndGet();
                    }
                    long took = System.nanoTime() - sent;
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = took;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        threads.shutdown();
        return result(all, errors.get(), seconds, load, cpu);
    }

    /**
     * Requests fall due at a fixed rate whatever the answers' pace; {@code openWorkers} workers, each with one
     * keep-alive connection, send each as soon as it is due and a worker is free. Latency counts from when the request
     * was due, so time spent queued behind a slow answer is included (no coordinated omission).
     */
    private Result openLoop(String path, Duration time) throws Exception {
        double load = loadAverage();
        Duration[] cpu = cpuNow();
        int total = (int) (rate * time.toSeconds());
        long intervalNanos = 1_000_000_000L / rate;
        long[] latencies = new long[total];
        AtomicLong errors = new AtomicLong();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        int workers = openWorkers;
        ExecutorService threads = Executors.newFixedThreadPool(workers);
        long start = System.nanoTime() + 10_000_000L;
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            futures.add(threads.submit(() -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long due = start + i * intervalNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    try {
                        HttpResponse<String> response = http.send(post(path, rating()), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() >= 300) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - due;
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(time.toSeconds() + 300, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        threads.shutdown();
        return result(List.of(latencies), errors.get(), seconds, load, cpu);
    }

    private Result result(List<long[]> parts, long errors, double seconds, double loadAtStart, Duration[] cpuAtStart) {
        long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        Duration[] cpu = cpuNow();
        return new Result(all.length, errors, seconds, all, loadAtStart, loadAverage(),
                cpu[0].minus(cpuAtStart[0]), cpu[1].minus(cpuAtStart[1]));
    }

    /** CPU time used so far by survey-service's process and by this JVM (zero where the platform does not tell). */
    private Duration[] cpuNow() {
        Duration service = ProcessHandle.of(servicePid).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
        Duration own = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
        return new Duration[]{service, own};
    }

    /** The 1-minute load average from /proc/loadavg (NaN where there is none): the figures mean little without it. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

}
