package io.shipbridge.mirakl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * All orders matching an OR11 query: pages of 100 by offset until {@code total_count}, each order once. Mirakl
 * subtracts a margin from {@code start_update_date} and pages can shift while being read, so the same order can come
 * more than once; the copy with the latest {@code last_updated_date} is kept.
 */
public final class MiraklOrderFeed {
    public static final int PAGE_SIZE = 100;
    /** 100,000 orders in one fetch: far beyond a seller's five minutes; a guard against a server that never ends. */
    private static final int MAX_PAGES = 1000;

    private final MiraklClient client;

    public MiraklOrderFeed(MiraklClient client) {
        this.client = client;
    }

    /**
     * @param orders     each order once, in the order first seen
     * @param received   order entries received, duplicates included
     * @param unreadable orders that could not be read or have no usable order_id, with the reasons
     * @param complete   false when the read stopped before the last page (its time was up)
     */
    public record Result(List<MiraklOrder> orders, int pages, int received, List<String> unreadable,
            boolean complete) {

        public int duplicates() {
            return received - orders.size() - unreadable.size();
        }
    }

    /**
     * What one page brings that was not seen earlier in the read.
     *
     * @param unusable orders that cannot be taken in as they are: unreadable, or without a usable order_id
     */
    public record FeedPage(List<MiraklOrder> orders, List<UnusableOrder> unusable) {
    }

    public Result fetch(OrderQuery query) {
        return fetch(query, page -> { }, () -> true);
    }

    /**
     * Reads page by page, handing each page's orders (those not seen on an earlier page, or newer there) to
     * {@code eachPage} before reading the next, so that what was read is used even if a later page fails.
     *
     * @param keepGoing asked before each page after the first; false stops the read (the result is then not
     *                  complete)
     */
    public Result fetch(OrderQuery query, Consumer<FeedPage> eachPage, BooleanSupplier keepGoing) {
        Map<String, MiraklOrder> byId = new LinkedHashMap<>();
        Set<String> unusableIds = new HashSet<>();
        List<String> unreadable = new ArrayList<>();
        int offset = 0;
        int pages = 0;
        int received = 0;
        boolean complete = false;
        while (pages < MAX_PAGES && (pages == 0 || keepGoing.getAsBoolean())) {
            MiraklClient.Page page = client.listOrders(query, offset, PAGE_SIZE);
            pages++;
            received += page.size();
            List<UnusableOrder> unusable = new ArrayList<>();
            for (UnusableOrder order : page.unreadable()) {
                if (!order.hasUsableId() || unusableIds.add(order.orderId())) {
                    unusable.add(order);
                }
            }
            List<MiraklOrder> fresh = new ArrayList<>();
            for (MiraklOrder order : page.orders()) {
                var problem = OrderIds.problem(order.orderId());
                if (problem.isPresent()) {
                    unusable.add(UnusableOrder.of(order, List.of(problem.get())));
                    continue;
                }
                MiraklOrder kept = byId.merge(order.orderId(), order, MiraklOrderFeed::newer);
                if (kept == order) {
                    fresh.add(order);
                }
            }
            unusable.forEach(order -> unreadable.add(describe(order)));
            eachPage.accept(new FeedPage(fresh, unusable));
            offset += page.size();
            if (page.size() == 0 || offset >= page.totalCount()) {
                complete = true;
                break;
            }
        }
        return new Result(List.copyOf(byId.values()), pages, received, unreadable, complete);
    }

    /** For the run's summary: the id only when it is usable, the reasons (which never quote values). */
    private static String describe(UnusableOrder order) {
        String who = order.hasUsableId() ? "order " + order.orderId()
                : "an order without a usable order_id (" + OrderIds.fingerprint(order.orderId()) + ")";
        return who + ": " + String.join("; ", order.reasons());
    }

    private static MiraklOrder newer(MiraklOrder kept, MiraklOrder other) {
        Instant keptAt = kept.lastUpdatedDate();
        Instant otherAt = other.lastUpdatedDate();
        return keptAt == null || (otherAt != null && otherAt.isAfter(keptAt)) ? other : kept;
    }
}
