import com.github.benmanes.caffeine.cache.*;
import uk.civicpulse.events.*;
import java.lang.management.*;
import java.time.*;
import java.util.*;
import java.util.concurrent.*;

/**
 * Process CPU per operation of the pieces of the rating path changed in the second pass (docs/capture-benchmark.md),
 * single-threaded, best of 5. Run against a survey-service jar, old or new:
 *   java -cp survey-service/target/survey-service-0.1.0-SNAPSHOT.jar bin/RatingPathCost.java [timer]
 * ("timer" adds the ack-timeout and Caffeine comparisons, which need no survey-service code).
 */
public class RatingPathCost {
    static long cpu() { return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime(); }
    static volatile Object sink;
    interface Op { Object run(int i); }
    static void measure(String name, int n, Op op) {
        for (int w = 0; w < 3; w++) for (int i = 0; i < n; i++) sink = op.run(i);
        double best = Double.MAX_VALUE;
        for (int rep = 0; rep < 5; rep++) {
            long c0 = cpu();
            for (int i = 0; i < n; i++) sink = op.run(i);
            best = Math.min(best, (cpu() - c0) / (double) n);
        }
        System.out.printf("%-48s %8.0f ns CPU per op (best of 5 x %d)%n", name, best, n);
    }
    public static void main(String[] a) throws Exception {
        Instant now = Instant.now();
        RatingSubmitted r = new RatingSubmitted(UUID.randomUUID(), "northmoor", "waste", Channel.WEB, "/bench/1", Scale.FACES_3, 2,
            List.of("quick"), "Easy to report a missed bin.", Map.of(KeyArea.TIMELINESS, 5),
            Map.of("age_band", "35_44", "disability", "prefer_not_to_say"), Instant.parse("2026-11-20T09:15:30Z"), now, 1);
        measure("EventCodec.encode(rating)", 200_000, i -> EventCodec.encode(r));
        measure("rating.contractErrors() (isCode x5)", 500_000, i -> r.contractErrors());
        boolean iso = true;
        try { Class.forName("uk.civicpulse.events.IsoInstants"); } catch (ClassNotFoundException e) { iso = false; }
        String t = "2026-11-20T09:15:30Z";
        if (iso) {
            java.lang.reflect.Method m = Class.forName("uk.civicpulse.events.IsoInstants").getMethod("parse", CharSequence.class);
            java.lang.invoke.MethodHandle h = java.lang.invoke.MethodHandles.lookup().unreflect(m);
            measure("IsoInstants.parse(submittedAt)", 500_000, i -> { try { return h.invoke((CharSequence) t); } catch (Throwable e) { throw new RuntimeException(e); } });
        }
        measure("Instant.parse(submittedAt)", 500_000, i -> Instant.parse(t));
        // The ack timeout per rating: schedule, then cancel when the ack comes.
        if (a.length > 0 && a[0].equals("timer")) {
            measure("orTimeout + exceptionallyCompose, completed", 200_000, i -> {
                CompletableFuture<Object> f = new CompletableFuture<>();
                CompletableFuture<Object> g = f.orTimeout(5000, TimeUnit.MILLISECONDS).exceptionallyCompose(e -> CompletableFuture.failedFuture(e));
                f.complete("x"); return g; });
            io.netty.util.HashedWheelTimer wheel = new io.netty.util.HashedWheelTimer(100, TimeUnit.MILLISECONDS);
            measure("HashedWheelTimer newTimeout + cancel, completed", 200_000, i -> {
                CompletableFuture<Object> f = new CompletableFuture<>();
                io.netty.util.Timeout to = wheel.newTimeout(x -> f.completeExceptionally(new TimeoutException()), 5000, TimeUnit.MILLISECONDS);
                to.cancel(); f.complete("x"); return f; });
            wheel.stop();
            for (boolean inline : new boolean[]{false, true}) {
                Caffeine<Object, Object> b = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofHours(24));
                if (inline) b = b.executor(Runnable::run);
                Cache<UUID, Boolean> c = b.build();
                for (int i = 0; i < 100_000; i++) c.put(UUID.randomUUID(), Boolean.TRUE);
                UUID[] ids = new UUID[200_000];
                for (int i = 0; i < ids.length; i++) ids[i] = UUID.randomUUID();
                measure("full 100k Caffeine: contains + put, executor " + (inline ? "inline" : "common pool"), 200_000,
                    i -> { c.getIfPresent(ids[i]); c.put(ids[i], Boolean.TRUE); return c; });
            }
        }
    }
}
