package io.shipbridge.local.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.config.Json;
import io.shipbridge.local.cloud.FunctionTarget;
import io.shipbridge.standins.CloudFormationTemplate;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The HTTP API the Docker run puts in front of the deployed functions, checked without Docker against functions that
 * record what they are invoked with: each route of the template reaches its function with the HTTP API's event, the
 * operator routes only when signed.
 */
class DeployedApiTest {
    private final List<String> invoked = new CopyOnWriteArrayList<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final DeployedApi api = new DeployedApi(CloudFormationTemplate.read(CloudFormationTemplate.locate()),
            this::recording, StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
            Region.US_EAST_1);

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aSignedOperatorRequestReachesTheOperatorFunctionWithTheCallerAndItsAnswerComesBack() throws Exception {
        DeployedApi.Answer answer = api.call("POST", "/api/v1/orders/SB000001-A/retry", "{\"reason\": \"r\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("answeredBy").asText()).isEqualTo("OperatorApiFunction");
        assertThat(invoked).containsExactly("OperatorApiFunction");
        JsonNode event = events.get(0);
        assertThat(event.path("routeKey").asText()).isEqualTo("POST /api/v1/orders/{orderId}/retry");
        assertThat(event.path("pathParameters").path("orderId").asText()).isEqualTo("SB000001-A");
        assertThat(event.path("requestContext").path("authorizer").path("iam").path("userArn").asText())
                .isEqualTo("arn:aws:iam::000000000000:user/test");
        assertThat(event.path("body").asText()).isEqualTo("{\"reason\": \"r\"}");
    }

    @Test
    void anUnsignedOperatorRequestIsRefusedBeforeAnyFunction() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.baseUrl()
                .resolve("/api/v1/health")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(invoked).isEmpty();
    }

    @Test
    void aCarriersWebhookReachesTheWebhookFunctionWithoutAwsSignature() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.baseUrl()
                .resolve("/api/v1/carriers/tipsa/webhook")).header("Content-Type", "application/json")
                .header("webhook-id", "msg_1").POST(HttpRequest.BodyPublishers.ofString("{\"events\": []}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(invoked).containsExactly("CarrierWebhookFunction");
        assertThat(events.get(0).path("pathParameters").path("carrier").asText()).isEqualTo("tipsa");
        assertThat(events.get(0).path("headers").path("webhook-id").asText()).isEqualTo("msg_1");
    }

    private FunctionTarget recording(String logicalId) {
        return new FunctionTarget() {
            @Override
            public String name() {
                return logicalId;
            }

            @Override
            public byte[] invoke(byte[] event) {
                invoked.add(logicalId);
                events.add(Json.read(new String(event, StandardCharsets.UTF_8), JsonNode.class));
                return ("{\"statusCode\": 200, \"body\": \"{\\\"answeredBy\\\": \\\"" + logicalId + "\\\"}\"}")
                        .getBytes(StandardCharsets.UTF_8);
            }
        };
    }
}
