package io.shipbridge.order;

import java.util.Map;

/**
 * A change of an order's state, with who asks for it and why. {@code shipment} and {@code failureReason} are written
 * to the view in the same atomic write when present.
 */
public record TransitionRequest(
        OrderState to,
        String actor,
        String reason,
        Map<String, String> details,
        Shipment shipment,
        String failureReason) {

    public TransitionRequest {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static TransitionRequest to(OrderState to, String actor, String reason) {
        return new TransitionRequest(to, actor, reason, Map.of(), null, null);
    }

    public TransitionRequest withDetails(Map<String, String> moreDetails) {
        return new TransitionRequest(to, actor, reason, moreDetails, shipment, failureReason);
    }

    public TransitionRequest withShipment(Shipment created) {
        return new TransitionRequest(to, actor, reason, details, created, failureReason);
    }

    public TransitionRequest withFailureReason(String why) {
        return new TransitionRequest(to, actor, reason, details, shipment, why);
    }
}
