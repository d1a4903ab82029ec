package io.shipbridge.local.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.shipbridge.aws.AwsApiException;
import io.shipbridge.aws.SignedJsonApi;
import io.shipbridge.config.Json;
import io.shipbridge.standins.CloudFormationTemplate;
import io.shipbridge.standins.LocalAws;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The meter counts what the stand-ins report, as AWS bills it; the expected figures are worked out by hand. */
class MeteringInterceptorTest {
    private static LocalAws aws;
    private static final UsageMeter METER = new UsageMeter();
    private static final NetworkWaits WAITS = new NetworkWaits(Map.of("dynamodb", 0.005, "sqs", 0.01, "s3", 0.02,
            "secretsmanager", 0.01));
    private static DynamoDbClient dynamoDb;
    private static SqsClient sqs;
    private static S3Client s3;
    private static SignedJsonApi secretsManager;

    @BeforeAll
    static void start() {
        aws = LocalAws.start(CloudFormationTemplate.locate());
        MeteringInterceptor metering = new MeteringInterceptor(METER, 2048, WAITS, new TransactionCapacity(
                aws.dynamoDb(), List.of(new TransactionCapacity.Index("gsi1pk", "gsi1sk"))));
        dynamoDb = DynamoDbClient.builder().endpointOverride(aws.dynamoDbEndpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(LocalAws.CREDENTIALS).overrideConfiguration(c -> c.addExecutionInterceptor(
                        metering)).build();
        sqs = SqsClient.builder().endpointOverride(aws.sqsEndpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(LocalAws.CREDENTIALS).overrideConfiguration(c -> c.addExecutionInterceptor(
                        metering)).build();
        s3 = S3Client.builder().endpointOverride(aws.s3Endpoint()).region(Region.EU_WEST_1).forcePathStyle(true)
                .credentialsProvider(LocalAws.CREDENTIALS).overrideConfiguration(c -> c.addExecutionInterceptor(
                        metering)).build();
        secretsManager = new SignedJsonApi(SignedJsonApi.SECRETS_MANAGER, URI.create(aws.clientSettings()
                .get("AWS_ENDPOINT_URL_SECRETSMANAGER")), "eu-west-1", LocalAws.CREDENTIALS,
                UrlConnectionHttpClient.create(), List.of(metering), false);
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    private static Usage measure(Runnable calls) {
        Usage before = METER.snapshot();
        calls.run();
        return METER.snapshot().minus(before);
    }

    @Test
    void anItemCopiedToTheIndexIsWrittenTwiceAndAReadOfItIsOneUnit() {
        String table = aws.resources().tableName("ShipbridgeTable");
        // 2,500 bytes of data and its keys: 3 KB rounded up, once in the table and once in gsi1.
        Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("ORDER#m1"), "sk", AttributeValue
                .fromS("VIEW"), "gsi1pk", AttributeValue.fromS("STATE#X"), "gsi1sk", AttributeValue.fromS("1"),
                "data", AttributeValue.fromS("x".repeat(2500)));
        Usage put = measure(() -> dynamoDb.putItem(p -> p.tableName(table).item(item)));
        Usage read = measure(() -> dynamoDb.getItem(g -> g.tableName(table).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("ORDER#m1"), "sk", AttributeValue.fromS("VIEW")))));

        assertThat(put.of(BillableUnit.DYNAMODB_WRITE_UNITS)).isEqualTo(6.0);
        assertThat(read.of(BillableUnit.DYNAMODB_READ_UNITS)).isEqualTo(1.0);
        // Waiting for DynamoDB, 5 ms at 2 GB.
        assertThat(put.of(BillableUnit.LAMBDA_GB_SECONDS)).isCloseTo(0.010, org.assertj.core.data.Offset.offset(
                1e-9));
    }

    @Test
    void aRefusedConditionalWriteStillCostsAWriteUnit() {
        String table = aws.resources().tableName("ShipbridgeTable");
        Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("ORDER#m2"), "sk", AttributeValue
                .fromS("VIEW"));
        dynamoDb.putItem(p -> p.tableName(table).item(item));
        Usage refused = measure(() -> assertThatThrownBy(() -> dynamoDb.putItem(p -> p.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)"))).isInstanceOf(
                        ConditionalCheckFailedException.class));

