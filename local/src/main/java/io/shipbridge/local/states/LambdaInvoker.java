package io.shipbridge.local.states;

import com.fasterxml.jackson.databind.JsonNode;

/** How the state machine reaches Lambda functions: synchronously, in the offline cloud's functions. */
@FunctionalInterface
public interface LambdaInvoker {

    /**
     * Invokes the function with the payload and returns its response.
     *
     * @throws StatesError named after the function's error (its exception class, or {@code Sandbox.Timedout}), with
     *                     Lambda's error document as cause
     */
    JsonNode invoke(String functionNameOrArn, JsonNode payload);
}
