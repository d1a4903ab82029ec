package io.shipbridge.standins;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class LocalAwsTest {
    private static LocalAws aws;

    @BeforeAll
    static void start() {
        aws = LocalAws.start(CloudFormationTemplate.locate());
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @Test
    void createsTheTableWithTheTemplatesKeysIndexAndTtl() {
        String table = aws.resources().tableName("ShipbridgeTable");
        TableDescription description = aws.dynamoDb().describeTable(d -> d.tableName(table)).table();

        assertThat(description.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
                .containsExactly("pk:HASH", "sk:RANGE");
        assertThat(description.globalSecondaryIndexes()).extracting(i -> i.indexName()).containsExactly("gsi1");
        assertThat(aws.dynamoDb().describeTimeToLive(t -> t.tableName(table)).timeToLiveDescription())
                .satisfies(ttl -> {
                    assertThat(ttl.attributeName()).isEqualTo("expiresAt");
                    assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
                });
    }

    @Test
    void createsTheQueueWithItsDeadLetterRedriveAndVisibilityTimeout() {
        var attributes = aws.sqs().getQueueAttributes(a -> a.queueUrl(aws.resources().queueUrl("TrackingQueue"))
                .attributeNames(QueueAttributeName.ALL)).attributes();

        assertThat(attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT)).isEqualTo("180");
        assertThat(attributes.get(QueueAttributeName.REDRIVE_POLICY))
                .contains(aws.resources().queueArn("TrackingDeadLetterQueue"))
                .contains("\"maxReceiveCount\":5");
    }

    @Test
    void createsTheBucketAndStoresObjects() {
        String bucket = aws.resources().bucketName("LabelBucket");
        aws.s3().putObject(p -> p.bucket(bucket).key("labels/x.pdf"), RequestBody.fromString("%PDF-1.4"));

        assertThat(aws.s3().getObjectAsBytes(g -> g.bucket(bucket).key("labels/x.pdf")).asUtf8String())
                .isEqualTo("%PDF-1.4");
    }

    @Test
    void namesWhatItDoesNotProvision() {
        assertThat(aws.resources().notProvisioned())
                .contains("OrderStateMachine (AWS::Serverless::StateMachine)",
                        "FetchOrdersFunction (AWS::Serverless::Function)");
    }
}
