package io.shipbridge.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipbridge.app.Components;
import io.shipbridge.aws.AwsApiCall;
import io.shipbridge.aws.AwsApiInterceptor;
import io.shipbridge.standins.CloudFormationTemplate;
import io.shipbridge.testing.Fixtures;
import io.shipbridge.testing.TestStack;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * What SnapStart runs before its snapshot: every function's priming primes all it means to (nothing reported not
 * primed), takes the AWS calls the function makes there and back, and changes nothing anywhere: only reads reach
 * AWS, every write is answered in the process.
 */
class SnapStartPrimingTest {
    @RegisterExtension
    static final TestStack STACK = new TestStack();

    /** Reads a priming may really send: of a key nothing writes. */
    private static final Set<String> READS = Set.of("DynamoDb.Query", "DynamoDb.GetItem");

    private static final List<Function<Components, Object>> HANDLERS = List.of(AcceptOrderHandler::new,
            CreateShipmentHandler::new, PushTrackingHandler::new, FetchOrdersHandler::new, RecordFailureHandler::new,
            ScheduleRetryHandler::new, DailyExportHandler::new, CloseDayHandler::new, ImportCatalogHandler::new,
            ImportStatusFileHandler::new, TrackingPollerHandler::new, TrackingConsumerHandler::new,
            OperatorApiHandler::new, CarrierWebhookHandler::new);

    @Test
    void everyFunctionsPrimingPrimesAllItMeansToAndWritesNothing() throws Exception {
        long items = STACK.tableItemCount();
        int queued = STACK.queueDepth();
        int started = STACK.stepFunctions().startedExecutionNames().size();
        int resumed = STACK.stepFunctions().resumedTokens().size();
        for (Function<Components, Object> constructor : HANDLERS) {
            Wire wire = new Wire();
            Object handler = constructor.apply(STACK.components(wire));
            wire.sent.clear();

            List<String> notPrimed = primingOf(handler).prime();

            String function = handler.getClass().getSimpleName();
            assertThat(notPrimed).as(function).isEmpty();
            assertThat(wire.sent).as(function + ": calls that reached AWS").isSubsetOf(READS);
            assertThat(wire.answeredInProcess).as(function + ": calls answered in the process").isNotEmpty();
        }
        assertThat(STACK.tableItemCount()).isEqualTo(items);
        assertThat(STACK.queueDepth()).isEqualTo(queued);
        assertThat(STACK.stepFunctions().startedExecutionNames()).hasSize(started);
        assertThat(STACK.stepFunctions().resumedTokens()).hasSize(resumed);
    }

    /**
     * The hook SnapStart calls, on the priming each deployed function's handler registered (the functions read from
     * template.yaml, so a new one is covered): it primes (the real read reaches DynamoDB, writes are answered in the
     * process), and leaves no trace: no item, message, execution, request to Mirakl or a carrier, or metric.
     */
    @Test
    void theCheckpointHookOfEveryDeployedFunctionPrimesItAndLeavesNoTrace() throws Exception {
        long items = STACK.tableItemCount();
        int queued = STACK.queueDepth();
        Map<String, Double> metrics = TestStack.METRICS.totals();
        List<CloudFormationTemplate.Resource> functions = CloudFormationTemplate
                .read(Fixtures.repositoryFile("template.yaml")).ofType("AWS::Serverless::Function");
        assertThat(functions).isNotEmpty();
        for (CloudFormationTemplate.Resource function : functions) {
            String handlerName = function.properties().path("Handler").asText();
            Class<?> type = Class.forName(handlerName.substring(0, handlerName.indexOf("::")));
            Wire wire = new Wire();
            Object handler = type.getConstructor(Components.class).newInstance(STACK.components(wire));
            wire.sent.clear();
            wire.answeredInProcess.clear();

            primingOf(handler).beforeCheckpoint(null);

            assertThat(wire.sent).as(function.logicalId() + ": calls that reached AWS").contains("DynamoDb.Query")
                    .isSubsetOf(READS);
            assertThat(wire.answeredInProcess).as(function.logicalId() + ": calls answered in the process")
                    .contains("DynamoDb.PutItem", "DynamoDb.TransactWriteItems");
        }
        assertThat(STACK.tableItemCount()).isEqualTo(items);
        assertThat(STACK.queueDepth()).isEqualTo(queued);
        assertThat(STACK.stubRequests()).as("requests to Mirakl, TIPSA and Step Functions").isZero();
        assertThat(TestStack.METRICS.totals()).isEqualTo(metrics);
    }

