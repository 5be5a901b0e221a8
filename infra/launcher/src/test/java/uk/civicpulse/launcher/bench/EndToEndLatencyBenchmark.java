package uk.civicpulse.launcher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import uk.civicpulse.launcher.ProductStack;
import uk.civicpulse.stack.LoopbackPorts;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * From {@code 202 Accepted} at survey-service to visible in the analytics API, while a steady load of ratings flows.
 * <p>
 * The whole product runs as the launcher runs it (broker, PostgreSQL, both services in their own JVMs). A load
 * generator posts ratings at a fixed rate (open loop: requests are started on schedule whether or not earlier ones
 * have answered), spread over the demo councils, either one rating per request (a resident's web or kiosk tap) or
 * in batches through {@code POST /api/v1/ratings/batch} (kiosk flushes and imports, the way most of a national
 * platform's volume arrives). Meanwhile a probe posts one rating at a time to a touchpoint of its own and polls
 * {@code GET /satisfaction?touchpoint=...} until the count goes up; the time from the probe's 202 to that moment is
 * one latency sample.
 * <pre>
 * bin/benchmark latency [ratings per second] [seconds] [ratings per request]     (default 5000, 60 and 1)
 * </pre>
 * {@code -Dworkers} (128): keep-alive connections carrying the load; {@code -Dwarmup} (20): seconds at the full rate
 * before anything is counted or probed.
 */
public final class EndToEndLatencyBenchmark {

    private static final String[] COUNCILS = {"northmoor", "eastbrook", "westshire", "cwm-tawel"};
    private static final Map<String, String[]> SERVICE_AND_SCALE = Map.of(
            "northmoor", new String[]{"waste", "faces-3", "3"},
            "eastbrook", new String[]{"council_tax", "buttons-4", "4"},
            "westshire", new String[]{"libraries", "likert-5", "5"},
            "cwm-tawel", new String[]{"waste", "faces-3", "3"});
    private static final String PASSWORD = "benchmark-password";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4)).build();

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int perRequest = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        if (perRequest < 1 || perRequest > 1000) {
            throw new IllegalArgumentException("ratings per request must be 1 to 1000 (the batch endpoint's limit)");
        }
        Path root = Path.of(System.getProperty("civic-pulse.root", "../..")).toAbsolutePath().normalize();
        try (ProductStack stack = new ProductStack(new ProductStack.Settings(root, Files.createTempDirectory("civic-pulse-latency"),
                false, LoopbackPorts.free(), LoopbackPorts.free(), 0, PASSWORD))
                // one generator stands for thousands of residents' devices: the per-client limit is not what is measured
                .withSurveyEnvironment(Map.of("SURVEY_RATE_LIMIT_WEB_CAPACITY", "1000000000"))
                // server settings, not the launcher's small fast-starting demo JVMs
                .withJvmOptions(List.of("-Xms512m", "-Xmx1g", "-XX:+UseParallelGC"))
                .start()) {
            new EndToEndLatencyBenchmark().run(stack, rate, seconds, perRequest);
        }
        System.exit(0);
    }

    private void run(ProductStack stack, int rate, int seconds, int perRequest) throws Exception {
        URI ratings = stack.survey().baseUri().resolve("/api/v1/ratings");
        URI load = perRequest == 1 ? ratings : stack.survey().baseUri().resolve("/api/v1/ratings/batch");
        String token = login(stack.analytics().baseUri());
        warmUp(ratings);

        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        Map<String, Long> outcomes = new java.util.concurrent.ConcurrentHashMap<>();
        // An open loop over a fixed set of keep-alive connections, as a fleet of devices behind a few proxies sends:
        // each worker takes the next request number, waits for its due time and sends it. A request more than a second
        // overdue is shed and counted (the service is too far behind), not queued without limit.
        int workers = Integer.getInteger("workers", 128);
        java.util.concurrent.atomic.AtomicLong next = new java.util.concurrent.atomic.AtomicLong();
        ExecutorService loadThread = Executors.newFixedThreadPool(workers);
        // the load runs at the full rate for -Dwarmup seconds (default 20) before anything is measured: the services'
        // code is compiled and the consumer's batches have settled by then, as in a service that has been up a while
        int warmup = Integer.getInteger("warmup", 20);
        long requests = (long) rate * (warmup + seconds) / perRequest;
        long start = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            loadThread.submit(() -> {
                for (long i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    long due = start + i * perRequest * 1_000_000_000L / rate;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    } else if (wait < -1_000_000_000L) {
                        refused.addAndGet(perRequest);
                        outcomes.merge("shed", (long) perRequest, Long::sum);
                        continue;
                    }
                    try {
                        HttpResponse<String> response = http.send(post(load, loadBody(i, perRequest)), HttpResponse.BodyHandlers.ofString());
                        int acceptedHere = acceptedIn(response, perRequest);
                        accepted.addAndGet(acceptedHere);
                        if (acceptedHere < perRequest) {
                            refused.addAndGet(perRequest - acceptedHere);
                            outcomes.merge(String.valueOf(response.statusCode()), 1L, Long::sum);
                        }
                    } catch (IOException | RuntimeException e) {
                        refused.addAndGet(perRequest);
                        outcomes.merge(e.getClass().getSimpleName(), 1L, Long::sum);
                    }
                }
                return null;
            });
        }

        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        String touchpoint = "/latency-probe-" + UUID.randomUUID();
        URI probeSlice = stack.analytics().baseUri().resolve("/api/v1/councils/westshire/satisfaction?from=" + today.minusDays(1)
                + "&to=" + today.plusDays(1) + "&touchpoint=" + URLEncoder.encode(touchpoint, StandardCharsets.UTF_8));
        List<Double> latencies = new ArrayList<>();
        long seen = 0;
        Thread.sleep(warmup * 1000L);
        long measuredFrom = System.nanoTime();
        long acceptedBefore = accepted.get();
        long refusedBefore = refused.get();
        while (System.nanoTime() - start < (warmup + seconds - 3) * 1_000_000_000L) {
            String probe = json.writeValueAsString(Map.of("id", UUID.randomUUID().toString(), "council", "westshire",
                    "service", "libraries", "channel", "web", "touchpoint", touchpoint, "scale", "likert-5", "score", 5));
            HttpResponse<Void> response = http.send(post(ratings, probe), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 202) {
                outcomes.merge("probe " + response.statusCode(), 1L, Long::sum);
                continue;
            }
            long acceptedAt = System.nanoTime();
            long visible;
            while ((visible = count(probeSlice, token)) <= seen && System.nanoTime() - acceptedAt < 60_000_000_000L) {
                Thread.sleep(10);
            }
            latencies.add((System.nanoTime() - acceptedAt) / 1e6); // a probe not seen in 60 s counts as 60 s
            seen = Math.max(seen + 1, visible);
        }
        loadThread.shutdown();
        loadThread.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES);
        double elapsed = (System.nanoTime() - measuredFrom) / 1e9;
        double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("%noffered load: %d ratings/s for %d s, %s; accepted %,d (%.0f/s), not accepted or shed %,d%n",
                rate, seconds, perRequest == 1 ? "one rating per request" : "batches of " + perRequest + " ratings",
                accepted.get() - acceptedBefore, (accepted.get() - acceptedBefore) / elapsed, refused.get() - refusedBefore);
        System.out.printf("during the %d s warm-up before that: accepted %,d, not accepted or shed %,d%n", warmup, acceptedBefore, refusedBefore);
        System.out.println("not accepted, by outcome (warm-up included): " + outcomes);
        System.out.printf("202 -> visible in the analytics API, %d probes: p50 %.0f ms, p95 %.0f ms, max %.0f ms (target p95 <= 2000 ms)%n",
                sorted.length, percentile(sorted, 50), percentile(sorted, 95), sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1]);
    }

    private void warmUp(URI ratings) throws Exception {
        for (int i = 0; i < 2000; i++) {
            http.send(post(ratings, loadRating(i)), HttpResponse.BodyHandlers.discarding());
        }
    }

    /** One rating, or a batch body of {@code perRequest} ratings, numbered from request {@code i}. */
    private String loadBody(long i, int perRequest) {
        if (perRequest == 1) {
            return loadRating(i);
        }
        StringBuilder body = new StringBuilder("{\"ratings\":[");
        for (int k = 0; k < perRequest; k++) {
            body.append(k == 0 ? "" : ",").append(loadRating(i * perRequest + k));
        }
        return body.append("]}").toString();
    }

    /** Ratings the answer accepted: 202 for a single rating, or each batch item whose own status is 202. */
    private int acceptedIn(HttpResponse<String> response, int perRequest) {
        if (perRequest == 1) {
            return response.statusCode() == 202 ? 1 : 0;
        }
        if (response.statusCode() != 200) {
            return 0;
        }
        try {
            int n = 0;
            for (JsonNode item : json.readTree(response.body()).get("results")) {
                n += item.get("status").asInt() == 202 ? 1 : 0;
            }
            return n;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private String loadRating(long i) {
        String council = COUNCILS[(int) (i % COUNCILS.length)];
        String[] service = SERVICE_AND_SCALE.get(council);
        try {
            return json.writeValueAsString(Map.of("id", UUID.randomUUID().toString(), "council", council, "service", service[0],
                    "channel", "web", "touchpoint", "/load", "scale", service[1], "score", 1 + (int) (i % Integer.parseInt(service[2]))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest post(URI uri, String body) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private String login(URI analytics) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(analytics.resolve("/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("username", "admin@civic-pulse", "password", PASSWORD))))
                .build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body()).get("access_token").asText();
    }

    private long count(URI slice, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(slice).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode rows = json.readTree(response.body()).get("rows");
        return rows == null || rows.size() == 0 ? 0 : rows.get(0).get("n").asLong();
    }

    private static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

}
