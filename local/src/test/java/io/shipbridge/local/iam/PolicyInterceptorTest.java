package io.shipbridge.local.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shipbridge.aws.AwsApiCall;
import io.shipbridge.aws.AwsApiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;

/** One function's policy held against SDK requests as the offline cloud's interceptor sees them. */
class PolicyInterceptorTest {
    private static final String TABLE = "arn:aws:dynamodb:eu-west-1:000000000000:table/ShipbridgeTable";
    private static final String POLICY = """
            [{"Statement": [
              {"Sid": "Orders", "Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:PutItem",
               "dynamodb:UpdateItem"], "Resource": {"Fn::GetAtt": ["ShipbridgeTable", "Arn"]},
               "Condition": {"ForAllValues:StringLike": {"dynamodb:LeadingKeys": ["ORDER#*"]}}},
              {"Sid": "ByState", "Effect": "Allow", "Action": "dynamodb:Query",
               "Resource": {"Fn::Sub": "${ShipbridgeTable.Arn}/index/gsi1"},
               "Condition": {"ForAllValues:StringLike": {"dynamodb:LeadingKeys": ["STATE#*"]}}},
              {"Sid": "Uploads", "Effect": "Allow", "Action": "s3:GetObject",
               "Resource": "arn:aws:s3:::labelbucket/catalog/*"},
              {"Sid": "Mail", "Effect": "Allow", "Action": "ses:SendEmail",
               "Resource": "arn:aws:ses:eu-west-1:000000000000:identity/seller@shop.example",
               "Condition": {"StringEquals": {"ses:FromAddress": "seller@shop.example"}}},
              {"Sid": "Secrets", "Effect": "Allow", "Action": "secretsmanager:GetSecretValue",
               "Resource": "arn:aws:secretsmanager:eu-west-1:000000000000:secret:shipbridge/mirakl-*"},
              {"Sid": "Queue", "Effect": "Allow", "Action": "sqs:SendMessage",
               "Resource": "arn:aws:sqs:eu-west-1:000000000000:TrackingQueue"},
              {"Fn::If": ["Never", {"Effect": "Allow", "Action": "dynamodb:*", "Resource": "*"},
               {"Ref": "AWS::NoValue"}]}
            ]}]""";

    private final PolicyEvaluator evaluator = new PolicyEvaluator(policy(), "arn:aws:sts::000000000000:"
            + "assumed-role/shipbridge-local-SomeFunctionRole/SomeFunction");
    private final PolicyInterceptor interceptor = new PolicyInterceptor(evaluator, new AwsCalls("eu-west-1",
            "000000000000", (table, index) -> index == null ? "pk" : "gsi1pk",
            url -> "arn:aws:sqs:eu-west-1:000000000000:" + url.substring(url.lastIndexOf('/') + 1),
            token -> "arn:aws:states:eu-west-1:000000000000:stateMachine:orders"));

