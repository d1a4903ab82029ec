package io.shipbridge.storage;

import io.shipbridge.order.OrderState;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The single-table key schema (template.yaml lists it too). */
final class Keys {
    static final String PK = "pk";
    static final String SK = "sk";
    static final String GSI1 = "gsi1";
    static final String GSI1_PK = "gsi1pk";
    static final String GSI1_SK = "gsi1sk";
    static final String EXPIRES_AT = "expiresAt";

    static final String VIEW = "VIEW";
    static final String VIEW_ORDER = "VIEW#ORDER";
    static final String HISTORY_PREFIX = "HISTORY#";
    static final String EVENT_PREFIX = "EVENT#";
    static final String WAIT_PREFIX = "WAIT#";
    static final String SHIPMENT = "SHIPMENT";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);

    private Keys() {
    }

    static String order(String orderId) {
        return "ORDER#" + orderId;
    }

    /** Zero-padded so history rows sort by sequence. */
    static String history(long sequence) {
        return HISTORY_PREFIX + String.format("%08d", sequence);
    }

    static String event(String eventId) {
        return EVENT_PREFIX + eventId;
    }

    static String ordersInState(OrderState state) {
        return "STATE#" + state.name();
    }

    static String shipment(String carrier, String trackingNumber) {
        return "SHIPMENT#" + carrier + "#" + trackingNumber;
    }

    /** Tracking events for a tracking number no shipment has. */
    static String unmatched(String carrier, String trackingNumber) {
        return "UNMATCHED#" + carrier + "#" + trackingNumber;
    }

    static String inFlight(String carrier) {
        return "INFLIGHT#" + carrier;
    }

    /** A carrier's daily hand-overs: the shipments waiting for one, and each day's close. */
    static String handovers(String carrier) {
        return "HANDOVER#" + carrier;
    }

    /** Shipment numbers Shipbridge gives out from a carrier's range. */
    static String numbers(String carrier) {
        return "NUMBERS#" + carrier;
    }

    /** A webhook delivery Shipbridge queued, remembered through the replay window. */
    static String webhookReceipt(String carrier, String webhookId) {
        return "WEBHOOK#" + carrier + "#" + webhookId;
    }

    static String operationsOfDay(Instant at) {
        return "OPS#" + DAY.format(at);
    }

    static String operationsOfOrder(String orderId) {
        return "OPS#ORDER#" + orderId;
    }
}
