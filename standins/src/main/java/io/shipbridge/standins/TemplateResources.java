package io.shipbridge.standins;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the tables, queues, buckets and secrets a template declares in the stand-ins, so tests run against exactly the
 * keys, indexes, TTL and redrive the deployed stack has. Physical names are the logical ids (buckets lower-cased).
 */
public final class TemplateResources {
    private static final Set<String> PROVISIONED = Set.of("AWS::DynamoDB::Table", "AWS::SQS::Queue", "AWS::S3::Bucket",
            "AWS::SecretsManager::Secret");

    private final Map<String, String> tableNames = new LinkedHashMap<>();
    private final Map<String, String> queueUrls = new LinkedHashMap<>();
    private final Map<String, String> queueArns = new LinkedHashMap<>();
    private final Map<String, String> bucketNames = new LinkedHashMap<>();
    private final Map<String, String> secretArns = new LinkedHashMap<>();
    private final List<String> notProvisioned = new ArrayList<>();

    private TemplateResources() {
    }

    public static TemplateResources create(CloudFormationTemplate template, DynamoDbClient dynamoDb, SqsClient sqs,
            S3Client s3, SecretsManagerClient secrets) {
        TemplateResources created = new TemplateResources();
        for (CloudFormationTemplate.Resource table : template.ofType("AWS::DynamoDB::Table")) {
            created.createTable(dynamoDb, table);
        }
        // Dead-letter queues first: a queue's redrive policy names its DLQ by ARN.
        List<CloudFormationTemplate.Resource> queues = new ArrayList<>(template.ofType("AWS::SQS::Queue"));
        queues.sort((a, b) -> Boolean.compare(a.properties().has("RedrivePolicy"), b.properties().has("RedrivePolicy")));
        for (CloudFormationTemplate.Resource queue : queues) {
            created.createQueue(sqs, queue);
        }
        for (CloudFormationTemplate.Resource bucket : template.ofType("AWS::S3::Bucket")) {
            String name = bucket.logicalId().toLowerCase();
            s3.createBucket(b -> b.bucket(name));
            created.bucketNames.put(bucket.logicalId(), name);
        }
        for (CloudFormationTemplate.Resource secret : template.ofType("AWS::SecretsManager::Secret")) {
            JsonNode initial = secret.properties().path("SecretString");
            String arn = secrets.createSecret(c -> c.name(secret.logicalId())
                    .secretString(initial.isTextual() ? initial.asText() : null)).arn();
            created.secretArns.put(secret.logicalId(), arn);
        }
        template.resources().values().stream()
                .filter(r -> !PROVISIONED.contains(r.type()))
                .forEach(r -> created.notProvisioned.add(r.logicalId() + " (" + r.type() + ")"));
        return created;
    }

