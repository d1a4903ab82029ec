package io.shipbridge.standins;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * DynamoDB Local, ElasticMQ, and stand-ins for S3, Secrets Manager, SES and Transfer Family in this JVM, holding the
 * resources template.yaml declares.
 * No Docker, no AWS account; a few seconds to start.
 */
public final class LocalAws implements AutoCloseable {
    public static final String REGION = "eu-west-1";
    public static final String ACCOUNT_ID = "000000000000";
    public static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private final DynamoDbLocal dynamoDbLocal;
    private final ElasticMq elasticMq;
    private final S3StandIn s3StandIn;
    private final SecretsManagerStandIn secretsStandIn;
    private final SesStandIn ses;
    private final TransferStandIn transfer;
    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final S3Client s3;
    private final SecretsManagerClient secrets;
    private final TemplateResources resources;

    private LocalAws(Path template) {
        // Each stand-in spends its start loading classes on one thread: started side by side they overlap.
        try (ExecutorService starters = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().factory())) {
            CompletableFuture<DynamoDbLocal> startingDynamoDb = CompletableFuture.supplyAsync(DynamoDbLocal::start,
                    starters);
            CompletableFuture<ElasticMq> startingElasticMq = CompletableFuture.supplyAsync(() -> ElasticMq.start(
                    REGION, ACCOUNT_ID), starters);
            CompletableFuture<S3StandIn> startingS3 = CompletableFuture.supplyAsync(S3StandIn::start, starters);
            secretsStandIn = SecretsManagerStandIn.start(REGION, ACCOUNT_ID);
            dynamoDbLocal = started(startingDynamoDb);
            elasticMq = started(startingElasticMq);
            s3StandIn = started(startingS3);
        }
        dynamoDb = DynamoDbClient.builder().endpointOverride(dynamoDbLocal.endpoint()).region(Region.of(REGION))
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
        sqs = SqsClient.builder().endpointOverride(elasticMq.endpoint()).region(Region.of(REGION))
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
        s3 = S3Client.builder().endpointOverride(s3StandIn.endpoint()).region(Region.of(REGION))
                .forcePathStyle(true).credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create())
                .build();
        secrets = SecretsManagerClient.builder().endpointOverride(secretsStandIn.endpoint()).region(Region.of(REGION))
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
        ses = SesStandIn.start(REGION);
        transfer = TransferStandIn.start((bucket, key) -> s3.getObjectAsBytes(g -> g.bucket(bucket).key(key))
                .asByteArray());
        resources = TemplateResources.create(CloudFormationTemplate.read(template), dynamoDb, sqs, s3, secrets);
    }

    private static <T> T started(CompletableFuture<T> starting) {
        try {
            return starting.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    public static LocalAws start(Path template) {
        return new LocalAws(template);
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbLocal.endpoint();
    }

    public URI sqsEndpoint() {
        return elasticMq.endpoint();
    }

    public URI s3Endpoint() {
        return s3StandIn.endpoint();
    }

    /**
     * The settings that point an AWS SDK client at these stand-ins, as a function's environment would
     * ({@code AWS_REGION}, {@code AWS_ENDPOINT_URL_DYNAMODB}, {@code _SQS}, {@code _S3}, {@code _SECRETSMANAGER},
     * {@code _SESV2}, {@code _TRANSFER}, path-style S3).
     */
    public Map<String, String> clientSettings() {
        return Map.of("AWS_REGION", REGION,
                "AWS_ENDPOINT_URL_DYNAMODB", dynamoDbEndpoint().toString(),
                "AWS_ENDPOINT_URL_SQS", sqsEndpoint().toString(),
                "AWS_ENDPOINT_URL_S3", s3Endpoint().toString(),
                "AWS_ENDPOINT_URL_SECRETSMANAGER", secretsStandIn.endpoint().toString(),
                "AWS_ENDPOINT_URL_SESV2", ses.endpoint().toString(),
                "AWS_ENDPOINT_URL_TRANSFER", transfer.endpoint().toString(),
                "AWS_S3_FORCE_PATH_STYLE", "true");
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public SqsClient sqs() {
        return sqs;
    }

    public S3Client s3() {
        return s3;
    }

    public SecretsManagerClient secrets() {
        return secrets;
    }

    /** Sets a secret of the template to a value, as an operator does after deploying (put-secret-value). */
    public void putSecret(String logicalId, String value) {
        secrets.putSecretValue(p -> p.secretId(resources.secretArn(logicalId)).secretString(value));
    }

    /** Amazon SES: verify the seller's address, read what was sent. */
    public SesStandIn ses() {
        return ses;
    }

    /** AWS Transfer Family: create SFTP connectors to remote servers. */
    public TransferStandIn transfer() {
        return transfer;
    }

    public TemplateResources resources() {
        return resources;
    }

    @Override
    public void close() {
        dynamoDb.close();
        sqs.close();
        s3.close();
        secrets.close();
        secretsStandIn.close();
        ses.close();
        transfer.close();
        s3StandIn.close();
        elasticMq.close();
        dynamoDbLocal.close();
    }
}
