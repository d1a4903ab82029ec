package io.shipbridge.local.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import io.shipbridge.standins.CloudFormationTemplate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Deploys template.yaml as {@code sam deploy} does: the functions' jar, the state machine's definition and the
 * template itself uploaded to a deployment bucket, the first two named by S3 location in the third, then a change set
 * of the template (SAM's transform is LocalStack's to apply) created from its S3 URL and executed. What differs from a deployment to AWS, and why:
 * <ul>
 * <li>LocalStack's free edition has no HTTP APIs: the HTTP API, the functions' HttpApi events and the outputs naming
 * it are left out, and the tests call its functions directly ({@link DeployedApi});</li>
 * <li>the simulators speak plain HTTP: a parameter whose pattern asks for https (MiraklBaseUrl) loses its pattern when
 * it is given a simulator's http address, rather than count on LocalStack not checking it.</li>
 * </ul>
 */
final class StackDeployment {
    private static final Duration DEPLOYMENT = Duration.ofMinutes(10);

    private StackDeployment() {
    }

    /** A deployed stack: its name and its resources' physical ids by logical id. */
    record DeployedStack(String name, Map<String, String> resources) {

        String physicalId(String logicalId) {
            String id = resources.get(logicalId);
            if (id == null) {
                throw new IllegalArgumentException("Stack " + name + " has no resource " + logicalId);
            }
            return id;
        }
    }

    static DeployedStack deploy(CloudFormationClient cloudFormation, S3Client s3, String region, String stack,
            Path template, Path jar, Map<String, String> parameters) throws InterruptedException {
        String artifacts = stack + "-deployment-artifacts";
        s3.createBucket(b -> b.bucket(artifacts));
        s3.putObject(p -> p.bucket(artifacts).key("shipbridge-functions.jar"), RequestBody.fromFile(jar));
        ObjectNode body = (ObjectNode) CloudFormationTemplate.read(template).json();
        ObjectNode machine = (ObjectNode) body.path("Resources").path("OrderStateMachine").path("Properties");
        s3.putObject(p -> p.bucket(artifacts).key("order-fulfillment.asl.json"), RequestBody.fromFile(
                template.getParent().resolve(machine.path("DefinitionUri").asText())));
        machine.putObject("DefinitionUri").put("Bucket", artifacts).put("Key", "order-fulfillment.asl.json");
        ((ObjectNode) body.path("Globals").path("Function")).put("CodeUri",
                "s3://" + artifacts + "/shipbridge-functions.jar");
        withoutHttpApi(body);
        allowPlainHttp(body, parameters);

        // Beyond CloudFormation's 51,200 bytes for a template in the request: uploaded, as sam deploy does then.
        s3.putObject(p -> p.bucket(artifacts).key("template.json"), RequestBody.fromString(Json.write(body)));
        String templateUrl = "https://s3." + region + ".amazonaws.com/" + artifacts + "/template.json";
        List<Parameter> values = new ArrayList<>();
        parameters.forEach((key, value) -> values.add(Parameter.builder().parameterKey(key).parameterValue(value)
                .build()));
        String changeSet = cloudFormation.createChangeSet(c -> c.stackName(stack).changeSetName("deploy-1")
                .changeSetType(ChangeSetType.CREATE).templateURL(templateUrl).parameters(values)
                .capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM,
                        Capability.CAPABILITY_AUTO_EXPAND)).id();
        cloudFormation.waiter().waitUntilChangeSetCreateComplete(w -> w.changeSetName(changeSet));
        cloudFormation.executeChangeSet(e -> e.changeSetName(changeSet));
        awaitComplete(cloudFormation, stack);
        Map<String, String> physicalIds = new LinkedHashMap<>();
        for (StackResourceSummary resource : cloudFormation.listStackResourcesPaginator(l -> l.stackName(stack))
                .stackResourceSummaries()) {
            physicalIds.put(resource.logicalResourceId(), resource.physicalResourceId());
        }
        return new DeployedStack(stack, Map.copyOf(physicalIds));
    }

    private static void awaitComplete(CloudFormationClient cloudFormation, String stack) throws InterruptedException {
        long deadline = System.nanoTime() + DEPLOYMENT.toNanos();
        while (System.nanoTime() < deadline) {
            StackStatus status = cloudFormation.describeStacks(d -> d.stackName(stack)).stacks().get(0).stackStatus();
            if (status == StackStatus.CREATE_COMPLETE) {
                return;
            }
            if (status.toString().endsWith("FAILED") || status.toString().contains("ROLLBACK")) {
                throw new IllegalStateException("Stack " + stack + " did not deploy (" + status + "): "
                        + cloudFormation.describeStackEvents(d -> d.stackName(stack)).stackEvents().stream()
                        .filter(e -> e.resourceStatusReason() != null).map(e -> e.logicalResourceId() + ": "
                                + e.resourceStatusReason()).toList());
            }
            Thread.sleep(2_000);
        }
        throw new IllegalStateException("Stack " + stack + " was not deployed within " + DEPLOYMENT.toMinutes()
                + " minutes");
    }

    /** The template without its HTTP API, which LocalStack's free edition does not have. */
    static void withoutHttpApi(ObjectNode template) {
        ObjectNode resources = (ObjectNode) template.path("Resources");
        List<String> apis = new ArrayList<>();
        resources.fields().forEachRemaining(resource -> {
            if (resource.getValue().path("Type").asText().equals("AWS::Serverless::HttpApi")) {
                apis.add(resource.getKey());
            }
        });
        apis.forEach(resources::remove);
        resources.fields().forEachRemaining(resource -> {
            JsonNode events = resource.getValue().path("Properties").path("Events");
            if (events instanceof ObjectNode eventsByName) {
                Iterator<Map.Entry<String, JsonNode>> each = eventsByName.fields();
                while (each.hasNext()) {
                    if (each.next().getValue().path("Type").asText().equals("HttpApi")) {
                        each.remove();
                    }
                }
            }
        });
        if (template.path("Outputs") instanceof ObjectNode outputs) {
            Iterator<Map.Entry<String, JsonNode>> each = outputs.fields();
            while (each.hasNext()) {
                String text = each.next().getValue().toString();
                if (apis.stream().anyMatch(text::contains)) {
                    each.remove();
                }
            }
        }
    }

    /**
     * Drops the pattern of each parameter given a plain-http address it would take as https; any other value outside
     * its parameter's pattern is a mistake of the caller's, refused here as CloudFormation would.
     */
    static void allowPlainHttp(ObjectNode template, Map<String, String> parameters) {
        parameters.forEach((name, value) -> {
            JsonNode declared = template.path("Parameters").path(name);
            if (!(declared instanceof ObjectNode declaration) || !declaration.has("AllowedPattern")
                    || value.matches(declaration.get("AllowedPattern").asText())) {
                return;
            }
            if (value.startsWith("http://")
                    && ("https://" + value.substring("http://".length())).matches(declaration.get("AllowedPattern")
                    .asText())) {
                declaration.remove(List.of("AllowedPattern", "ConstraintDescription"));
            } else {
                throw new IllegalArgumentException("Template parameter " + name + " is " + value + ", outside its"
                        + " pattern " + declaration.get("AllowedPattern").asText());
            }
        });
    }
}
