package io.shipbridge.local.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.config.Json;
import io.shipbridge.local.cloud.FunctionError;
import io.shipbridge.local.cloud.FunctionTarget;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * A deployed function, invoked synchronously through Lambda's API at its {@code live} alias, as the template's
 * callers invoke it. A function of reserved concurrency 1 (the poller, the daily close) may be busy with a run of
 * LocalStack's own schedule: it is tried again until it is free, within a few minutes.
 */
final class LambdaTarget implements FunctionTarget {
    private static final Duration WHILE_BUSY = Duration.ofMinutes(3);

    private final LambdaClient lambda;
    private final String logicalId;
    private final String functionName;

    LambdaTarget(LambdaClient lambda, String logicalId, String functionName) {
        this.lambda = lambda;
        this.logicalId = logicalId;
        this.functionName = functionName;
    }

    @Override
    public String name() {
        return logicalId;
    }

    @Override
    public byte[] invoke(byte[] event) {
        InvokeResponse response = invokeWhenFree(event);
        if (response.functionError() != null) {
            JsonNode error = Json.read(response.payload().asUtf8String(), JsonNode.class);
            throw FunctionError.of(error.path("errorType").asText(response.functionError()),
                    error.path("errorMessage").asText(response.payload().asUtf8String()));
        }
        return response.payload().asByteArray();
    }

    /** Invokes it with a JSON event and reads its JSON answer. */
    JsonNode call(JsonNode event) {
        return Json.read(new String(invoke(Json.write(event).getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8), JsonNode.class);
    }

    private InvokeResponse invokeWhenFree(byte[] event) {
        long giveUp = System.nanoTime() + WHILE_BUSY.toNanos();
        while (true) {
            try {
                return lambda.invoke(i -> i.functionName(functionName).qualifier("live")
                        .payload(SdkBytes.fromByteArray(event)));
            } catch (TooManyRequestsException busy) {
                if (System.nanoTime() > giveUp) {
                    throw new IllegalStateException(logicalId + " stayed busy for " + WHILE_BUSY.toMinutes()
                            + " minutes", busy);
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a busy function", e);
        }
    }
}
