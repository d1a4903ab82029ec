package io.shipbridge.local.cloud;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;

/**
 * A failed invocation, as Lambda reports it: {@code errorType} is the fully qualified class name of the exception
 * the handler threw (or {@code Sandbox.Timedout}), the document is Lambda's {@code errorMessage, errorType,
 * stackTrace}.
 */
public final class FunctionError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String errorType;
    private final String document;

    FunctionError(String errorType, String errorMessage, StackTraceElement[] stack) {
        super(errorType + ": " + errorMessage);
        this.errorType = errorType;
        ObjectNode doc = Json.MAPPER.createObjectNode().put("errorMessage", errorMessage).put("errorType", errorType);
        ArrayNode trace = doc.putArray("stackTrace");
        for (int i = 0; stack != null && i < Math.min(stack.length, 10); i++) {
            trace.add(stack[i].toString());
        }
        this.document = doc.toString();
    }

    /** A failure a function reported elsewhere (a deployed function's {@code errorType} and {@code errorMessage}). */
    public static FunctionError of(String errorType, String errorMessage) {
        return new FunctionError(errorType, errorMessage, null);
    }

    static FunctionError of(Throwable thrown) {
        return new FunctionError(thrown.getClass().getName(), String.valueOf(thrown.getMessage()),
                thrown.getStackTrace());
    }

    public String errorType() {
        return errorType;
    }

    /** Lambda's error document, the {@code Cause} Step Functions passes on. */
    public String document() {
        return document;
    }
}
