package io.shipbridge.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.shipbridge.config.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * SES and Transfer Family calls as they leave the function, seen by a local HTTP server: the wire format the SDK's
 * clients use (REST-JSON path, JSON 1.1 target and content types), signed with SigV4 for the service and region, and
 * the services' errors turned into exceptions that carry their code and words.
 */
class SignedJsonApiTest {
    private record Received(String method, String path, Map<String, List<String>> headers, JsonNode body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final SdkHttpClient http = UrlConnectionHttpClient.create();
    private HttpServer server;
    private volatile int status = 200;
    private volatile Map<String, String> answerHeaders = Map.of();
    private volatile String answer = "{}";

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        http.close();
    }

    @Test
    void sendEmailIsPostedToItsRestPathAsJsonSignedForSesInTheRegion() {
        answer = "{\"MessageId\":\"0100-abc\"}";
        ObjectNode request = Json.MAPPER.createObjectNode().put("FromEmailAddress", "seller@shop.example");

        JsonNode result = api(SignedJsonApi.SES_V2, List.of()).call("SendEmail", "/v2/email/outbound-emails",
                request);

        assertThat(result.path("MessageId").asText()).isEqualTo("0100-abc");
        Received sent = received.get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v2/email/outbound-emails");
        assertThat(sent.header("Content-Type")).isEqualTo("application/json");
        assertThat(sent.header("X-Amz-Target")).isNull();
        assertThat(sent.body()).isEqualTo(request);
        assertThat(sent.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDLOCAL/")
                .contains("/eu-west-1/ses/aws4_request").containsPattern("SignedHeaders=[a-z0-9;-]*host")
                .containsPattern("Signature=[0-9a-f]{64}");
        assertThat(sent.header("X-Amz-Security-Token")).isEqualTo("session-token");
        assertThat(sent.header("X-Amz-Date")).matches("\\d{8}T\\d{6}Z");
    }

    @Test
    void aTransferOperationIsAJson11TargetOnTheRootSignedForTransfer() {
        Received sent = json11Call(SignedJsonApi.TRANSFER, "StartFileTransfer", "ConnectorId", "TransferId",
                "TransferService.StartFileTransfer");

        assertThat(sent.header("Authorization")).contains("/eu-west-1/transfer/aws4_request")
                .containsPattern("SignedHeaders=[a-z0-9;-]*x-amz-target");
    }

    @Test
    void getSecretValueIsASecretsManagerJson11TargetSignedForSecretsManager() {
        Received sent = json11Call(SignedJsonApi.SECRETS_MANAGER, "GetSecretValue", "SecretId", "SecretString",
                "secretsmanager.GetSecretValue");

        assertThat(sent.header("Authorization")).contains("/eu-west-1/secretsmanager/aws4_request");
    }

    /** Calls {@code operation} of a JSON 1.1 service, checks its answer and target, and returns what was sent. */
    private Received json11Call(SignedJsonApi.Service service, String operation, String requestField,
            String answerField, String target) {
        answer = "{\"" + answerField + "\":\"a-1\"}";

        JsonNode result = api(service, List.of()).call(operation, "/", Json.MAPPER.createObjectNode()
                .put(requestField, "r-1"));

        assertThat(result.path(answerField).asText()).isEqualTo("a-1");
        Received sent = received.get(0);
        assertThat(sent.path()).isEqualTo("/");
        assertThat(sent.header("X-Amz-Target")).isEqualTo(target);
        assertThat(sent.header("Content-Type")).isEqualTo("application/x-amz-json-1.1");
        return sent;
    }

    @Test
    void aRestJsonErrorCarriesTheCodeOfItsErrorTypeHeaderAndTheServiceMessage() {
        status = 400;
        answerHeaders = Map.of("x-amzn-ErrorType", "MessageRejected:http://internal.amazon.com/coral/com.amazon");
        answer = "{\"message\":\"Email address is not verified.\"}";

        assertThatThrownBy(() -> api(SignedJsonApi.SES_V2, List.of()).call("SendEmail", "/v2/email/outbound-emails",
                Json.MAPPER.createObjectNode())).isInstanceOfSatisfying(AwsApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.errorCode()).isEqualTo("MessageRejected");
                    assertThat(e.getMessage()).isEqualTo("Email address is not verified. (Service: ses, Operation:"
                            + " SendEmail, Status Code: 400, Error Code: MessageRejected)");
                });
    }

    @Test
    void aJson11ErrorCarriesTheShapeNameOfItsTypeAndTheServiceMessage() {
        status = 400;
        answer = "{\"__type\":\"com.amazonaws.transfer#ResourceNotFoundException\",\"Message\":\"Unknown connector\"}";

        assertThatThrownBy(() -> api(SignedJsonApi.TRANSFER, List.of()).call("ListFileTransferResults", "/",
                Json.MAPPER.createObjectNode())).isInstanceOfSatisfying(AwsApiException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException");
                    assertThat(e.getMessage()).startsWith("Unknown connector (Service: transfer");
                });
    }

    @Test
    void anInterceptorSeesEachCallAndItsRefusalKeepsTheCallFromBeingSent() {
        List<String> seen = new CopyOnWriteArrayList<>();
        AwsApiInterceptor watching = new AwsApiInterceptor() {
            @Override
            public void beforeApiCall(AwsApiCall call) {
                seen.add("before " + call.action() + " " + call.request().path("ConnectorId").asText());
            }

            @Override
            public void afterApiCall(AwsApiCall call) {
                seen.add("after " + call.action());
            }

            @Override
            public void onApiCallFailure(AwsApiCall call, RuntimeException failure) {
                seen.add("failed " + call.action() + ": " + failure.getMessage());
            }
        };
        AwsApiInterceptor refusing = new AwsApiInterceptor() {
            @Override
            public void beforeApiCall(AwsApiCall call) {
                if (call.operation().equals("StartFileTransfer")) {
                    throw new AwsApiException(call.service(), call.operation(), 400, "AccessDeniedException",
                            "not authorized");
                }
            }
        };
        SignedJsonApi transfer = api(SignedJsonApi.TRANSFER, List.of(watching, refusing));

        transfer.call("ListFileTransferResults", "/", Json.MAPPER.createObjectNode().put("ConnectorId", "c-1"));
        assertThatThrownBy(() -> transfer.call("StartFileTransfer", "/", Json.MAPPER.createObjectNode()
                .put("ConnectorId", "c-2"))).isInstanceOf(AwsApiException.class);

        assertThat(received).hasSize(1);
        assertThat(seen).containsExactly("before transfer:ListFileTransferResults c-1",
                "after transfer:ListFileTransferResults", "before transfer:StartFileTransfer c-2",
                "failed transfer:StartFileTransfer: not authorized (Service: transfer, Operation: StartFileTransfer,"
                        + " Status Code: 400, Error Code: AccessDeniedException)");
    }

    @Test
    void aServiceThatCannotBeReachedIsSaidSo() throws IOException {
        SignedJsonApi api = new SignedJsonApi(SignedJsonApi.SES_V2, URI.create("http://127.0.0.1:9"), "eu-west-1",
                StaticCredentialsProvider.create(AwsSessionCredentials.create("AKIDLOCAL", "secret", "t")), http,
                List.of(), false);

        assertThatThrownBy(() -> api.call("SendEmail", "/v2/email/outbound-emails", Json.MAPPER.createObjectNode()))
                .isInstanceOf(UncheckedIOException.class).hasMessageStartingWith("Unable to call SESv2 SendEmail at"
                        + " 127.0.0.1");
    }

    @Test
    void theRegionalEndpointsAreTheServicesOwn() {
        assertThat(SignedJsonApi.SES_V2.endpoint("eu-west-1")).hasToString("https://email.eu-west-1.amazonaws.com");
        assertThat(SignedJsonApi.TRANSFER.endpoint("ca-central-1"))
                .hasToString("https://transfer.ca-central-1.amazonaws.com");
        assertThat(SignedJsonApi.SECRETS_MANAGER.endpoint("eu-west-1"))
                .hasToString("https://secretsmanager.eu-west-1.amazonaws.com");
    }

    private SignedJsonApi api(SignedJsonApi.Service service, List<AwsApiInterceptor> interceptors) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        Map.copyOf(exchange.getRequestHeaders()), Json.MAPPER.readTree(exchange.getRequestBody())));
                byte[] body = answer.getBytes(StandardCharsets.UTF_8);
                answerHeaders.forEach(exchange.getResponseHeaders()::set);
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        return new SignedJsonApi(service, URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                "eu-west-1", StaticCredentialsProvider.create(AwsSessionCredentials.create("AKIDLOCAL", "secret",
                        "session-token")), http, interceptors, false);
    }
}
