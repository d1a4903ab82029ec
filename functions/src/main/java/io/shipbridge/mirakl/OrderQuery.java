package io.shipbridge.mirakl;

import java.time.Instant;
import java.util.List;

/** OR11 filters: orders updated since {@code startUpdateDate}, in {@code states}; or the given order ids. */
public record OrderQuery(Instant startUpdateDate, List<String> states, List<String> orderIds) {

    public OrderQuery {
        states = states == null ? List.of() : List.copyOf(states);
        orderIds = orderIds == null ? List.of() : List.copyOf(orderIds);
    }

    public static OrderQuery updatedSince(Instant since, List<String> states) {
        return new OrderQuery(since, states, List.of());
    }

    public static OrderQuery byId(String orderId) {
        return new OrderQuery(null, List.of(), List.of(orderId));
    }
}