    private static FunctionPolicy policy() {
        try {
            JsonNode policies = new ObjectMapper().readTree(POLICY);
            return FunctionPolicy.read("SomeFunction", policies, (node, where) -> {
                if (node.isTextual()) {
                    return node.asText();
                }
                if (node.has("Fn::GetAtt")) {
                    return TABLE;
                }
                return node.path("Fn::Sub").asText().replace("${ShipbridgeTable.Arn}", TABLE);
            }, condition -> false);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCallOnAnItemUnderAGrantedPrefixIsAllowedAndRecorded() {
        call(PutItemRequest.builder().tableName("ShipbridgeTable").item(Map.of("pk", s("ORDER#A-1"), "sk",
                s("VIEW"))).build());

        assertThat(evaluator.uses()).containsExactly(new PolicyEvaluator.Use("Orders", "dynamodb:PutItem", TABLE,
                "ORDER#*"));
        assertThat(evaluator.denials()).isEmpty();
    }

    @Test
    void anActionTheStatementDoesNotNameIsRefusedAsAwsRefusesIt() {
        assertThatThrownBy(() -> call(software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest.builder()
                .tableName("ShipbridgeTable").key(Map.of("pk", s("ORDER#A-1"), "sk", s("VIEW"))).build()))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:sts::000000000000:"
                            + "assumed-role/shipbridge-local-SomeFunctionRole/SomeFunction is not authorized to "
                            + "perform: dynamodb:DeleteItem on resource: " + TABLE + " because no identity-based "
                            + "policy allows the dynamodb:DeleteItem action");
                });
        assertThat(evaluator.deniedCount()).isEqualTo(1);
    }

    @Test
    void aKeyOutsideTheGrantedPrefixesIsRefused() {
        assertThatThrownBy(() -> call(GetItemRequest.builder().tableName("ShipbridgeTable")
                .key(Map.of("pk", s("CONFIG"), "sk", s("CARRIER_RULES"))).build()))
                .isInstanceOf(DynamoDbException.class).hasMessageContaining("dynamodb:GetItem");
        assertThat(evaluator.denials()).singleElement().satisfies(denial -> assertThat(denial.call().leadingKeys())
                .containsExactly("CONFIG"));
    }

    @Test
    void aTransactionIsAllowedOnlyWhenEveryItemIs() {
        TransactWriteItem view = TransactWriteItem.builder().update(Update.builder().tableName("ShipbridgeTable")
                .key(Map.of("pk", s("ORDER#A-1"), "sk", s("VIEW"))).updateExpression("SET x = :x").build()).build();
        TransactWriteItem shipment = TransactWriteItem.builder().put(Put.builder().tableName("ShipbridgeTable")
                .item(Map.of("pk", s("SHIPMENT#tipsa#1"), "sk", s("SHIPMENT"))).build()).build();

        call(TransactWriteItemsRequest.builder().transactItems(view).build());
        assertThatThrownBy(() -> call(TransactWriteItemsRequest.builder().transactItems(view, shipment).build()))
                .isInstanceOf(DynamoDbException.class).hasMessageContaining("dynamodb:PutItem");
    }

    @Test
    void aQueryOnTheIndexIsHeldToTheIndexResourceAndItsPartitionKey() {
        call(QueryRequest.builder().tableName("ShipbridgeTable").indexName("gsi1")
                .keyConditionExpression("gsi1pk = :state").expressionAttributeValues(Map.of(":state",
                        s("STATE#ACCEPTED"))).build());
        assertThat(evaluator.uses()).contains(new PolicyEvaluator.Use("ByState", "dynamodb:Query",
                TABLE + "/index/gsi1", "STATE#*"));

        assertThatThrownBy(() -> call(QueryRequest.builder().tableName("ShipbridgeTable").indexName("gsi1")
                .keyConditionExpression("#k = :v").expressionAttributeNames(Map.of("#k", "gsi1pk"))
                .expressionAttributeValues(Map.of(":v", s("INFLIGHT#tipsa"))).build()))
                .isInstanceOf(DynamoDbException.class);
        // The table itself is not granted Query, whatever the key.
        assertThatThrownBy(() -> call(QueryRequest.builder().tableName("ShipbridgeTable")
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s("ORDER#A-1")))
                .build())).isInstanceOf(DynamoDbException.class).hasMessageContaining(TABLE + " because");
    }

    @Test
    void s3AndSqsCallsAreNamedAsIamNamesThem() {
        call(HeadObjectRequest.builder().bucket("labelbucket").key("catalog/skus.csv").build());
        call(SendMessageBatchRequest.builder().queueUrl("http://localhost:9324/000000000000/TrackingQueue").build());
        assertThat(evaluator.uses()).extracting(PolicyEvaluator.Use::action)
                .containsExactlyInAnyOrder("s3:GetObject", "sqs:SendMessage");

        assertThatThrownBy(() -> call(HeadObjectRequest.builder().bucket("labelbucket").key("labels/x.pdf")
                .build())).isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                });
    }

    @Test
    void theCallsSignedWithoutAnSdkClientAreHeldToThePolicyAsWell() {
        interceptor.beforeApiCall(new AwsApiCall("ses", "SendEmail", new ObjectMapper().createObjectNode()
                .put("FromEmailAddress", "seller@shop.example")));
        assertThat(evaluator.uses()).extracting(PolicyEvaluator.Use::action).containsExactly("ses:SendEmail");

        assertThatThrownBy(() -> interceptor.beforeApiCall(new AwsApiCall("ses", "SendEmail",
                new ObjectMapper().createObjectNode().put("FromEmailAddress", "someone@else.example"))))
                .isInstanceOf(AwsApiException.class).hasMessageContaining("ses:SendEmail");
        assertThatThrownBy(() -> interceptor.beforeApiCall(new AwsApiCall("transfer", "StartFileTransfer",
                new ObjectMapper().createObjectNode().put("ConnectorId", "c-1"))))
                .isInstanceOfSatisfying(AwsApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.errorCode()).isEqualTo("AccessDeniedException");
                    assertThat(e.getMessage()).contains("transfer:StartFileTransfer on resource: "
                            + "arn:aws:transfer:eu-west-1:000000000000:connector/c-1");
                });
        assertThat(evaluator.deniedCount()).isEqualTo(2);
    }

    @Test
    void aSecretIsReadOnlyIfThePolicyNamesIt() {
        String mirakl = "arn:aws:secretsmanager:eu-west-1:000000000000:secret:shipbridge/mirakl-a1b2c3";
        interceptor.beforeApiCall(new AwsApiCall("secretsmanager", "GetSecretValue", new ObjectMapper()
                .createObjectNode().put("SecretId", mirakl)));
        assertThat(evaluator.uses()).extracting(PolicyEvaluator.Use::action)
                .containsExactly("secretsmanager:GetSecretValue");

        String carriers = "arn:aws:secretsmanager:eu-west-1:000000000000:secret:shipbridge/carriers-d4e5f6";
        assertThatThrownBy(() -> interceptor.beforeApiCall(new AwsApiCall("secretsmanager", "GetSecretValue",
                new ObjectMapper().createObjectNode().put("SecretId", carriers))))
                .isInstanceOfSatisfying(AwsApiException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("AccessDeniedException");
                    assertThat(e.getMessage()).contains("secretsmanager:GetSecretValue on resource: " + carriers);
                });
    }

    @Test
    void conditionsAreEvaluatedAsIamDoes() {
        assertThat(PolicyEvaluator.holds("ForAllValues:StringLike", List.of("ORDER#*"), null)).isTrue();
        assertThat(PolicyEvaluator.holds("ForAllValues:StringLike", List.of("ORDER#*"), List.of("ORDER#1",
                "OPS#2026-11-20"))).isFalse();
        assertThat(PolicyEvaluator.holds("StringEquals", List.of("a@b.es"), null)).isFalse();
        assertThat(PolicyEvaluator.holds("StringEquals", List.of("a@b.es"), List.of("a@b.es"))).isTrue();
        assertThat(Wildcards.matches("OPS#????-??-??", "OPS#2026-11-20")).isTrue();
        assertThat(Wildcards.matches("OPS#????-??-??", "OPS#ORDER#A-1")).isFalse();
    }

    @Test
    void aPolicyTemplateIsRefusedForNamingMoreThanTheFunctionCalls() throws Exception {
        JsonNode samTemplate = new ObjectMapper().readTree("[{\"DynamoDBCrudPolicy\": {\"TableName\": \"T\"}}]");
        assertThatThrownBy(() -> FunctionPolicy.read("F", samTemplate, (node, where) -> node.asText(), c -> true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DynamoDBCrudPolicy");
    }

    private void call(SdkRequest request) {
        interceptor.beforeExecution(new BeforeExecution(request), new ExecutionAttributes());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private record BeforeExecution(SdkRequest request) implements Context.BeforeExecution {
    }
}
