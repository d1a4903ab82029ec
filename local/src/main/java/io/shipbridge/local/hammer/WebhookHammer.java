package io.shipbridge.local.hammer;

import io.shipbridge.local.cloud.LocalFunction;
import io.shipbridge.local.cloud.OfflineCloud;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends what someone without a carrier's secret can send to the webhook route, at a multiple of the route's throttle,
 * for a while, then checks that nothing but the refusal counters changed: the table, the queues, the bucket and
 * every alarm's inputs are as they were. The schedules are paused first, so only the requests could change anything.
 */
public final class WebhookHammer {
    static final String ROUTE = "POST /api/v1/carriers/{carrier}/webhook";

    public record Settings(Duration length, double rateFactor, long seed) {
    }

    private WebhookHammer() {
    }

    public static HammerReport run(OfflineCloud cloud, Settings settings, PrintStream out) throws InterruptedException {
        cloud.pauseSchedules();
        awaitIdle(cloud);
        CloudState before = CloudState.of(cloud);
        Map<String, Double> rejectedBefore = rejections(cloud);
        long errorsBefore = errors(cloud);
        double throttle = cloud.rateLimit(ROUTE);
        double rate = throttle * settings.rateFactor();
        out.printf("Hammering %s for %d s at %.1f requests a second (its throttle: %.1f)%n", ROUTE,
                settings.length().toSeconds(), rate, throttle);

        HostileWebhooks hostile = new HostileWebhooks(cloud.apiUrl(), new SplittableRandom(settings.seed()));
        List<HostileWebhooks.Kind> kinds = hostile.kinds();
        SplittableRandom pick = new SplittableRandom(settings.seed() + 1);
        List<String> carriers = cloud.carriers().all().stream().map(c -> c.carrierId()).toList();
        Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
        AtomicLong failedToSend = new AtomicLong();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long sent = 0;
        long began = System.nanoTime();
        long intervalNanos = (long) (1e9 / rate);
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            while (System.nanoTime() - began < settings.length().toNanos()) {
                // Drawn at random: in a fixed rotation the throttle would refuse the same kinds every time.
                HttpRequest request = kinds.get(pick.nextInt(kinds.size())).make()
                        .apply(carriers.get(pick.nextInt(carriers.size())), cloud.time().instant());
                senders.submit(() -> {
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        byStatus.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    } catch (IOException | InterruptedException e) {
                        failedToSend.incrementAndGet();
                    }
                });
                sent++;
                long next = began + sent * intervalNanos;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        awaitIdle(cloud);
        CloudState after = CloudState.of(cloud);
        Map<String, Double> rejectedByReason = new TreeMap<>();
        rejections(cloud).forEach((reason, total) -> {
            double added = total - rejectedBefore.getOrDefault(reason, 0.0);
            if (added > 0) {
                rejectedByReason.put(reason, added);
            }
        });
        Map<Integer, Long> statuses = new TreeMap<>();
        byStatus.forEach((status, count) -> statuses.put(status, count.get()));
        return new HammerReport(seconds, rate, throttle, sent, failedToSend.get(), statuses, rejectedByReason,
                errors(cloud) - errorsBefore, before, after, after.differencesFrom(before));
    }

    /** Refusals so far, by reason: the function's {@code WebhooksRejected} by its {@code Reason} dimension. */
    private static Map<String, Double> rejections(OfflineCloud cloud) {
        Map<String, Double> byReason = new TreeMap<>();
        cloud.metrics().totals().forEach((name, total) -> {
            if (name.startsWith("WebhooksRejected|Reason=")) {
                byReason.put(name.substring("WebhooksRejected|Reason=".length()), total);
            }
        });
        return byReason;
    }

    private static long errors(OfflineCloud cloud) {
        return cloud.functions().values().stream().mapToLong(LocalFunction::errors).sum();
    }

    private static void awaitIdle(OfflineCloud cloud) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (cloud.functions().values().stream().anyMatch(f -> f.running() > 0)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Functions still running after 60 s");
            }
            Thread.sleep(50);
        }
    }
}
