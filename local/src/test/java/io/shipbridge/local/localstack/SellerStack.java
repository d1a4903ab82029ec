package io.shipbridge.local.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.app.Components;
import io.shipbridge.config.Config;
import io.shipbridge.http.Sleeper;
import io.shipbridge.local.cloud.BucketEvents;
import io.shipbridge.local.cloud.OfflineCloud;
import io.shipbridge.local.cloud.Seller;
import io.shipbridge.local.demo.Demo;
import io.shipbridge.local.sim.carrier.SimulatorContext;
import io.shipbridge.local.sim.carrier.WebhookSender;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.operations.OperationStatus;
import io.shipbridge.standins.CloudFormationTemplate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * One seller's Shipbridge deployed to LocalStack in Docker, with everything around it a story needs: the seller's
 * simulated marketplace and carriers ({@link SimulatedSeller}), the secrets put as an operator puts them, the SKU
 * catalog imported, the HTTP API in front of the functions ({@link DeployedApi}), the bucket's rules
 * ({@link BucketRules}), the schedules ({@link ScheduleDriver}), the daily cut-off ({@link DailyHandOver}) and what
 * reads the orders back ({@link OrderRuns}). Deployed once per seller and run, on first use.
 */
final class SellerStack implements AutoCloseable {
    static final Path ROOT = CloudFormationTemplate.locate().getParent();
    static final Path JAR = ROOT.resolve("functions/target/shipbridge-functions.jar");
    /**
     * How long an order may wait for Mirakl's debit, its first scan and its delivery before it fails: minutes rather
     * than days, so the stories that time out end within the run, and long enough for the others, whose events come
     * within a minute (SimulatedSeller's pace).
     */
    static final Duration WAIT_TIMEOUTS = Duration.ofMinutes(3);
    /**
     * Besides the simulators' addresses and the seller's own settings: the waits above, and no manifest by SFTP or
     * e-mail (LocalStack's free edition has no Transfer Family; DailyHandOver plays the connector).
     */
    static final Map<String, String> STORY_PARAMETERS = Map.of(
            "ShippingWaitSeconds", Long.toString(WAIT_TIMEOUTS.toSeconds()),
            "FirstScanTimeoutSeconds", Long.toString(WAIT_TIMEOUTS.toSeconds()),
            "DeliveryTimeoutSeconds", Long.toString(WAIT_TIMEOUTS.toSeconds()),
            "OnTimeManifestSftpConnectorId", "",
            "OnTimeManifestEmail", "",
            "FunctionTracing", "PassThrough");
    private static final Map<Seller, SellerStack> DEPLOYED = new EnumMap<>(Seller.class);
    private static final Map<Seller, Throwable> FAILED = new EnumMap<>(Seller.class);

    private final SimulatedSeller world;
    private final StackDeployment.DeployedStack stack;
    private final Map<String, LambdaTarget> functions = new LinkedHashMap<>();
    private final DeployedApi api;
    private final BucketEvents bucketEvents;
    private final ScheduleDriver schedules;
    private final DailyHandOver handOver;
    private final OrderRuns runs;
    private final String operatorAccessKey;

    /**
     * The seller's stack, deployed on first use (a deployment that failed is not tried again in the same run);
     * aborts the caller's tests, saying why once, without Docker.
     */
    static synchronized SellerStack of(Seller seller) throws Exception {
        LocalStackDocker localStack = LocalStackDocker.shared();
        if (FAILED.containsKey(seller)) {
            throw new IllegalStateException("The " + seller + " stack failed to deploy earlier in this run",
                    FAILED.get(seller));
        }
        SellerStack deployed = DEPLOYED.get(seller);
        if (deployed == null) {
            try {
                deployed = new SellerStack(localStack, seller);
            } catch (Exception | AssertionError e) {
                FAILED.put(seller, e);
                throw e;
            }
            DEPLOYED.put(seller, deployed);
            Runtime.getRuntime().addShutdownHook(new Thread(deployed::close, "stack-" + seller));
        }
        return deployed;
    }

