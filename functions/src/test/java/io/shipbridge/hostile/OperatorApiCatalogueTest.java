package io.shipbridge.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.app.Components;
import io.shipbridge.config.Json;
import io.shipbridge.handler.OperatorApiHandler;
import io.shipbridge.order.OrderView;
import io.shipbridge.standins.LambdaContext;
import io.shipbridge.testing.OrderScenarios;
import io.shipbridge.testing.TestStack;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue's bad operator API requests ({@code hostile/operator-api.json}), each sent to the function as API
 * Gateway would: the 4xx and reason the case expects, and nothing changed (no item, object, queued message,
 * execution or Mirakl call). {@code {order}} in a case stands for an order in PENDING_POST made for it.
 */
class OperatorApiCatalogueTest {
    @RegisterExtension
    static final TestStack STACK = new TestStack();

    static Stream<Arguments> cases() {
        return HostileCaseFile.cases("operator-api");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersAsTheCatalogueExpects(JsonNode c) {
        Components components = STACK.components();
        String orderId = OrderScenarios.pendingPost(components, "BOOK-SET", 1, "ES", "28014");
        OrderView order = components.orders().get(orderId);
        OperatorApiHandler handler = new OperatorApiHandler(components);
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey(c.path("route").asText());
        event.setPathParameters(map(c.path("path"), orderId));
        event.setQueryStringParameters(map(c.path("query"), orderId));
        String body = HostileCaseFile.text(c, "body");
        event.setBody(body == null ? null : body.replace("{order}", orderId));
        event.setIsBase64Encoded(c.path("base64").asBoolean(false));
        StackState before = StackState.of(STACK);
        int executions = STACK.stepFunctions().startedExecutionNames().size();
        int miraklCalls = STACK.mirakl().server().getAllServeEvents().size();

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, LambdaContext.of("OperatorApiFunction"));

        JsonNode expect = c.path("expect");
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expect.path("status").asInt());
        assertThat(Json.read(response.getBody(), JsonNode.class).path("error").asText())
                .contains(expect.path("error").asText());
        assertThat(response.getBody().length()).as("a reason, not an echo of the request").isLessThan(2000);
        StackState.of(STACK).assertUnchangedSince(before, changed -> false);
        assertThat(components.orders().get(orderId)).isEqualTo(order);
        assertThat(STACK.stepFunctions().startedExecutionNames()).hasSize(executions);
        assertThat(STACK.mirakl().server().getAllServeEvents()).hasSize(miraklCalls);
    }

    private static Map<String, String> map(JsonNode fields, String orderId) {
        if (fields.isMissingNode()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        fields.fields().forEachRemaining(f -> values.put(f.getKey(),
                HostileCaseFile.expand(f.getValue().asText()).replace("{order}", orderId)));
        return values;
    }
}
