package io.shipbridge.local.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.local.cloud.Seller;
import io.shipbridge.standins.CloudFormationTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the Docker run deploys, checked without Docker: the template as sent to LocalStack (no HTTP API, the plain-http
 * simulator addresses allowed) and the parameters each seller's stack is deployed with, which CloudFormation would
 * otherwise refuse at the first run.
 */
class StackDeploymentTest {

    @ParameterizedTest
    @EnumSource(Seller.class)
    void eachSellersParametersGiveEveryParameterWithoutDefaultAValueWithinItsPattern(Seller seller) {
        ObjectNode template = template();
        Map<String, String> parameters = parameters(seller);

        StackDeployment.allowPlainHttp(template, parameters);

        template.path("Parameters").fields().forEachRemaining(declared -> {
            String value = parameters.get(declared.getKey());
            assertThat(value != null || declared.getValue().has("Default")).as(declared.getKey()).isTrue();
            if (value != null && declared.getValue().has("AllowedPattern")) {
                assertThat(value).as(declared.getKey()).matches(declared.getValue().get("AllowedPattern").asText());
            }
        });
        assertThat(parameters.get("MiraklBaseUrl")).startsWith("http://host.docker.internal:");
        assertThat(template.path("Parameters").path("MiraklBaseUrl").has("AllowedPattern")).as("relaxed").isFalse();
        assertThat(template.path("Parameters").path("SeurAccount").has("AllowedPattern")).as("kept").isTrue();
    }

    @Test
    void aValueOutsideItsPatternThatIsNotAnHttpAddressIsRefused() {
        assertThatThrownBy(() -> StackDeployment.allowPlainHttp(template(), Map.of("ShippingWaitSeconds", "1.5")))
                .hasMessageContaining("ShippingWaitSeconds");
    }

    @Test
    void theHttpApiItsRoutesAndTheOutputsNamingItAreLeftOut() {
        ObjectNode template = template();

        StackDeployment.withoutHttpApi(template);

        List<String> left = new ArrayList<>();
        template.path("Resources").fields().forEachRemaining(resource -> {
            if (resource.getValue().path("Type").asText().equals("AWS::Serverless::HttpApi")) {
                left.add(resource.getKey());
            }
            resource.getValue().path("Properties").path("Events").forEach(event -> {
                if (event.path("Type").asText().equals("HttpApi")) {
                    left.add(resource.getKey() + " route");
                }
            });
        });
        assertThat(left).isEmpty();
        assertThat(template.path("Outputs").has("WebhookUrl")).isFalse();
        assertThat(template.path("Outputs").has("OperatorApiUrl")).isFalse();
        assertThat(template.path("Outputs").has("TableName")).isTrue();
        assertThat(template.path("Resources").path("FetchOrdersFunction").path("Properties").path("Events")
                .has("Fetch")).as("other events stay").isTrue();
    }

    private static Map<String, String> parameters(Seller seller) {
        try (SimulatedSeller world = new SimulatedSeller(seller, 1, (key, content) -> { })) {
            Map<String, String> parameters = new LinkedHashMap<>(world.templateParameters());
            parameters.putAll(SellerStack.STORY_PARAMETERS);
            return parameters;
        }
    }

    private static ObjectNode template() {
        JsonNode json = CloudFormationTemplate.read(CloudFormationTemplate.locate()).json();
        return (ObjectNode) json.deepCopy();
    }
}