    private SellerStack(LocalStackDocker localStack, Seller seller) throws Exception {
        assertThat(JAR).as("the functions' jar (./mvnw package builds it)").isRegularFile();
        AtomicReference<SimulatorContext.Bucket> bucket = new AtomicReference<>();
        world = new SimulatedSeller(seller, 20261201L + seller.ordinal(),
                (key, content) -> bucket.get().put(key, content));
        try {
            CloudFormationTemplate template = CloudFormationTemplate.read(ROOT.resolve("template.yaml"));
            S3Client s3 = localStack.client(S3Client.builder().forcePathStyle(true));
            Map<String, String> parameters = new LinkedHashMap<>(world.templateParameters());
            parameters.putAll(STORY_PARAMETERS);
            try (CloudFormationClient cloudFormation = localStack.client(CloudFormationClient.builder())) {
                stack = StackDeployment.deploy(cloudFormation, s3, localStack.region().id(),
                        "shipbridge-" + seller.name().toLowerCase(), ROOT.resolve("template.yaml"), JAR, parameters);
            }
            String labelBucket = stack.physicalId("LabelBucket");
            bucket.set((key, content) -> s3.putObject(p -> p.bucket(labelBucket).key(key),
                    RequestBody.fromBytes(content)));
            putSecrets(localStack);
            // A function may run for minutes (the fetch's timeout is 300 seconds): the invocation waits as long.
            LambdaClient lambda = localStack.client(LambdaClient.builder().httpClient(UrlConnectionHttpClient
                    .builder().socketTimeout(Duration.ofMinutes(6)).build()));
            template.ofType("AWS::Serverless::Function").forEach(function -> functions.put(function.logicalId(),
                    new LambdaTarget(lambda, function.logicalId(), stack.physicalId(function.logicalId()))));
            api = new DeployedApi(template, functions::get, localStack.credentials(), localStack.region());
            bucketEvents = BucketRules.wire(template, stack, s3, world.time(), localStack.region().id(),
                    functions::get);
            Components components = readerOfTheTable(localStack, labelBucket);
            importCatalog(s3, labelBucket, components);
            WebhookSender webhooks = new WebhookSender(world.time(), new SplittableRandom(7), world.carriers(),
                    api.baseUrl(), Base64.getDecoder().decode(OfflineCloud.WEBHOOK_SECRET.substring(
                            "whsec_".length())));
            schedules = new ScheduleDriver(template, functions, webhooks, world.carriers(), bucketEvents);
            handOver = new DailyHandOver(functions.get("CloseDayFunction"), s3, labelBucket, world.carriers(),
                    parameters.get("OnTimeManifestSftpDirectory"));
            operatorAccessKey = localStack.credentials().resolveCredentials().accessKeyId();
            runs = new OrderRuns(components, localStack.client(SfnClient.builder()),
                    stack.physicalId("OrderStateMachine"), schedules::failing);
        } catch (Exception | Error e) {
            world.close();
            throw e;
        }
    }

    /** The secrets' values, put after deploying as the README tells an operator to. */
    private void putSecrets(LocalStackDocker localStack) {
        try (SecretsManagerClient secrets = localStack.client(SecretsManagerClient.builder())) {
            world.secrets().forEach((logicalId, value) -> secrets.putSecretValue(p -> p.secretId(
                    stack.physicalId(logicalId)).secretString(value)));
        }
    }

    /** The application's stores on the deployed table and bucket, read from this machine. */
    private Components readerOfTheTable(LocalStackDocker localStack, String labelBucket) {
        return new Components(Config.of(Map.of("TABLE_NAME", stack.physicalId("ShipbridgeTable"),
                "LABEL_BUCKET", labelBucket, "AWS_REGION", localStack.region().id(),
                "AWS_ENDPOINT_URL", localStack.endpoint().toString(), "AWS_S3_FORCE_PATH_STYLE", "true")),
                localStack.credentials(), Clock.systemUTC(), Sleeper.REAL);
    }

    /** The seller uploads the demo's SKU catalog; its rule imports it (or the stack is of no use to a story). */
    private void importCatalog(S3Client s3, String labelBucket, Components components) {
        Instant uploaded = Instant.now();
        s3.putObject(p -> p.bucket(labelBucket).key("catalog/demo-catalog.csv"), RequestBody.fromString(
                Demo.orders(world.seller(), 0).catalogCsv(), StandardCharsets.UTF_8));
        bucketEvents.scan();
        List<OperationRecord> imports = Stream.of(uploaded, Instant.now()).map(day -> day.truncatedTo(ChronoUnit.DAYS))
                .distinct().flatMap(day -> components.operations().ofDay(day).stream())
                .filter(row -> row.action().equals("import_catalog")).toList();
        assertThat(imports).as("the catalog's import").isNotEmpty()
                .allSatisfy(row -> assertThat(row.status()).as(row.message()).isEqualTo(OperationStatus.OK));
    }

    /** A customer places an order on the simulated marketplace; returns its id. */
    String place(ObjectNode order, ObjectNode simulation) {
        world.placeOrder(order, simulation);
        return order.path("order_id").asText();
    }

    SimulatedSeller world() {
        return world;
    }

    StackDeployment.DeployedStack stack() {
        return stack;
    }

    DeployedApi api() {
        return api;
    }

    /** The access key the operator signs requests with: the API names the caller by it. */
    String operatorAccessKey() {
        return operatorAccessKey;
    }

    DailyHandOver handOver() {
        return handOver;
    }

    OrderRuns runs() {
        return runs;
    }

    @Override
    public void close() {
        schedules.close();
        bucketEvents.close();
        api.close();
        world.close();
    }
}
