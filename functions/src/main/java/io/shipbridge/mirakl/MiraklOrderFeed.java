package io.shipbridge.mirakl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
     */
    public record Result(List<MiraklOrder> orders, int pages, int received, List<String> unreadable) {

        public int duplicates() {
            return received - orders.size() - unreadable.size();
        }
    }

    public Result fetch(OrderQuery query) {
        Map<String, MiraklOrder> byId = new LinkedHashMap<>();
        List<String> unreadable = new ArrayList<>();
        int offset = 0;
        int pages = 0;
        int received = 0;
        while (pages < MAX_PAGES) {
            MiraklClient.Page page = client.listOrders(query, offset, PAGE_SIZE);
            pages++;
            received += page.size();
            unreadable.addAll(page.unreadable());
            for (MiraklOrder order : page.orders()) {
                if (order.orderId() == null || order.orderId().isBlank()) {
                    unreadable.add("an order without order_id at offset " + offset);
                    continue;
                }
                byId.merge(order.orderId(), order, MiraklOrderFeed::newer);
            }
            offset += page.size();
            if (page.size() == 0 || offset >= page.totalCount()) {
                break;
            }
        }
        return new Result(List.copyOf(byId.values()), pages, received, unreadable);
    }

    private static MiraklOrder newer(MiraklOrder kept, MiraklOrder other) {
        Instant keptAt = kept.lastUpdatedDate();
        Instant otherAt = other.lastUpdatedDate();
        return keptAt == null || (otherAt != null && otherAt.isAfter(keptAt)) ? other : kept;
    }
}
