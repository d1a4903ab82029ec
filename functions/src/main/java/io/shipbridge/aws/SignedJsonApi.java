package io.shipbridge.aws;

import com.amazonaws.xray.AWSXRay;
import com.amazonaws.xray.entities.Subsegment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * An AWS JSON API called without the service's SDK module, whose model classes would weigh megabytes in the jar for
 * the one or two operations a function makes: the request's JSON as the SDK marshals it, signed (SigV4) by the SDK's
 * own signer, sent by the SDK's HTTP client the other AWS clients use. Service errors come back as
 * {@link AwsApiException}s with the service's error code and message; a call that gets no answer as an
 * {@link UncheckedIOException}. Calls are not retried here: every caller already tries again later.
 */
public final class SignedJsonApi {

    /**
     * How requests reach the operations: REST-JSON paths (SES v2), or JSON 1.1 targets on {@code /} (Transfer,
     * Secrets Manager).
     */
    public enum Protocol {
        REST_JSON, JSON_1_1
    }

    /**
     * @param iamPrefix    the service's IAM prefix, which is also its signing name
     * @param xrayName     the service's name in X-Ray traces, as the X-Ray SDK names the SDK's calls
     * @param hostPrefix   the first label of its regional endpoint
     * @param targetPrefix JSON 1.1's {@code X-Amz-Target} prefix (null for REST-JSON)
     */
    public record Service(String iamPrefix, String xrayName, String hostPrefix, Protocol protocol,
            String targetPrefix) {

        /** The service's regional endpoint in AWS. */
        public URI endpoint(String region) {
            return URI.create("https://" + hostPrefix + "." + region + ".amazonaws.com"
                    + (region.startsWith("cn-") ? ".cn" : ""));
        }
    }

    public static final Service SES_V2 = new Service("ses", "SESv2", "email", Protocol.REST_JSON, null);
    public static final Service TRANSFER = new Service("transfer", "Transfer", "transfer", Protocol.JSON_1_1,
            "TransferService");
    public static final Service SECRETS_MANAGER = new Service("secretsmanager", "SecretsManager", "secretsmanager",
            Protocol.JSON_1_1, "secretsmanager");

    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private final Service service;
    private final URI endpoint;
    private final String region;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private final List<AwsApiInterceptor> interceptors;
    private final boolean tracing;

    /** @param tracing whether each call is an X-Ray subsegment (the function has active tracing) */
    public SignedJsonApi(Service service, URI endpoint, String region, AwsCredentialsProvider credentials,
            SdkHttpClient http, List<AwsApiInterceptor> interceptors, boolean tracing) {
        this.service = service;
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
        this.http = http;
        this.interceptors = List.copyOf(interceptors);
        this.tracing = tracing;
    }

    /**
     * Calls {@code operation} with {@code request}: REST-JSON posts it to {@code path}, JSON 1.1 to {@code /}.
     *
     * @return the service's JSON answer
     */
    public JsonNode call(String operation, String path, ObjectNode request) {
        AwsApiCall call = new AwsApiCall(service.iamPrefix(), operation, request);
        Subsegment subsegment = tracing ? AWSXRay.beginSubsegment(service.xrayName()) : null;
        try {
            interceptors.forEach(interceptor -> interceptor.beforeApiCall(call));
            JsonNode answer = send(operation, service.protocol() == Protocol.REST_JSON ? path : "/", request,
                    subsegment);
            interceptors.forEach(interceptor -> interceptor.afterApiCall(call));
            return answer;
        } catch (RuntimeException e) {
            interceptors.forEach(interceptor -> interceptor.onApiCallFailure(call, e));
            if (subsegment != null) {
                subsegment.addException(e);
            }
            throw e;
        } finally {
            if (subsegment != null) {
                AWSXRay.endSubsegment();
            }
        }
    }

    private JsonNode send(String operation, String path, ObjectNode request, Subsegment subsegment) {
        byte[] body = Json.write(request).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        SdkHttpRequest.Builder http = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(endpoint.resolve(path)).putHeader("Content-Length", Integer.toString(body.length));
        if (service.protocol() == Protocol.JSON_1_1) {
            http.putHeader("Content-Type", "application/x-amz-json-1.1")
                    .putHeader("X-Amz-Target", service.targetPrefix() + "." + operation);
        } else {
            http.putHeader("Content-Type", "application/json");
        }
        SignedRequest signed = SIGNER.sign(r -> r.identity(credentials.resolveCredentials()).request(http.build())
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service.iamPrefix())
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        if (subsegment != null) {
            subsegment.setNamespace("aws");
            subsegment.putAws("operation", operation);
            subsegment.putAws("region", region);
        }
        try {
            HttpExecuteResponse response = this.http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request()).contentStreamProvider(signed.payload().orElse(null)).build()).call();
            int status = response.httpResponse().statusCode();
            byte[] answer = response.responseBody().isPresent() ? readAll(response.responseBody().get())
                    : new byte[0];
            if (subsegment != null) {
                subsegment.putHttp("response", Map.of("status", status));
            }
            if (status >= 300) {
                throw error(operation, status, response.httpResponse().firstMatchingHeader("x-amzn-ErrorType")
                        .orElse(null), answer);
            }
            return answer.length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(answer);
        } catch (IOException e) {
            throw new UncheckedIOException("Unable to call " + service.xrayName() + " " + operation + " at "
                    + endpoint.getHost() + ": " + e.getMessage(), e);
        }
    }

    /** The service's error: its code from the error-type header or the body's {@code __type}, and its message. */
    private AwsApiException error(String operation, int status, String typeHeader, byte[] body) {
        JsonNode error;
        try {
            error = body.length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(body);
        } catch (IOException notJson) {
            error = Json.MAPPER.createObjectNode();
        }
        String type = typeHeader != null ? typeHeader : error.path("__type").asText(error.path("code").asText(
                "Unknown"));
        type = type.substring(type.lastIndexOf('#') + 1);
        if (type.contains(":")) {
            type = type.substring(0, type.indexOf(':'));
        }
        String message = error.path("message").asText(error.path("Message").asText(
                body.length == 0 ? "(no message)" : new String(body, java.nio.charset.StandardCharsets.UTF_8)));
        return new AwsApiException(service.iamPrefix(), operation, status, type, message);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
