package io.shipbridge.app;

import io.shipbridge.config.SecretsManagerProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The calls the functions make, of each AWS client a function built, run there and back by {@link DryRun}: answered
 * in the process with an empty success or the service's usual refusal, none sent.
 */
final class PrimedAwsCalls {
    private static final String KEY = "priming";
    private static final AttributeValue VALUE = AttributeValue.fromS(KEY);
    private static final Map<String, AttributeValue> ITEM = Map.of("pk", VALUE, "sk", VALUE);

    private final String table;
    private final Optional<DynamoDbClient> dynamoDb;
    private final Optional<SqsClient> sqs;
    private final Optional<SfnClient> sfn;
    private final Optional<S3Client> s3;
    private final Optional<S3Presigner> presigner;
    private final Optional<SecretsManagerProvider> secrets;

    PrimedAwsCalls(String table, Optional<DynamoDbClient> dynamoDb, Optional<SqsClient> sqs, Optional<SfnClient> sfn,
            Optional<S3Client> s3, Optional<S3Presigner> presigner, Optional<SecretsManagerProvider> secrets) {
        this.table = table;
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
        this.sfn = sfn;
        this.s3 = s3;
        this.presigner = presigner;
        this.secrets = secrets;
    }

    /** Adds to {@code failed} what could not be primed. */
    void prime(List<String> failed) {
        dynamoDb.ifPresent(client -> dynamoDb(client, failed));
        sqs.ifPresent(client -> dry(failed, "sqs SendMessageBatch", () -> client.sendMessageBatch(b -> b
                .queueUrl("https://sqs.invalid/0/priming").entries(e -> e.id("0").messageBody("{}")))));
        sfn.ifPresent(client -> stepFunctions(client, failed));
        s3.ifPresent(client -> s3(client, failed));
        secrets.ifPresent(provider -> dry(failed, "secretsmanager GetSecretValue", () -> provider.get(KEY)));
        presigner.ifPresent(signer -> {
            try {
                signer.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                        .getObjectRequest(g -> g.bucket(KEY).key(KEY)));
            } catch (RuntimeException e) {
                failed.add("s3 presign " + e);
            }
        });
    }

    private void dynamoDb(DynamoDbClient client, List<String> failed) {
        dry(failed, "dynamodb GetItem", () -> client.getItem(g -> g.tableName(table).key(ITEM).consistentRead(true)));
        dry(failed, "dynamodb PutItem", () -> client.putItem(p -> p.tableName(table).item(ITEM)
                .conditionExpression("attribute_not_exists(pk)")));
        dry(failed, "dynamodb UpdateItem", () -> client.updateItem(u -> u.tableName(table).key(ITEM)
                .updateExpression("SET #v = :v").expressionAttributeNames(Map.of("#v", "v"))
                .expressionAttributeValues(Map.of(":v", VALUE)).returnValues(ReturnValue.ALL_NEW)));
        dry(failed, "dynamodb DeleteItem", () -> client.deleteItem(d -> d.tableName(table).key(ITEM)));
        dry(failed, "dynamodb Query", () -> client.queryPaginator(q -> q.tableName(table)
                .keyConditionExpression("pk = :v").expressionAttributeValues(Map.of(":v", VALUE)).limit(10))
                .items().forEach(found -> { }));
        dry(failed, "dynamodb BatchGetItem", () -> client.batchGetItem(b -> b.requestItems(Map.of(table,
                KeysAndAttributes.builder().keys(ITEM).build()))));
        dry(failed, "dynamodb BatchWriteItem", () -> client.batchWriteItem(b -> b.requestItems(Map.of(table,
                List.of(WriteRequest.builder().putRequest(p -> p.item(ITEM)).build())))));
        dry(failed, "dynamodb TransactWriteItems", () -> client.transactWriteItems(t -> t.transactItems(
                i -> i.put(p -> p.tableName(table).item(ITEM)),
                i -> i.update(u -> u.tableName(table).key(ITEM).updateExpression("SET #v = :v")
                        .expressionAttributeNames(Map.of("#v", "v")).expressionAttributeValues(Map.of(":v", VALUE))))));
        // Refusals are how conditional writes answer a retried step: their exceptions' way too.
        refused(failed, "dynamodb PutItem refused", () -> client.putItem(p -> p.tableName(table).item(ITEM)
                .conditionExpression("attribute_not_exists(pk)")));
        refused(failed, "dynamodb TransactWriteItems refused", () -> client.transactWriteItems(t -> t
                .transactItems(i -> i.put(p -> p.tableName(table).item(ITEM)))));
    }

    private static void stepFunctions(SfnClient client, List<String> failed) {
        String machine = "arn:aws:states:eu-west-1:000000000000:stateMachine:priming";
        dry(failed, "sfn SendTaskSuccess", () -> client.sendTaskSuccess(t -> t.taskToken(KEY).output("{}")));
        dry(failed, "sfn SendTaskFailure", () -> client.sendTaskFailure(t -> t.taskToken(KEY).error(KEY)));
        dry(failed, "sfn StartExecution", () -> client.startExecution(e -> e.stateMachineArn(machine).name(KEY)
                .input("{}")));
        refused(failed, "sfn SendTaskSuccess refused", () -> client.sendTaskSuccess(t -> t.taskToken(KEY)
                .output("{}")));
        refused(failed, "sfn StartExecution refused", () -> client.startExecution(e -> e.stateMachineArn(machine)
                .name(KEY).input("{}")));
    }

    private static void s3(S3Client client, List<String> failed) {
        dry(failed, "s3 PutObject", () -> client.putObject(p -> p.bucket(KEY).key(KEY), RequestBody.fromString("{}")));
        dry(failed, "s3 GetObject", () -> client.getObjectAsBytes(g -> g.bucket(KEY).key(KEY)).asUtf8String());
        dry(failed, "s3 HeadObject", () -> client.headObject(h -> h.bucket(KEY).key(KEY)));
        refused(failed, "s3 GetObject refused", () -> client.getObjectAsBytes(g -> g.bucket(KEY).key(KEY)));
    }

    private static void dry(List<String> failed, String what, Runnable call) {
        if (!DryRun.run(call)) {
            failed.add(what);
        }
    }

    private static void refused(List<String> failed, String what, Runnable call) {
        if (!DryRun.runFailing(call)) {
            failed.add(what);
        }
    }
}
