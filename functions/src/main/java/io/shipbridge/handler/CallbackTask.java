package io.shipbridge.handler;

/**
 * The input of a state machine task that acts and then waits for a callback ({@code .waitForTaskToken}):
 * {@code {"orderId": "...", "taskToken": "..."}}.
 */
public record CallbackTask(String orderId, String taskToken) {

    public CallbackTask {
        if (orderId == null || orderId.isBlank() || taskToken == null || taskToken.isBlank()) {
            throw new IllegalArgumentException("The task input needs orderId and taskToken");
        }
    }
}
