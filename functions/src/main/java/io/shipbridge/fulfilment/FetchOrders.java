package io.shipbridge.fulfilment;

import io.shipbridge.mirakl.MiraklOrder;
import io.shipbridge.mirakl.MiraklOrderFeed;
import io.shipbridge.mirakl.MiraklOrderStates;
import io.shipbridge.mirakl.OrderQuery;
import io.shipbridge.mirakl.UnusableOrder;
import io.shipbridge.storage.FetchCursorStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One run of order intake. The scheduled run asks OR11 for orders updated since the previous run started, minus an
 * overlap, and moves the cursor only when the whole run succeeded; the daily sweep looks back several days and
 * leaves the cursor alone; a manual run takes its own start. Orders are taken in a few at a time.
 */
public final class FetchOrders {
    private static final Logger LOG = LoggerFactory.getLogger(FetchOrders.class);
    public static final String CURSOR = "mirakl-or11";
    private static final int PARALLELISM = 8;

    private final MiraklOrderFeed feed;
    private final OrderIntake intake;
    private final FetchCursorStore cursor;
    private final Clock clock;
    private final Settings settings;

    /**
     * @param overlap         how far before the previous start to look again (late-visible orders, clock skew)
     * @param firstLookback   how far back the very first run looks
     * @param sweepLookback   how far back the daily sweep looks
     */
    public record Settings(Duration overlap, Duration firstLookback, Duration sweepLookback) {
    }

    /** What a run asks for: {@code schedule}, {@code sweep}, or {@code manual} with an optional {@code since}. */
    public record Request(String trigger, Instant since) {
    }

    /**
     * What a run did, per outcome.
     *
     * @param complete false when the run stopped before the last page to stay within its time: what it read is
     *                 taken in, the cursor stays, and the next run reads on (its first pages are quick duplicates)
     */
    public record Summary(String trigger, Instant since, int pages, int received, int duplicates,
            Map<OrderIntake.Outcome, Integer> outcomes, List<String> unreadable, boolean complete) {
    }

    public FetchOrders(MiraklOrderFeed feed, OrderIntake intake, FetchCursorStore cursor, Clock clock,
            Settings settings) {
        this.feed = feed;
        this.intake = intake;
        this.cursor = cursor;
        this.clock = clock;
        this.settings = settings;
    }

    public Summary run(Request request) {
        return run(request, Duration.ofDays(1));
    }

    /**
     * @param budget how long the run may read pages for, in real time (the function's remaining time less a margin):
     *               a run that meets a backlog larger than it can take in at once stops in time and leaves the rest
     *               to the next, instead of being cut off by its timeout
     */
    public Summary run(Request request, Duration budget) {
        return run(request, budget, created -> { });
    }

    /**
     * @param created told, page by page, how many orders were created: a run that fails on a later page has still
     *                taken those in (the next run finds them already there), so they are counted as they happen
     */
    public Summary run(Request request, Duration budget, IntConsumer created) {
        return runReporting(request, budget, taken -> created.accept(taken.getOrDefault(OrderIntake.Outcome.CREATED,
                0)));
    }

    /**
     * @param eachPage told, page by page, what became of the page's orders (created, not taken in...), for metrics
     *                 that count what happened even when a later page fails
     */
    public Summary runReporting(Request request, Duration budget,
            Consumer<Map<OrderIntake.Outcome, Integer>> eachPage) {
        Instant started = clock.instant();
        String trigger = request.trigger() == null ? "schedule" : request.trigger();
        try {
            Summary summary = fetch(request, started, trigger, System.nanoTime() + budget.toNanos(), eachPage);
            cursor.recordRun(CURSOR, new FetchCursorStore.LastRun(clock.instant(), trigger, true, summary.toString()));
            return summary;
        } catch (RuntimeException e) {
            try {
                cursor.recordRun(CURSOR, new FetchCursorStore.LastRun(clock.instant(), trigger, false, e.toString()));
            } catch (RuntimeException notRecorded) {
                e.addSuppressed(notRecorded);
            }
            throw e;
        }
    }

    /** How the last run ended, for the operator's health view. */
    public Optional<FetchCursorStore.LastRun> lastRun() {
        return cursor.lastRun(CURSOR);
    }

    private static OrderIntake.Outcome correlated(String orderId, Supplier<OrderIntake.Outcome> work) {
        if (orderId != null) {
            MDC.put("correlation_id", orderId);
        }
        try {
            return work.get();
        } finally {
            MDC.remove("correlation_id");
        }
    }

    private Summary fetch(Request request, Instant started, String trigger, long deadlineNanos,
            Consumer<Map<OrderIntake.Outcome, Integer>> eachPage) {
        Instant since = switch (trigger) {
            case "sweep" -> started.minus(settings.sweepLookback());
            case "manual" -> request.since() != null ? request.since() : scheduledStart(started);
            default -> scheduledStart(started);
        };
        Map<OrderIntake.Outcome, Integer> outcomes = new EnumMap<>(OrderIntake.Outcome.class);
        // Each page is taken in before the next is read: a fault on page 60 keeps the work of pages 1 to 59.
        MiraklOrderFeed.Result fetched = feed.fetch(OrderQuery.updatedSince(since, MiraklOrderStates.FETCHED),
                page -> {
                    Map<OrderIntake.Outcome, Integer> taken = ingestAll(page);
                    taken.forEach((outcome, count) -> outcomes.merge(outcome, count, Integer::sum));
                    eachPage.accept(taken);
                },
                () -> System.nanoTime() < deadlineNanos);
        if ("schedule".equals(trigger) && fetched.complete()) {
            cursor.advance(CURSOR, started);
        }
        Summary summary = new Summary(trigger, since, fetched.pages(), fetched.received(), fetched.duplicates(),
                outcomes, fetched.unreadable(), fetched.complete());
        if (fetched.complete()) {
            LOG.info("Fetched orders: {}", summary);
        } else {
            LOG.warn("Fetched orders for as long as this run could, the next run reads on: {}", summary);
        }
        return summary;
    }

    private Instant scheduledStart(Instant now) {
        return cursor.get(CURSOR).map(last -> last.minus(settings.overlap()))
                .orElse(now.minus(settings.firstLookback()));
    }

    private Map<OrderIntake.Outcome, Integer> ingestAll(MiraklOrderFeed.FeedPage page) {
        Map<OrderIntake.Outcome, Integer> outcomes = new EnumMap<>(OrderIntake.Outcome.class);
        ExecutorService pool = Executors.newFixedThreadPool(PARALLELISM);
        try {
            List<Future<OrderIntake.Outcome>> pending = new ArrayList<>();
            for (MiraklOrder order : page.orders()) {
                pending.add(pool.submit(() -> correlated(order.orderId(), () -> intake.ingest(order))));
            }
            for (UnusableOrder order : page.unusable()) {
                pending.add(pool.submit(() -> correlated(order.hasUsableId() ? order.orderId() : null,
                        () -> intake.ingest(order))));
            }
            RuntimeException firstFailure = null;
            for (Future<OrderIntake.Outcome> outcome : pending) {
                try {
                    outcomes.merge(outcome.get(), 1, Integer::sum);
                } catch (ExecutionException e) {
                    LOG.error("An order could not be taken in; the next run tries again", e.getCause());
                    if (firstFailure == null) {
                        firstFailure = e.getCause() instanceof RuntimeException r ? r
                                : new IllegalStateException(e.getCause());
                    }
                }
            }
            if (firstFailure != null) {
                // The cursor must not move past orders that were not taken in: fail the run, the next one retries.
                throw firstFailure;
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while taking orders in", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
