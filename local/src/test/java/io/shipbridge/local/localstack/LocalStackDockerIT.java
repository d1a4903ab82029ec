package io.shipbridge.local.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import io.shipbridge.standins.CloudFormationTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * {@code ./mvnw -Plocalstack verify}: the stack deployed to LocalStack in Docker as a user deploys it, the functions
 * running as real Java 21 Lambdas from the shaded jar. Without a Docker engine it prints one line and is skipped.
 *
 * <p>Not yet run on a machine with Docker (the machines this project is built on have none). What it checks so far:
 * the whole template deploys (less its HTTP API, not in LocalStack's free edition); every function answers from its
 * {@code live} alias; the state machine refuses bad input as the offline cloud's does; the operator API's health
 * route, invoked directly, answers from the deployed table, queues and state machine. The end-to-end order stories
 * against the simulators are the next step.
 */
class LocalStackDockerIT {
    private static final Path ROOT = CloudFormationTemplate.locate().getParent();
    private static final Path JAR = ROOT.resolve("functions/target/shipbridge-functions.jar");

    private static LocalStackContainer localStack;
    private static Map<String, String> resources;
    private static LambdaClient lambda;
    private static SfnClient sfn;

    @BeforeAll
    static void deploy() throws Exception {
        // Testcontainers logs each way it looked for Docker as an error: the one line below says it once.
        org.apache.logging.log4j.core.config.Configurator.setLevel("org.testcontainers",
                org.apache.logging.log4j.Level.OFF);
        Optional<String> whyNot = DockerGate.whyNot(() -> DockerClientFactory.instance().isDockerAvailable());
        org.apache.logging.log4j.core.config.Configurator.setLevel("org.testcontainers",
                org.apache.logging.log4j.Level.INFO);
        if (whyNot.isPresent()) {
            System.out.println(whyNot.get());
            Assumptions.abort(whyNot.get());
        }
        assertThat(JAR).as("the functions' jar (./mvnw package builds it)").isRegularFile();
        localStack = new LocalStackContainer(DockerImageName.parse(DockerGate.image(System.getenv()))
                .asCompatibleSubstituteFor("localstack/localstack"))
                .withServices("cloudformation", "iam", "sts", "lambda", "stepfunctions", "sqs", "s3", "dynamodb",
                        "secretsmanager", "events", "scheduler", "logs", "cloudwatch", "sns")
                .withEnv("LAMBDA_DOCKER_FLAGS", "--add-host=host.docker.internal:host-gateway")
                .withEnv("LOCALSTACK_AUTH_TOKEN", System.getenv().getOrDefault("LOCALSTACK_AUTH_TOKEN", ""));
        localStack.start();
        try (CloudFormationClient cloudFormation = client(CloudFormationClient.builder());
                S3Client s3 = client(S3Client.builder().forcePathStyle(true))) {
            resources = StackDeployment.deploy(cloudFormation, s3, ROOT.resolve("template.yaml"), JAR, Map.of(
                    "MiraklBaseUrl", "http://host.docker.internal:1",
                    "FunctionTracing", "PassThrough"));
        }
        lambda = client(LambdaClient.builder());
        sfn = client(SfnClient.builder());
    }

    private static <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
        return builder.endpointOverride(localStack.getEndpoint()).region(Region.of(localStack.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        localStack.getAccessKey(), localStack.getSecretKey())))
                .build();
    }

    @AfterAll
    static void stop() {
        if (localStack != null) {
            localStack.stop();
        }
    }

    @Test
    void everyFunctionOfTheTemplateIsDeployedWithItsLiveAlias() {
        for (CloudFormationTemplate.Resource function : CloudFormationTemplate.read(ROOT.resolve("template.yaml"))
                .ofType("AWS::Serverless::Function")) {
            String name = resources.get(function.logicalId());
            assertThat(name).as(function.logicalId()).isNotNull();
            assertThat(lambda.getAlias(a -> a.functionName(name).name("live")).functionVersion()).isNotBlank();
        }
    }

    @Test
    void theStateMachineRefusesInputWithoutAnOrder() throws InterruptedException {
        String execution = sfn.startExecution(s -> s.stateMachineArn(resources.get("OrderStateMachine"))
                .input("{\"order\": \"P-1\"}")).executionArn();
        DescribeExecutionResponse ended = awaitEnd(execution);

        assertThat(ended.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(ended.error()).isEqualTo("Shipbridge.BadExecutionInput");
    }

    @Test
    void theOperatorApiFunctionAnswersItsHealthRouteFromTheDeployedResources() throws Exception {
        ObjectNode event = (ObjectNode) Json.read(Files.readString(ROOT.resolve("events/operator-api.json")),
                JsonNode.class);
        event.put("routeKey", "GET /api/v1/health").put("rawPath", "/api/v1/health").remove("body");
        ((ObjectNode) event.path("requestContext").path("http")).put("method", "GET").put("path", "/api/v1/health");
        InvokeResponse response = lambda.invoke(i -> i.functionName(resources.get("OperatorApiFunction") + ":live")
                .payload(SdkBytes.fromUtf8String(Json.write(event))));

        assertThat(response.functionError()).as(response.payload().asUtf8String()).isNull();
        assertThat(Json.read(response.payload().asUtf8String(), JsonNode.class).path("statusCode").asInt())
                .isEqualTo(200);
    }

    private static DescribeExecutionResponse awaitEnd(String executionArn) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        DescribeExecutionResponse execution;
        while ((execution = sfn.describeExecution(d -> d.executionArn(executionArn))).status()
                == ExecutionStatus.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        return execution;
    }
}
