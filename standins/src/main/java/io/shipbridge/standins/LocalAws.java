package io.shipbridge.standins;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 *
 * <p>With the system property {@value #BACKEND_PROPERTY} set to {@code localstack}, DynamoDB, SQS, S3 and Secrets
 * Manager are LocalStack's instead (in host mode, {@link LocalStackHost}): the same tests, a second backend. Should
 * DynamoDB Local not be placeable for LocalStack ({@link DynamoDbLocalPackage}), DynamoDB stays the stand-in's, and
 * one line says so.
 */
public final class LocalAws implements AutoCloseable {
    public static final String REGION = "eu-west-1";
    public static final String ACCOUNT_ID = "000000000000";
    public static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    public static final String BACKEND_PROPERTY = "shipbridge.aws";

    private final URI dynamoDbEndpoint;
    private final URI sqsEndpoint;
    private final URI s3Endpoint;
    private final URI secretsEndpoint;
    private final boolean dynamoDbOnLocalStack;
    /** What serves DynamoDB, SQS, S3 and Secrets Manager: DynamoDB Local, ElasticMQ and the stand-ins, or LocalStack. */
    private final List<AutoCloseable> services = new ArrayList<>();
    private final SesStandIn ses;
    private final TransferStandIn transfer;
    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final S3Client s3;
    private final SecretsManagerClient secrets;
    private final TemplateResources resources;

    private LocalAws(Path template, Optional<Path> localStackPython) {
        // Each stand-in spends its start loading classes on one thread: started side by side they overlap.
        try (ExecutorService starters = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().factory())) {
            if (localStackPython.isPresent()) {
                dynamoDbOnLocalStack = dynamoDbLocalPlaceable();
                CompletableFuture<DynamoDbLocal> startingDynamoDb = dynamoDbOnLocalStack ? null
                        : CompletableFuture.supplyAsync(DynamoDbLocal::start, starters);
                LocalStackHost localStack = startLocalStack(localStackPython.get(), dynamoDbOnLocalStack);
                services.add(localStack);
                dynamoDbEndpoint = dynamoDbOnLocalStack ? localStack.endpoint() : started(startingDynamoDb).endpoint();
                sqsEndpoint = localStack.endpoint();
                s3Endpoint = localStack.endpoint();
                secretsEndpoint = localStack.endpoint();
            } else {
                dynamoDbOnLocalStack = false;
                CompletableFuture<DynamoDbLocal> startingDynamoDb = CompletableFuture.supplyAsync(DynamoDbLocal::start,
                        starters);
                CompletableFuture<ElasticMq> startingElasticMq = CompletableFuture.supplyAsync(() -> ElasticMq.start(
                        REGION, ACCOUNT_ID), starters);
                CompletableFuture<S3StandIn> startingS3 = CompletableFuture.supplyAsync(S3StandIn::start, starters);
                SecretsManagerStandIn secretsStandIn = SecretsManagerStandIn.start(REGION, ACCOUNT_ID);
                services.add(secretsStandIn);
                secretsEndpoint = secretsStandIn.endpoint();
                sqsEndpoint = started(startingElasticMq).endpoint();
                s3Endpoint = started(startingS3).endpoint();
                dynamoDbEndpoint = started(startingDynamoDb).endpoint();
            }
        }
        dynamoDb = DynamoDbClient.builder().endpointOverride(dynamoDbEndpoint).region(Region.of(REGION))
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
        sqs = SqsClient.builder().endpointOverride(sqsEndpoint).region(Region.of(REGION))
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
        s3 = S3Client.builder().endpointOverride(s3Endpoint).region(Region.of(REGION))
                .forcePathStyle(true).credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create())
                .build();
        secrets = SecretsManagerClient.builder().endpointOverride(secretsEndpoint).region(Region.of(REGION))
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
        ses = SesStandIn.start(REGION);
        transfer = TransferStandIn.start((bucket, key) -> s3.getObjectAsBytes(g -> g.bucket(bucket).key(key))
                .asByteArray());
        resources = TemplateResources.create(CloudFormationTemplate.read(template), dynamoDb, sqs, s3, secrets);
    }

    /** The started service, closed with the others. */
    private <T extends AutoCloseable> T started(CompletableFuture<T> starting) {
        try {
            T service = starting.join();
            services.add(service);
            return service;
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The stand-ins, or LocalStack for DynamoDB, SQS, S3 and Secrets Manager when {@value #BACKEND_PROPERTY} says so. */
    public static LocalAws start(Path template) {
        String backend = System.getProperty(BACKEND_PROPERTY, "standins");
        return switch (backend) {
            case "standins" -> new LocalAws(template, Optional.empty());
            case "localstack" -> new LocalAws(template, Optional.of(LocalStackHost.findPython().orElseThrow(
                    () -> new IllegalStateException("No Python 3.12 or newer for LocalStack (set SHIPBRIDGE_PYTHON)"))));
            default -> throw new IllegalArgumentException(BACKEND_PROPERTY + " must be standins or localstack, was "
                    + backend);
        };
    }

    /** Whether LocalStack serves this JVM's AWS services (by {@value #BACKEND_PROPERTY}). */
    public static boolean onLocalStack() {
        return "localstack".equals(System.getProperty(BACKEND_PROPERTY));
    }

    /** Whether DynamoDB Local is laid out for LocalStack; if not, one line says why. */
    private static boolean dynamoDbLocalPlaceable() {
        try {
            DynamoDbLocalPackage.install();
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            System.out.println("LocalStack's DynamoDB skipped (DynamoDB stays DynamoDB Local): " + e.getMessage());
            return false;
        }
    }

    private static LocalStackHost startLocalStack(Path python, boolean withDynamoDb) {
        try {
            // Path-style queue URLs: the default names hosts under localhost.localstack.cloud, which needs DNS.
            // DynamoDB Local in memory, as the stand-in runs it.
            return LocalStackHost.start(python, (withDynamoDb ? "dynamodb," : "") + "sqs,s3,secretsmanager",
                    Map.of("SQS_ENDPOINT_STRATEGY", "path", "DYNAMODB_IN_MEMORY", "1"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbEndpoint;
    }

    /** Whether DynamoDB is LocalStack's (on LocalStack, unless DynamoDB Local could not be placed for it). */
    public boolean dynamoDbOnLocalStack() {
        return dynamoDbOnLocalStack;
    }

    public URI sqsEndpoint() {
        return sqsEndpoint;
    }

    public URI s3Endpoint() {
        return s3Endpoint;
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
                "AWS_ENDPOINT_URL_SECRETSMANAGER", secretsEndpoint.toString(),
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
        ses.close();
        transfer.close();
        for (AutoCloseable service : services) {
            try {
                service.close();
            } catch (Exception e) {
                throw new IllegalStateException("Unable to stop " + service, e);
            }
        }
    }
}