    @Test
    void aFunctionsWritesAreTakenThereAndBackIncludingTheirRefusals() throws Exception {
        Wire wire = new Wire();
        CreateShipmentHandler handler = new CreateShipmentHandler(STACK.components(wire));

        assertThat(primingOf(handler).prime()).isEmpty();

        assertThat(wire.answeredInProcess).contains("DynamoDb.PutItem", "DynamoDb.UpdateItem",
                "DynamoDb.TransactWriteItems", "Sfn.SendTaskSuccess", "S3.PutObject");
        // Of a secret no stack has: only an answer in the process lets it succeed.
        assertThat(wire.signed).contains("secretsmanager:GetSecretValue");
        assertThat(wire.refusals).contains("DynamoDb.PutItem", "DynamoDb.TransactWriteItems", "Sfn.SendTaskSuccess");
    }

    @Test
    void theDailyExportRehearsesItsCsvPathWithItsCallsAnsweredInTheProcess() throws Exception {
        Wire wire = new Wire();
        DailyExportHandler handler = new DailyExportHandler(STACK.components(wire));
        wire.answeredInProcess.clear();

        assertThat(primingOf(handler).prime()).isEmpty();

        // Two exports' puts: the components' own priming puts once, the rehearsal twice more.
        assertThat(wire.answeredInProcess.stream().filter("S3.PutObject"::equals)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(wire.sent).isSubsetOf(READS);
    }

    @Test
    void theLambdaRuntimesReadingOfAnEventIsPrimedFromASampleOfIt() {
        assertThat(RuntimeEventJson.sqs().prime(getClass().getClassLoader())).isTrue();
        assertThat(RuntimeEventJson.httpApi().prime(getClass().getClassLoader())).isTrue();
        RuntimeEventJson broken = new RuntimeEventJson(RuntimeEventJson.sqs().eventType(), "{\"Records\": [",
                RuntimeEventJson.sqs().answer());
        assertThat(broken.prime(getClass().getClassLoader())).isFalse();
    }

    private static SnapStartPriming primingOf(Object handler) throws ReflectiveOperationException {
        for (Class<?> type = handler.getClass(); type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getType() == SnapStartPriming.class) {
                    field.setAccessible(true);
                    return (SnapStartPriming) field.get(handler);
                }
            }
        }
        throw new AssertionError(handler.getClass().getSimpleName() + " registers no priming");
    }

    /** Each AWS call by its answer: from AWS (here the stand-ins), or made in the process by the dry run. */
    private static final class Wire implements AwsApiInterceptor {
        final List<String> sent = new CopyOnWriteArrayList<>();
        final List<String> answeredInProcess = new CopyOnWriteArrayList<>();
        final List<String> refusals = new CopyOnWriteArrayList<>();
        /** Calls signed without an SDK client (Secrets Manager's), which succeeded. */
        final List<String> signed = new CopyOnWriteArrayList<>();

        @Override
        public void afterApiCall(AwsApiCall call) {
            signed.add(call.action());
        }

        @Override
        public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
            String call = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                    + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
            boolean inProcess = context.httpResponse().firstMatchingHeader("x-amzn-RequestId")
                    .filter("dry-run"::equals).isPresent();
            (inProcess ? answeredInProcess : sent).add(call);
            if (inProcess && !context.httpResponse().isSuccessful()) {
                refusals.add(call);
            }
        }
    }
}