        assertThat(refused.of(BillableUnit.DYNAMODB_WRITE_UNITS)).isEqualTo(1.0);
    }

    @Test
    void aTransactionCostsTwiceItsWrites() {
        String table = aws.resources().tableName("ShipbridgeTable");
        Usage written = measure(() -> dynamoDb.transactWriteItems(t -> t.transactItems(
                i -> i.put(p -> p.tableName(table).item(Map.of("pk", AttributeValue.fromS("ORDER#m3"),
                        "sk", AttributeValue.fromS("VIEW")))),
                i -> i.put(p -> p.tableName(table).item(Map.of("pk", AttributeValue.fromS("ORDER#m3"),
                        "sk", AttributeValue.fromS("HISTORY#1")))))));

        // Two items under 1 KB, no index keys: 1 unit each, doubled (prepare and commit).
        assertThat(written.of(BillableUnit.DYNAMODB_WRITE_UNITS)).isEqualTo(4.0);
    }

    @Test
    void aStepThatMovesTheViewInTheStateIndexIsBilledAsDynamoDbDocumentsIt() {
        String table = aws.resources().tableName("ShipbridgeTable");
        Map<String, AttributeValue> view = Map.of("pk", AttributeValue.fromS("ORDER#m5"), "sk", AttributeValue
                .fromS("VIEW"), "gsi1pk", AttributeValue.fromS("STATE#ACCEPTED"), "gsi1sk", AttributeValue.fromS("1"),
                "data", AttributeValue.fromS("x".repeat(600)));
        dynamoDb.putItem(p -> p.tableName(table).item(view));
        Usage step = measure(() -> dynamoDb.transactWriteItems(t -> t.transactItems(
                i -> i.update(u -> u.tableName(table).key(Map.of("pk", view.get("pk"), "sk", view.get("sk")))
                        .updateExpression("SET gsi1pk = :state").expressionAttributeValues(Map.of(":state",
                                AttributeValue.fromS("STATE#PENDING_POST")))),
                i -> i.put(p -> p.tableName(table).item(Map.of("pk", view.get("pk"), "sk", AttributeValue.fromS(
                        "HISTORY#2"), "reason", AttributeValue.fromS("y".repeat(300))))))));

        // Under 1 KB each, two units a KB (prepare, commit): the view 2, its history row 2, and in the index the
        // old entry deleted 2 and the new one written 2. (DynamoDB Local itself reports 16.)
        assertThat(step.of(BillableUnit.DYNAMODB_WRITE_UNITS)).isEqualTo(8.0);
    }

    @Test
    void aMessageCountsOneRequestPer64KbAndAnObjectOnePutAndItsBytes() {
        String queue = aws.resources().queueUrl("TrackingQueue");
        String bucket = aws.resources().bucketName("LabelBucket");
        Usage sent = measure(() -> sqs.sendMessage(m -> m.queueUrl(queue).messageBody("y".repeat(70 * 1024))));
        Usage stored = measure(() -> s3.putObject(p -> p.bucket(bucket).key("labels/test.pdf"),
                RequestBody.fromBytes(new byte[5000])));

        assertThat(sent.of(BillableUnit.SQS_REQUESTS)).isEqualTo(2.0);
        assertThat(stored.of(BillableUnit.S3_PUT_REQUESTS)).isEqualTo(1.0);
        assertThat(stored.of(BillableUnit.S3_BYTES_PUT)).isEqualTo(5000.0);
    }

    @Test
    void aSecretReadIsOneSecretsManagerCallAndARefusedOneIsNone() {
        String arn = aws.secrets().createSecret(c -> c.name("metered-" + System.nanoTime()).secretString("{}")).arn();
        Usage read = measure(() -> secretsManager.call("GetSecretValue", "/", Json.MAPPER.createObjectNode()
                .put("SecretId", arn)));
        Usage refused = measure(() -> assertThatThrownBy(() -> secretsManager.call("GetSecretValue", "/",
                Json.MAPPER.createObjectNode().put("SecretId", arn + "-missing"))).isInstanceOf(AwsApiException.class));

        assertThat(read.of(BillableUnit.SECRETS_MANAGER_CALLS)).isEqualTo(1.0);
        assertThat(read.of(BillableUnit.LAMBDA_GB_SECONDS)).isCloseTo(2.0 * 0.01, within(1e-9));
        assertThat(refused.of(BillableUnit.SECRETS_MANAGER_CALLS)).isZero();
        assertThat(refused.of(BillableUnit.LAMBDA_GB_SECONDS)).isCloseTo(2.0 * 0.01, within(1e-9));
    }
}
