package io.shipbridge.app;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Lets priming run an AWS call the whole way and still send nothing: built, marshalled, resolved to its endpoint,
 * signed, traced, its body streamed, then answered here, in the process, with an empty success of the call's protocol
 * (or, for {@link #runFailing}, the error a conditional write or a stale token gets), and that answer unmarshalled as a
 * real one would be. What a first request loads and initializes on that way, there and back, is then loaded; no call
 * reaches AWS (so none needs a permission or changes anything). Only calls made by the thread running priming, through
 * the functions' one AWS HTTP client ({@link #wrap}), are answered so; every other call goes out as usual.
 */
final class DryRun {
    private enum Answer { SUCCESS, FAILURE }

    private static final ThreadLocal<Answer> ACTIVE = new ThreadLocal<>();

    private DryRun() {
    }

    /** Runs {@code call}, its AWS calls answered with empty successes; false when it failed all the same. */
    static boolean run(Runnable call) {
        ACTIVE.set(Answer.SUCCESS);
        try {
            call.run();
            return true;
        } catch (RuntimeException e) {
            return false;
        } finally {
            ACTIVE.remove();
        }
    }

    /** Runs {@code call}, its AWS calls answered with the service's usual refusal; false when it did not fail so. */
    static boolean runFailing(Runnable call) {
        ACTIVE.set(Answer.FAILURE);
        try {
            call.run();
            return false;
        } catch (AwsServiceException refused) {
            return true;
        } catch (RuntimeException e) {
            return false;
        } finally {
            ACTIVE.remove();
        }
    }

    /** {@code http}, with the calls of a dry run answered in the process instead of sent. */
    static SdkHttpClient wrap(SdkHttpClient http) {
        return new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                Answer answer = ACTIVE.get();
                return answer == null ? http.prepareRequest(request) : answered(request, answer);
            }

            @Override
            public String clientName() {
                return http.clientName();
            }

            @Override
            public void close() {
                http.close();
            }
        };
    }

    private static ExecutableHttpRequest answered(HttpExecuteRequest request, Answer answer) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                if (request.contentStreamProvider().isPresent()) {
                    // As the HTTP client would send it: signing of chunks and checksums happen as it is read.
                    try (InputStream body = request.contentStreamProvider().get().newStream()) {
                        body.transferTo(OutputStream.nullOutputStream());
                    }
                }
                String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse(null);
                return target != null ? json(target, answer) : rest(request.httpRequest().method().name(), answer);
            }

            @Override
            public void abort() {
                // Nothing under way to abort.
            }
        };
    }

    /** DynamoDB, SQS, Step Functions, Secrets Manager: the AWS JSON protocol, the operation in X-Amz-Target. */
    private static HttpExecuteResponse json(String target, Answer answer) {
        String operation = target.substring(target.indexOf('.') + 1);
        if (answer == Answer.SUCCESS) {
            return response(200, "application/x-amz-json-1.0", switch (operation) {
                // With what the SDK checks of these answers: each message's MD5 (of a body "{}"), the secret's text.
                case "SendMessageBatch" -> "{\"Successful\":[{\"Id\":\"0\",\"MessageId\":\"dry-run\","
                        + "\"MD5OfMessageBody\":\"99914b932bd37a50b983c5e7c90ae93b\"}],\"Failed\":[]}";
                case "GetSecretValue" -> "{\"ARN\":\"dry-run\",\"Name\":\"dry-run\",\"SecretString\":\"{}\","
                        + "\"VersionId\":\"dry-run\",\"VersionStages\":[\"AWSCURRENT\"],\"CreatedDate\":1767225600}";
                default -> "{}";
            });
        }
        String error = switch (operation) {
            case "TransactWriteItems" -> "{\"__type\":\"TransactionCanceledException\",\"message\":\"dry run\","
                    + "\"CancellationReasons\":[{\"Code\":\"ConditionalCheckFailed\"}]}";
            case "StartExecution" -> "{\"__type\":\"ExecutionAlreadyExists\",\"message\":\"dry run\"}";
            case "SendTaskSuccess", "SendTaskFailure" -> "{\"__type\":\"TaskTimedOut\",\"message\":\"dry run\"}";
            default -> "{\"__type\":\"ConditionalCheckFailedException\",\"message\":\"dry run\"}";
        };
        return response(400, "application/x-amz-json-1.0", error);
    }

    /** S3: REST and XML; a read answers "{}", a write an ETag, a failure S3's "no such key". */
    private static HttpExecuteResponse rest(String method, Answer answer) {
        if (answer == Answer.FAILURE) {
            return response(404, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey"
                    + "</Code><Message>dry run</Message></Error>");
        }
        return method.equals("GET") ? response(200, "application/json", "{}")
                : response(method.equals("DELETE") ? 204 : 200, "application/xml", "");
    }

    private static HttpExecuteResponse response(int status, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(status)
                .putHeader("Content-Type", contentType)
                .putHeader("Content-Length", Integer.toString(bytes.length))
                .putHeader("x-amzn-RequestId", "dry-run")
                .putHeader("ETag", "\"99914b932bd37a50b983c5e7c90ae93b\"");
        return HttpExecuteResponse.builder().response(response.build())
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes))).build();
    }
}
