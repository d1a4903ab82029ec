package io.shipbridge.local.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.config.Json;
import io.shipbridge.local.cli.SignedRequests;
import io.shipbridge.local.cloud.FunctionTarget;
import io.shipbridge.local.cloud.HttpApiGateway;
import io.shipbridge.local.cost.UsageMeter;
import io.shipbridge.standins.CloudFormationTemplate;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The template's HTTP API in front of the deployed functions. LocalStack's free edition has no HTTP API, so the
 * offline cloud's own gateway runs in the test's JVM on the template's routes: each request becomes the HTTP API
 * event API Gateway would send (payload 2.0, the IAM caller on the operator routes) and the route's function is
 * invoked directly in LocalStack with it. The webhook route is what carriers call (signed by their secret), the
 * others what an operator calls, signed with AWS credentials as the IAM authorizer requires.
 */
final class DeployedApi implements AutoCloseable {
    private final HttpApiGateway gateway = new HttpApiGateway(0, new UsageMeter());
    private final SignedRequests operator;

    /** An answer of the operator API: its status and JSON body. */
    record Answer(int status, JsonNode body) {
    }

    /** @param functions the deployed function of each logical id */
    DeployedApi(CloudFormationTemplate template, Function<String, FunctionTarget> functions,
            AwsCredentialsProvider credentials, Region region) {
        for (CloudFormationTemplate.Resource function : template.ofType("AWS::Serverless::Function")) {
            function.properties().path("Events").forEach(event -> {
                if (event.path("Type").asText().equals("HttpApi")) {
                    JsonNode route = event.path("Properties");
                    gateway.route(route.path("Method").asText("ANY"), route.path("Path").asText(),
                            functions.apply(function.logicalId()), HttpApiGateway.requiresIam(template, route));
                }
            });
        }
        this.operator = new SignedRequests(credentials, region.id());
    }

    /** Where carriers' webhooks and operators' requests go. */
    URI baseUrl() {
        return gateway.baseUrl();
    }

    /** An operator's request, signed; {@code body} JSON text or null. */
    Answer call(String method, String path, String body) throws Exception {
        HttpResponse<String> response = operator.send(method, baseUrl().resolve(path), body);
        return new Answer(response.statusCode(), response.body().isBlank() ? Json.MAPPER.createObjectNode()
                : Json.MAPPER.readTree(response.body()));
    }

    @Override
    public void close() {
        gateway.close();
    }
}