    private void createTable(DynamoDbClient dynamoDb, CloudFormationTemplate.Resource table) {
        JsonNode props = table.properties();
        String name = table.logicalId();
        List<AttributeDefinition> attributes = new ArrayList<>();
        props.path("AttributeDefinitions").forEach(a -> attributes.add(AttributeDefinition.builder()
                .attributeName(a.path("AttributeName").asText())
                .attributeType(a.path("AttributeType").asText())
                .build()));
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        props.path("GlobalSecondaryIndexes").forEach(index -> indexes.add(GlobalSecondaryIndex.builder()
                .indexName(index.path("IndexName").asText())
                .keySchema(keySchema(index.path("KeySchema")))
                .projection(projection(index.path("Projection")))
                .build()));
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .attributeDefinitions(attributes)
                .keySchema(keySchema(props.path("KeySchema")))
                .billingMode(BillingMode.PAY_PER_REQUEST);
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes);
        }
        dynamoDb.createTable(request.build());
        JsonNode ttl = props.path("TimeToLiveSpecification");
        if (ttl.path("Enabled").asBoolean(false)) {
            dynamoDb.updateTimeToLive(t -> t.tableName(name).timeToLiveSpecification(TimeToLiveSpecification.builder()
                    .attributeName(ttl.path("AttributeName").asText())
                    .enabled(true)
                    .build()));
        }
        tableNames.put(table.logicalId(), name);
    }

    private static List<KeySchemaElement> keySchema(JsonNode node) {
        List<KeySchemaElement> keys = new ArrayList<>();
        node.forEach(k -> keys.add(KeySchemaElement.builder()
                .attributeName(k.path("AttributeName").asText())
                .keyType(k.path("KeyType").asText())
                .build()));
        return keys;
    }

    private static Projection projection(JsonNode node) {
        Projection.Builder projection = Projection.builder()
                .projectionType(ProjectionType.fromValue(node.path("ProjectionType").asText("ALL")));
        List<String> nonKey = new ArrayList<>();
        node.path("NonKeyAttributes").forEach(a -> nonKey.add(a.asText()));
        if (!nonKey.isEmpty()) {
            projection.nonKeyAttributes(nonKey);
        }
        return projection.build();
    }

    private void createQueue(SqsClient sqs, CloudFormationTemplate.Resource queue) {
        JsonNode props = queue.properties();
        Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
        copy(props, "VisibilityTimeout", QueueAttributeName.VISIBILITY_TIMEOUT, attributes);
        copy(props, "MessageRetentionPeriod", QueueAttributeName.MESSAGE_RETENTION_PERIOD, attributes);
        copy(props, "DelaySeconds", QueueAttributeName.DELAY_SECONDS, attributes);
        copy(props, "ReceiveMessageWaitTimeSeconds", QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, attributes);
        JsonNode redrive = props.path("RedrivePolicy");
        if (!redrive.isMissingNode()) {
            JsonNode target = redrive.path("deadLetterTargetArn");
            String dlqLogicalId = target.path("Fn::GetAtt").path(0).asText(target.asText());
            String dlqArn = queueArns.get(dlqLogicalId);
            if (dlqArn == null) {
                throw new IllegalStateException("Queue " + queue.logicalId() + " redrives to unknown queue " + target);
            }
            // A number, as the template writes it: LocalStack echoes what it was given, ElasticMQ and AWS a number.
            attributes.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn
                    + "\",\"maxReceiveCount\":" + redrive.path("maxReceiveCount").asInt() + "}");
        }
        String url = sqs.createQueue(q -> q.queueName(queue.logicalId()).attributes(attributes)).queueUrl();
        String arn = sqs.getQueueAttributes(a -> a.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        queueUrls.put(queue.logicalId(), url);
        queueArns.put(queue.logicalId(), arn);
    }

    private static void copy(JsonNode props, String property, QueueAttributeName name,
            Map<QueueAttributeName, String> attributes) {
        if (props.has(property)) {
            attributes.put(name, props.path(property).asText());
        }
    }

    public String tableName(String logicalId) {
        return required(tableNames, logicalId, "table");
    }

    /** The logical ids of the template's queues. */
    public List<String> queues() {
        return List.copyOf(queueUrls.keySet());
    }

    public String queueUrl(String logicalId) {
        return required(queueUrls, logicalId, "queue");
    }

    public String queueArn(String logicalId) {
        return required(queueArns, logicalId, "queue");
    }

    public String secretArn(String logicalId) {
        return required(secretArns, logicalId, "secret");
    }

    public String bucketName(String logicalId) {
        return required(bucketNames, logicalId, "bucket");
    }

    /** Resources of the template the stand-ins do not provision (functions, state machine, APIs...), by name. */
    public List<String> notProvisioned() {
        return List.copyOf(notProvisioned);
    }

    private static String required(Map<String, String> names, String logicalId, String kind) {
        String name = names.get(logicalId);
        if (name == null) {
            throw new IllegalArgumentException("template.yaml declares no " + kind + " named " + logicalId
                    + " (declared: " + names.keySet() + ")");
        }
        return name;
    }
}
