package io.shipbridge.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.shipbridge.app.Components;
import io.shipbridge.carrier.CarrierModules;
import io.shipbridge.config.Config;
import io.shipbridge.config.Json;
import io.shipbridge.standins.CloudFormationTemplate;
import io.shipbridge.standins.LocalAws;
import io.shipbridge.standins.RecordedMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/**
 * Everything a test of the functions runs against, all real parts on loopback: DynamoDB Local, ElasticMQ and the S3
 * stand-in holding the resources template.yaml declares (started once per test JVM), and WireMock playing Mirakl,
 * TIPSA and the Step Functions API (fresh per test class, reset before each test). {@link #components()} builds
 * the application exactly as a deployed function does, from settings that point at these.
 */
public final class TestStack implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    /** What the functions' metrics add up to (Powertools' provider is set to it). */
    public static final RecordedMetrics METRICS = new RecordedMetrics();

    public static final Instant START = Instant.parse("2026-11-20T09:00:00Z");
    public static final String WEBHOOK_SECRET = secret("shipbridge-test-webhook-secret-1");
    public static final String ROTATED_WEBHOOK_SECRET = secret("shipbridge-test-webhook-secret-2");
    public static final String STATE_MACHINE_ARN =
            "arn:aws:states:eu-west-1:000000000000:stateMachine:shipbridge-order-fulfillment";

    private static LocalAws aws;

    private WireMockServer miraklServer;
    private WireMockServer tipsaServer;
    private WireMockServer sfnServer;
    private MiraklStub mirakl;
    private TipsaStub tipsa;
    private StepFunctionsStub stepFunctions;
    private MutableClock clock;
    private RecordingSleeper sleeper;
    private final Map<String, String> overrides = new HashMap<>();

    public static synchronized LocalAws localAws() {
        if (aws == null) {
            if (LocalAws.onLocalStack() && io.shipbridge.standins.LocalStackHost.findPython().isEmpty()) {
                String why = "LocalStack backend skipped: no Python 3.12 or newer found (set SHIPBRIDGE_PYTHON)";
                System.out.println(why);
                org.junit.jupiter.api.Assumptions.abort(why);
            }
            aws = LocalAws.start(CloudFormationTemplate.locate());
            Runtime.getRuntime().addShutdownHook(new Thread(aws::close));
        }
        return aws;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        localAws();
        putSecrets();
        MetricsFactory.setMetricsProvider(() -> METRICS);
        miraklServer = started();
        tipsaServer = started();
        sfnServer = started();
        mirakl = new MiraklStub(miraklServer);
        tipsa = new TipsaStub(tipsaServer);
        stepFunctions = new StepFunctionsStub(sfnServer);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        mirakl.reset();
        tipsa.reset();
        stepFunctions.reset();
        clock = new MutableClock(START);
        sleeper = new RecordingSleeper(clock);
        overrides.clear();
        aws.sqs().purgeQueue(p -> p.queueUrl(queueUrl()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        miraklServer.stop();
        tipsaServer.stop();
        sfnServer.stop();
    }

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(16));
        server.start();
        return server;
    }

    /** The settings a deployed function would have, pointing at the stand-ins. */
    public Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>(aws.clientSettings());
        settings.put("AWS_ENDPOINT_URL_SFN", sfnServer.baseUrl());
        settings.put("TABLE_NAME", aws.resources().tableName("ShipbridgeTable"));
        settings.put("LABEL_BUCKET", aws.resources().bucketName("LabelBucket"));
        settings.put("TRACKING_QUEUE_URL", queueUrl());
        settings.put("TRACKING_DEAD_LETTER_QUEUE_URL", aws.resources().queueUrl("TrackingDeadLetterQueue"));
        settings.put("STATE_MACHINE_ARN", STATE_MACHINE_ARN);
        settings.put("MIRAKL_BASE_URL", mirakl.baseUrl());
        settings.put("MIRAKL_SECRET_ARN", aws.resources().secretArn("MiraklApiKeySecret"));
        settings.put("TIPSA_BASE_URL", tipsa.baseUrl());
        settings.put("TIPSA_AGENCY_CODE", "000123");
        settings.put("TIPSA_CLIENT_CODE", "33333");
        settings.put("CARRIER_SECRET_ARN", aws.resources().secretArn("CarrierCredentialsSecret"));
        settings.put("SHIP_FROM_NAME", "Shipbridge Test Seller SL");
        settings.put("SHIP_FROM_STREET", "Polígono Industrial Norte, Nave 7");
        settings.put("SHIP_FROM_CITY", "Valencia");
        settings.put("SHIP_FROM_POSTCODE", "46001");
        settings.put("SHIP_FROM_COUNTRY", "ES");
        settings.put("SHIP_FROM_PHONE", "+34 960 000 000");
        settings.put("WEBHOOK_SECRET_ARN", aws.resources().secretArn("WebhookSigningSecret"));
        settings.putAll(overrides);
        return settings;
    }

    /**
     * The secrets' values, put as an operator puts them after deploying; a test that puts others puts these back
     * after it.
     */
    public static void putSecrets() {
        LocalAws aws = localAws();
        aws.putSecret("MiraklApiKeySecret", "{\"apiKey\":\"" + MiraklStub.API_KEY + "\"}");
        aws.putSecret("CarrierCredentialsSecret", "{\"tipsa\":{\"password\":\"tipsa-test-password\"},"
                + "\"seur\":{\"clientSecret\":\"seur-test-client-secret\",\"password\":\"seur-test-password\"},"
                + "\"correosexpress\":{\"password\":\"cex-test-password\"},"
                + "\"canadapost\":{\"password\":\"canadapost-test-password\"}}");
        ObjectNode webhooks = Json.MAPPER.createObjectNode();
        CarrierModules.installed().ids().forEach(carrier -> webhooks.putArray(carrier).add(WEBHOOK_SECRET)
                .add(ROTATED_WEBHOOK_SECRET));
        aws.putSecret("WebhookSigningSecret", webhooks.toString());
    }

    /** The settings that point an AWS SDK client at the stand-ins (endpoints, region). */
    public Map<String, String> awsSettings() {
        return localAws().clientSettings();
    }

    /** Changes one setting for the current test. */
    public TestStack with(String name, String value) {
        overrides.put(name, value);
        return this;
    }

    public Components components() {
        return new Components(Config.of(settings()), LocalAws.CREDENTIALS, clock, sleeper);
    }

    /** As above, every AWS call also going through {@code interceptor} (to see which calls a step makes). */
    public Components components(ExecutionInterceptor interceptor) {
        return new Components(Config.of(settings()), LocalAws.CREDENTIALS, clock, sleeper, List.of(interceptor));
    }

    public LocalAws aws() {
        return localAws();
    }

    public MiraklStub mirakl() {
        return mirakl;
    }

    public TipsaStub tipsa() {
        return tipsa;
    }

    public StepFunctionsStub stepFunctions() {
        return stepFunctions;
    }

    public MutableClock clock() {
        return clock;
    }

    public RecordingSleeper sleeper() {
        return sleeper;
    }

    public String queueUrl() {
        return localAws().resources().queueUrl("TrackingQueue");
    }

    /** Takes every message off the tracking queue. */
    public List<Message> drainQueue() {
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> batch = aws.sqs().receiveMessage(r -> r.queueUrl(queueUrl()).maxNumberOfMessages(10)
                    .waitTimeSeconds(0).visibilityTimeout(60)).messages();
            if (batch.isEmpty()) {
                return all;
            }
            all.addAll(batch);
            batch.forEach(m -> aws.sqs().deleteMessage(d -> d.queueUrl(queueUrl()).receiptHandle(m.receiptHandle())));
        }
    }

    /** The requests Mirakl's, TIPSA's and Step Functions' stubs have had since the current test began. */
    public int stubRequests() {
        return miraklServer.getAllServeEvents().size() + tipsaServer.getAllServeEvents().size()
                + sfnServer.getAllServeEvents().size();
    }

    public int queueDepth() {
        return aws.sqs().getQueueAttributes(a -> a.queueUrl(queueUrl())
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes().values().stream().mapToInt(Integer::parseInt).sum();
    }

    /**
     * Forgets that a webhook id was queued, for tests that deliver the same sample webhook as another test (the
     * table outlives a test class): the receipt's key as {@code WebhookReceipts} writes it.
     */
    public void forgetWebhook(String carrier, String webhookId) {
        aws.dynamoDb().deleteItem(d -> d.tableName(localAws().resources().tableName("ShipbridgeTable")).key(Map.of(
                "pk", AttributeValue.fromS("WEBHOOK#" + carrier + "#" + webhookId), "sk", AttributeValue.fromS("RECEIPT"))));
    }

    /** How many items the table holds, all partitions together: what a test checks stayed as it was. */
    public long tableItemCount() {
        String table = localAws().resources().tableName("ShipbridgeTable");
        return aws.dynamoDb().scanPaginator(r -> r.tableName(table).select(Select.COUNT)).stream()
                .mapToLong(page -> page.count()).sum();
    }

    /** An order id no other test uses (the stand-ins live for the whole test run). */
    public static String newOrderId() {
        return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "-A";
    }

    private static String secret(String text) {
        return "whsec_" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
