package io.shipbridge.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The input of an order's execution: the order, and where to resume it when a retry does (absent for a new order,
 * which starts at AcceptOrder). The callback timeouts are part of the definition, set per deployment.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExecutionInput(String orderId, Resume resume) {

    /** @param at the state machine step to start at */
    public record Resume(String at) {
    }

    public static ExecutionInput newOrder(String orderId) {
        return new ExecutionInput(orderId, null);
    }

    public static ExecutionInput resumeAt(String orderId, WorkflowStep step) {
        return new ExecutionInput(orderId, new Resume(step.stateName()));
    }
}
