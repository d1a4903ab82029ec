package io.shipbridge.local.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipbridge.local.cloud.Seller;
import io.shipbridge.standins.CloudFormationTemplate;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * {@code ./mvnw -Plocalstack verify}: the stack deployed to LocalStack in Docker as a user deploys it, the functions
 * running as real Java 21 Lambdas from the shaded jar; without a Docker engine every Docker test is skipped with one
 * line. This class checks the deployment itself (the stories are {@link SpanishSellerDockerIT} and
 * {@link CanadianSellerDockerIT}): every function of the template is there with its {@code live} alias, the state
 * machine refuses bad input as the offline cloud's does, and the operator API's health route, its function invoked
 * directly (LocalStack's free edition has no HTTP API), answers from the deployed table, queues and state machine.
 *
 * <p>Not yet run on a machine with Docker: the machines this project is built on have none.
 */
class LocalStackDockerIT {
    private static SellerStack stack;

    @BeforeAll
    static void deploy() throws Exception {
        stack = SellerStack.of(Seller.SPAIN);
    }

    @Test
    void everyFunctionOfTheTemplateIsDeployedWithItsLiveAlias() {
        try (LambdaClient lambda = LocalStackDocker.shared().client(LambdaClient.builder())) {
            for (CloudFormationTemplate.Resource function : CloudFormationTemplate.read(SellerStack.ROOT.resolve(
                    "template.yaml")).ofType("AWS::Serverless::Function")) {
                String name = stack.stack().physicalId(function.logicalId());
                assertThat(lambda.getAlias(a -> a.functionName(name).name("live")).functionVersion())
                        .as(function.logicalId()).isNotBlank();
            }
        }
    }

    @Test
    void theStateMachineRefusesInputWithoutAnOrder() throws InterruptedException {
        try (SfnClient sfn = LocalStackDocker.shared().client(SfnClient.builder())) {
            String execution = sfn.startExecution(s -> s.stateMachineArn(stack.stack().physicalId(
                    "OrderStateMachine")).input("{\"order\": \"P-1\"}")).executionArn();
            DescribeExecutionResponse ended = awaitEnd(sfn, execution);

            assertThat(ended.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(ended.error()).isEqualTo("Shipbridge.BadExecutionInput");
        }
    }

    @Test
    void theOperatorApisHealthAnswersFromTheDeployedResources() throws Exception {
        DeployedApi.Answer health = stack.api().call("GET", "/api/v1/health", null);

        assertThat(health.status()).as(health.body().toString()).isEqualTo(200);
        assertThat(health.body().path("status").asText()).isIn("ok", "degraded");
        assertThat(health.body().path("carriers").fieldNames()).toIterable().contains("tipsa", "seur",
                "correosexpress");
        assertThat(health.body().path("queues").has("trackingDeadLetters")).isTrue();
    }

    private static DescribeExecutionResponse awaitEnd(SfnClient sfn, String executionArn)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        DescribeExecutionResponse execution;
        while ((execution = sfn.describeExecution(d -> d.executionArn(executionArn))).status()
                == ExecutionStatus.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        return execution;
    }
}
