package io.shipbridge.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A {@code RequestHandler}'s event and answer as the Lambda Java runtime reads and writes them: with its own
 * serialization library (its own shaded Jackson and the events' mix-ins), which is the runtime's, not in the jar. Priming
 * runs that library over a sample event and answer when the runtime is there (in Lambda, and wherever its library is on
 * the class path): the first request's event then meets those classes loaded and that code run. Nowhere else does
 * anything.
 *
 * @param eventType the handler's event class
 * @param sample    an event of that class, as Lambda delivers it (made-up values)
 * @param answer    an answer of the handler's answer class
 */
record RuntimeEventJson(Class<?> eventType, String sample, Object answer) {
    private static final String SERIALIZATION = "com.amazonaws.services.lambda.runtime.serialization.";

    /** An SQS event source's batch of one message, and its answer. */
    static RuntimeEventJson sqs() {
        return new RuntimeEventJson(com.amazonaws.services.lambda.runtime.events.SQSEvent.class, """
                {"Records": [{"messageId": "priming", "receiptHandle": "priming", "body": "{}",
                  "attributes": {"ApproximateReceiveCount": "1", "SentTimestamp": "1767225600000",
                    "SenderId": "priming", "ApproximateFirstReceiveTimestamp": "1767225600000"},
                  "messageAttributes": {}, "md5OfBody": "99914b932bd37a50b983c5e7c90ae93b", "eventSource": "aws:sqs",
                  "eventSourceARN": "arn:aws:sqs:eu-west-1:000000000000:priming", "awsRegion": "eu-west-1"}]}""",
                SQSBatchResponse.builder().withBatchItemFailures(List.of(SQSBatchResponse.BatchItemFailure.builder()
                        .withItemIdentifier("priming").build())).build());
    }

    /** An HTTP API (payload 2.0) request signed with IAM, and its answer. */
    static RuntimeEventJson httpApi() {
        return new RuntimeEventJson(com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.class, """
                {"version": "2.0", "routeKey": "POST /priming/{id}", "rawPath": "/priming/1", "rawQueryString": "a=1",
                 "headers": {"content-type": "application/json", "webhook-id": "priming"},
                 "queryStringParameters": {"a": "1"}, "pathParameters": {"id": "1"},
                 "requestContext": {"accountId": "000000000000", "apiId": "priming",
                   "authorizer": {"iam": {"accessKey": "priming", "accountId": "000000000000", "callerId": "priming",
                     "principalOrgId": null, "userArn": "arn:aws:iam::000000000000:user/priming", "userId": "priming"}},
                   "domainName": "priming.invalid", "domainPrefix": "priming",
                   "http": {"method": "POST", "path": "/priming/1", "protocol": "HTTP/1.1", "sourceIp": "192.0.2.1",
                     "userAgent": "priming"},
                   "requestId": "priming", "routeKey": "POST /priming/{id}", "stage": "$default",
                   "time": "01/Jan/2026:00:00:00 +0000", "timeEpoch": 1767225600000},
                 "body": "{}", "isBase64Encoded": false}""",
                APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                        .withHeaders(Map.of("Content-Type", "application/json")).withBody("{}").build());
    }

    /**
     * Reads the sample and writes the answer as the runtime would, when its library is there.
     *
     * @return false when the library is there and failed; true when it ran, or is not there
     */
    boolean prime(ClassLoader loader) {
        Class<?> events;
        try {
            events = Class.forName(SERIALIZATION + "events.LambdaEventSerializers", true, loader);
        } catch (ClassNotFoundException | LinkageError notTheLambdaRuntime) {
            return true;
        }
        try {
            Class<?> pojo = Class.forName(SERIALIZATION + "PojoSerializer", true, loader);
            pojo.getMethod("fromJson", InputStream.class).invoke(serializer(events, eventType, loader),
                    new ByteArrayInputStream(sample.getBytes(StandardCharsets.UTF_8)));
            pojo.getMethod("toJson", Object.class, OutputStream.class).invoke(serializer(events, answer.getClass(),
                    loader), answer, OutputStream.nullOutputStream());
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** As the runtime chooses: its event serializers for its event classes, its Jackson for anything else. */
    private static Object serializer(Class<?> events, Class<?> type, ClassLoader loader)
            throws ReflectiveOperationException {
        if ((Boolean) events.getMethod("isLambdaSupportedEvent", String.class).invoke(null, type.getName())) {
            return events.getMethod("serializerFor", Class.class, ClassLoader.class).invoke(null, type, loader);
        }
        Class<?> jackson = Class.forName(SERIALIZATION + "factories.JacksonFactory", true, loader);
        return jackson.getMethod("getSerializer", Class.class).invoke(jackson.getMethod("getInstance").invoke(null),
                type);
    }
}
