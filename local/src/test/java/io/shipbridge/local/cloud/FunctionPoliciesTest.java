package io.shipbridge.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.local.iam.AwsCall;
import io.shipbridge.local.iam.PolicyEvaluator;
import io.shipbridge.local.iam.Statement;
import io.shipbridge.standins.CloudFormationTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Least privilege, proved by running the stories: every function's policy in template.yaml is one inline policy, no
 * statement grants on {@code *} what an API allows narrower, and every action (and DynamoDB key prefix) a function is
 * granted was used by that function in the end-to-end stories (which ran with every call held to the policies and
 * none refused: {@link Stories#ended}), or is listed below with the reason it was not.
 */
@Order(Integer.MAX_VALUE) // After the stories, whose clouds it reads (junit-platform.properties orders classes).
class FunctionPoliciesTest {
    /** Actions whose Service Authorization Reference entry lists no resource type: only "*" can grant them. */
    private static final Set<String> ONLY_ON_ANY_RESOURCE = Set.of("logs:CreateLogDelivery", "logs:GetLogDelivery",
            "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries", "logs:PutResourcePolicy",
            "logs:DescribeResourcePolicies", "logs:DescribeLogGroups", "cloudwatch:PutMetricData");

    /**
     * Grants the stories do not exercise, as function/statement/action or function/statement/key prefix, each with
     * why the function needs it.
     */
    private static final Map<String, String> NOT_EXERCISED = Map.ofEntries(
            Map.entry("OperatorApiFunction/CancelledShipments/dynamodb:UpdateItem", "an operator cancelling an "
                    + "order that has a shipment: the shipment leaves the in-flight index"),
            Map.entry("OperatorApiFunction/CancelledShipments/SHIPMENT#*", "the same"),
            Map.entry("OperatorApiFunction/CancelledHandovers/dynamodb:DeleteItem", "the same, for a shipment "
                    + "waiting for its carrier's daily hand-over"),
            Map.entry("OperatorApiFunction/CancelledHandovers/HANDOVER#*", "the same"),
            Map.entry("OperatorApiFunction/CancelledShipmentNumbers/dynamodb:GetItem", "the same, for an OnTime "
                    + "shipment: its number is marked cancelled"),
            Map.entry("OperatorApiFunction/CancelledShipmentNumbers/dynamodb:UpdateItem", "the same"),
            Map.entry("OperatorApiFunction/CancelledShipmentNumbers/NUMBERS#*", "the same"),
            Map.entry("OperatorApiFunction/Downloads/s3:GetObject", "the label and export links the API hands out "
                    + "are presigned with this role: the operator's download is authorized as it, outside the "
                    + "function"),
            Map.entry("CloseDayFunction/Manifests/s3:GetObject", "a manifest whose first sending failed is read "
                    + "back to be sent again"));

    /** Grants for paths the stories reach or not depending on timing (a race the code handles): either is right. */
    private static final Map<String, String> RACES = Map.ofEntries(
            Map.entry("CreateShipmentFunction/Callbacks/states:SendTaskSuccess", "a first scan recorded before its "
                    + "wait is registered resumes the execution at once (OrderProgress)"),
            Map.entry("CreateShipmentFunction/Orders/dynamodb:DeleteItem", "the same: the wait's token is removed"),
            Map.entry("CreateShipmentFunction/Callbacks/states:SendTaskFailure", "an order cancelled while its "
                    + "shipment is made has its wait failed at once"),
            Map.entry("AcceptOrderFunction/Callbacks/states:SendTaskSuccess", "an order Mirakl debited before its "
                    + "wait for SHIPPING is registered resumes the execution at once (OrderProgress)"),
            Map.entry("AcceptOrderFunction/Orders/dynamodb:DeleteItem", "the same: the wait's token is removed"),
            Map.entry("AcceptOrderFunction/Callbacks/states:SendTaskFailure", "an order cancelled while it is "
                    + "accepted has its wait failed at once"),
            Map.entry("PushTrackingFunction/DeliveredShipments/dynamodb:UpdateItem", "a delivery recorded before "
                    + "the delivery wait is registered completes the order here, taking its shipment out of the "
                    + "poller's in-flight index"),
            Map.entry("PushTrackingFunction/DeliveredShipments/SHIPMENT#*", "the same"),
            Map.entry("PushTrackingFunction/Callbacks/states:SendTaskSuccess", "the same: the execution resumes at "
                    + "once"),
            Map.entry("PushTrackingFunction/Orders/dynamodb:DeleteItem", "the same: the wait's token is removed"),
            Map.entry("PushTrackingFunction/Callbacks/states:SendTaskFailure", "an order cancelled meanwhile has "
                    + "its wait failed at once"),
            Map.entry("TrackingConsumerFunction/Callbacks/states:SendTaskFailure", "the same OrderProgress, reached "
                    + "for an order cancelled while a tracking update for it was queued"),
            Map.entry("TrackingConsumerFunction/UnmatchedEvents/dynamodb:PutItem", "tracking for a shipment "
                    + "Shipbridge has no record of is recorded apart after its third delivery (a carrier's event "
                    + "that outruns the shipment's record, or a stranger's)"),
            Map.entry("TrackingConsumerFunction/UnmatchedEvents/dynamodb:GetItem", "the same: whether it was "
                    + "recorded before"),
            Map.entry("TrackingConsumerFunction/UnmatchedEvents/UNMATCHED#*", "the same"),
            Map.entry("OperatorApiFunction/Callbacks/states:SendTaskSuccess", "the manual fetch resumes orders "
                    + "Mirakl moved to SHIPPING, as the scheduled fetch does, when it comes before the schedule's"));

    /** Function to Sid to statement (a statement's resources differ between clouds: its Sid does not). */
    private static final Map<String, Map<String, Statement>> granted = new LinkedHashMap<>();
    private static final Map<String, Set<PolicyEvaluator.Use>> used = new LinkedHashMap<>();

    @BeforeAll
    static void runTheStories() throws Exception {
        for (Class<?> story : Stories.ALL) {
            Stories.runIfNotRun(story);
        }
        for (Map<String, PolicyEvaluator> cloud : Stories.ended().values()) {
            cloud.forEach((function, policy) -> {
                Map<String, Statement> statements = granted.computeIfAbsent(function, f -> new LinkedHashMap<>());
                policy.policy().statements().forEach(statement -> statements.putIfAbsent(statement.sid(), statement));
                used.computeIfAbsent(function, f -> new LinkedHashSet<>()).addAll(policy.uses());
            });
        }
    }

    @Test
    void everyGrantIsUsedByItsFunctionInTheStories() {
        List<String> unused = new ArrayList<>();
        granted.forEach((function, statements) -> {
            Set<PolicyEvaluator.Use> uses = used.getOrDefault(function, Set.of());
            for (Statement statement : statements.values()) {
                String where = function + "/" + statement.sid() + "/";
                for (String action : statement.actions()) {
                    if (uses.stream().noneMatch(use -> use.sid().equals(statement.sid())
                            && use.action().equals(action))) {
                        unused.add(where + action);
                    }
                }
                for (String prefix : statement.patternsFor(AwsCall.LEADING_KEYS)) {
                    if (uses.stream().noneMatch(use -> use.sid().equals(statement.sid())
                            && prefix.equals(use.leadingKeyPattern()))) {
                        unused.add(where + prefix);
                    }
                }
            }
        });
        assertThat(granted.keySet()).as("functions whose policies were enforced").containsExactlyInAnyOrderElementsOf(
                CloudFormationTemplate.read(CloudFormationTemplate.locate()).ofType("AWS::Serverless::Function")
                        .stream().map(CloudFormationTemplate.Resource::logicalId).toList());
        assertThat(unused).as("granted but never used in the stories (nor listed with a reason)")
                .allMatch(grant -> NOT_EXERCISED.containsKey(grant) || RACES.containsKey(grant));
    }

    @Test
    void theAllowListNamesOnlyGrantsThatExistAndAreNotUsed() {
        Set<String> grants = new TreeSet<>();
        Set<String> usedGrants = new TreeSet<>();
        granted.forEach((function, statements) -> statements.values().forEach(statement -> {
            statement.actions().forEach(action -> grants.add(function + "/" + statement.sid() + "/" + action));
            statement.patternsFor(AwsCall.LEADING_KEYS).forEach(prefix -> grants.add(function + "/"
                    + statement.sid() + "/" + prefix));
        }));
        used.forEach((function, uses) -> uses.forEach(use -> {
            usedGrants.add(function + "/" + use.sid() + "/" + use.action());
            usedGrants.add(function + "/" + use.sid() + "/" + use.leadingKeyPattern());
        }));
        assertThat(grants).containsAll(NOT_EXERCISED.keySet()).containsAll(RACES.keySet());
        assertThat(usedGrants).as("listed as not exercised, yet used").doesNotContainAnyElementsOf(
                NOT_EXERCISED.keySet());
    }

    @Test
    void everyFunctionHasOneInlinePolicyAndEveryTableGrantIsNarrowedByKey() {
        CloudFormationTemplate template = CloudFormationTemplate.read(CloudFormationTemplate.locate());
        for (CloudFormationTemplate.Resource function : template.ofType("AWS::Serverless::Function")) {
            JsonNode policies = function.properties().path("Policies");
            assertThat(policies.size()).as(function.logicalId() + ": policies").isEqualTo(1);
            assertThat(policies.get(0).fieldNames()).toIterable().as(function.logicalId() + ": an inline policy")
                    .containsExactly("Statement");
            Set<String> sids = new TreeSet<>();
            for (JsonNode statement : statements(policies.get(0).path("Statement"))) {
                assertThat(sids.add(statement.path("Sid").asText())).as(function.logicalId() + ": a unique Sid on "
                        + statement).isTrue();
                boolean onTable = texts(statement.path("Action")).stream().anyMatch(a -> a.startsWith("dynamodb:"));
                if (onTable) {
                    assertThat(statement.path("Condition").path("ForAllValues:StringLike")
                            .path("dynamodb:LeadingKeys").isArray())
                            .as(function.logicalId() + "/" + statement.path("Sid").asText()
                                    + ": table access narrowed by partition key prefix").isTrue();
                }
            }
        }
    }

    @Test
    void noStatementGrantsOnAnyResourceWhatCanBeGrantedNarrower() {
        CloudFormationTemplate template = CloudFormationTemplate.read(CloudFormationTemplate.locate());
        List<String> onAny = new ArrayList<>();
        for (CloudFormationTemplate.Resource resource : template.resources().values()) {
            for (JsonNode policy : resource.properties().path("Policies")) {
                for (JsonNode statement : statements(policy.path("Statement"))) {
                    if (texts(statement.path("Resource")).stream().anyMatch(r -> r.equals("*"))) {
                        texts(statement.path("Action")).stream().filter(a -> !ONLY_ON_ANY_RESOURCE.contains(a))
                                .forEach(a -> onAny.add(resource.logicalId() + ": " + a));
                    }
                }
            }
        }
        assertThat(onAny).as("actions granted on \"*\"").isEmpty();
    }

    /** A statement list's statements, those under an {@code Fn::If} (either branch) included. */
    private static List<JsonNode> statements(JsonNode list) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode item : list) {
            if (item.has("Fn::If")) {
                for (int branch = 1; branch <= 2; branch++) {
                    JsonNode taken = item.get("Fn::If").get(branch);
                    if (taken.has("Effect")) {
                        found.add(taken);
                    }
                }
            } else {
                found.add(item);
            }
        }
        return found;
    }

    private static List<String> texts(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> values.add(item.isTextual() ? item.asText() : item.toString()));
        } else if (node.isTextual()) {
            values.add(node.asText());
        }
        return values;
    }
}
