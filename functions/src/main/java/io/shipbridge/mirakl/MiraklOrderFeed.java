package io.shipbridge.mirakl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
     * @param unreadable entries that could not be read, with the reason
     * @param complete   false when the read stopped before the last page (its time was up)
     */
    public record Result(List<MiraklOrder> orders, int pages, int received, List<String> unreadable,
            boolean complete) {

        public int duplicates() {
            return received - orders.size() - unreadable.size();
        }
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
    public Result fetch(OrderQuery query, Consumer<List<MiraklOrder>> eachPage, BooleanSupplier keepGoing) {
        Map<String, MiraklOrder> byId = new LinkedHashMap<>();
        List<String> unreadable = new ArrayList<>();
        int offset = 0;
        int pages = 0;
        int received = 0;
        boolean complete = false;
        while (pages < MAX_PAGES && (pages == 0 || keepGoing.getAsBoolean())) {
            MiraklClient.Page page = client.listOrders(query, offset, PAGE_SIZE);
            pages++;
            received += page.size();
            unreadable.addAll(page.unreadable());
            List<MiraklOrder> fresh = new ArrayList<>();
            for (MiraklOrder order : page.orders()) {
                if (order.orderId() == null || order.orderId().isBlank()) {
                    unreadable.add("an order without order_id at offset " + offset);
                    continue;
                }
                MiraklOrder kept = byId.merge(order.orderId(), order, MiraklOrderFeed::newer);
                if (kept == order) {
                    fresh.add(order);
                }
            }
            eachPage.accept(fresh);
            offset += page.size();
            if (page.size() == 0 || offset >= page.totalCount()) {
                complete = true;
                break;
            }
        }
        return new Result(List.copyOf(byId.values()), pages, received, unreadable, complete);
    }

    private static MiraklOrder newer(MiraklOrder kept, MiraklOrder other) {
        Instant keptAt = kept.lastUpdatedDate();
        Instant otherAt = other.lastUpdatedDate();
        return keptAt == null || (otherAt != null && otherAt.isAfter(keptAt)) ? other : kept;
    }
}
