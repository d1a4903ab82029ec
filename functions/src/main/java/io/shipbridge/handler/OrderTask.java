package io.shipbridge.handler;

/** The input of a state machine task about one order: {@code {"orderId": "..."}}. */
public record OrderTask(String orderId) {

    public OrderTask {
        if (orderId == null || orderId.isBlank()) {
            throw new IllegalArgumentException("The task input has no orderId");
        }
    }
}
