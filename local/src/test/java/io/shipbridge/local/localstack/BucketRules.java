package io.shipbridge.local.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import io.shipbridge.local.cloud.BucketEvents;
import io.shipbridge.local.cloud.EventPattern;
import io.shipbridge.local.cloud.FunctionTarget;
import io.shipbridge.local.time.SimulatedTime;
import io.shipbridge.standins.CloudFormationTemplate;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The template's EventBridge rules on the bucket's "Object Created" events, delivered by the test: the offline
 * cloud's {@link BucketEvents} looks at the deployed bucket (each minute, and when {@link BucketEvents#scan} is
 * called after a file is put) and invokes the deployed function of each rule whose pattern the event matches. The
 * stories so do not depend on S3's EventBridge notifications in LocalStack; were those delivered too, each file would
 * be imported twice, which the imports take as once (rows and tracking events are keyed by their content).
 */
final class BucketRules {
    private BucketRules() {
    }

    static BucketEvents wire(CloudFormationTemplate template, StackDeployment.DeployedStack stack, S3Client s3,
            SimulatedTime time, String region, Function<String, FunctionTarget> functions) {
        BucketEvents events = new BucketEvents(s3, time, region, "000000000000");
        for (CloudFormationTemplate.Resource function : template.ofType("AWS::Serverless::Function")) {
            function.properties().path("Events").fields().forEachRemaining(event -> {
                if (event.getValue().path("Type").asText().equals("EventBridgeRule")) {
                    JsonNode pattern = resolved(event.getValue().path("Properties").path("Pattern"), stack.resources());
                    events.rule(function.logicalId() + "." + event.getKey(), new EventPattern(pattern),
                            functions.apply(function.logicalId()));
                }
            });
        }
        events.watch(stack.physicalId("LabelBucket"));
        return events;
    }

    /** The pattern with each {@code Ref} replaced by the physical id it names (the bucket's name). */
    static JsonNode resolved(JsonNode node, Map<String, String> physicalIds) {
        if (node.isObject() && node.size() == 1 && node.has("Ref")) {
            String id = physicalIds.get(node.get("Ref").asText());
            if (id == null) {
                throw new IllegalArgumentException("The stack has no resource " + node.get("Ref").asText());
            }
            return Json.MAPPER.getNodeFactory().textNode(id);
        }
        if (node.isObject()) {
            ObjectNode copy = Json.MAPPER.createObjectNode();
            node.fields().forEachRemaining(field -> copy.set(field.getKey(), resolved(field.getValue(), physicalIds)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = Json.MAPPER.createArrayNode();
            node.forEach(item -> copy.add(resolved(item, physicalIds)));
            return copy;
        }
        return node;
    }
}
