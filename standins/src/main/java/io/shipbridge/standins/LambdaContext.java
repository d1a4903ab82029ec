package io.shipbridge.standins;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** The Lambda context of one in-process invocation: its function, its request id and the time it has left. */
public final class LambdaContext implements Context {
    private final String functionName;
    private final String arn;
    private final int memoryMb;
    private final long deadlineNanos;
    private final String logStream;
    private final String requestId = UUID.randomUUID().toString();

    public LambdaContext(String functionName, String arn, int memoryMb, Duration timeout, String logStream) {
        this.functionName = functionName;
        this.arn = arn;
        this.memoryMb = memoryMb;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
        this.logStream = logStream;
    }

    /** A context for calling a handler directly in a test: 1024 MB, 30 seconds. */
    public static LambdaContext of(String functionName) {
        return new LambdaContext(functionName, "arn:aws:lambda:" + LocalAws.REGION + ":" + LocalAws.ACCOUNT_ID
                + ":function:" + functionName, 1024, Duration.ofSeconds(30), "test");
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return logStream;
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return arn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                System.out.println(message);
            }

            @Override
            public void log(byte[] message) {
                System.out.println(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
