package io.shipbridge.local.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.app.Components;
import io.shipbridge.config.Config;
import io.shipbridge.config.Json;
import io.shipbridge.local.iam.AwsCalls;
import io.shipbridge.local.cost.BillableUnit;
import io.shipbridge.local.cost.MeteredHttpSender;
import io.shipbridge.local.cost.MeteringInterceptor;
import io.shipbridge.local.cost.NetworkWaits;
import io.shipbridge.local.cost.TransactionCapacity;
import io.shipbridge.local.cost.UsageMeter;
import io.shipbridge.local.iam.FunctionPolicy;
import io.shipbridge.local.iam.PolicyEvaluator;
import io.shipbridge.local.iam.PolicyInterceptor;
import io.shipbridge.local.iam.TemplateConditions;
import io.shipbridge.local.sim.Faults;
import io.shipbridge.local.sim.MiraklSimulator;
import io.shipbridge.local.sim.carrier.CarrierSimulators;
import io.shipbridge.local.sim.carrier.DeliveryTimeline;
import io.shipbridge.local.sim.carrier.FileExchange;
import io.shipbridge.local.sim.carrier.SimulatorContext;
import io.shipbridge.local.sim.carrier.WebhookSender;
import io.shipbridge.local.states.StateMachine;
import io.shipbridge.local.states.StatesEngine;
import io.shipbridge.local.states.StatesError;
import io.shipbridge.local.states.StepFunctionsServer;
import io.shipbridge.local.time.SimulatedTime;
import io.shipbridge.standins.CloudFormationTemplate;
import io.shipbridge.standins.LocalAws;
import io.shipbridge.standins.SesStandIn;
import io.shipbridge.standins.RecordedMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/**
 * The deployed template, run in one JVM: what {@code template.yaml} declares is brought up from it (tables, queues
 * and the bucket in local stand-ins; every function in-process with its template environment, its references
 * resolved to local endpoints; the state machine in the ASL executor behind the Step Functions API; the HTTP API
 * routes; the schedules as timers; the SQS event sources as pollers), with Mirakl and every carrier that has a
 * simulator simulated (each found through {@link CarrierSimulators}, none named here). What the
 * template asks for that is not emulated is listed by name in {@link #notEmulated()}.
 */
public final class OfflineCloud implements AutoCloseable {
    public static final String REGION = LocalAws.REGION;
    public static final String ACCOUNT = LocalAws.ACCOUNT_ID;
    public static final String STACK = "shipbridge-local";
    public static final String WEBHOOK_SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "shipbridge-offline-cloud-webhook-secret".getBytes(StandardCharsets.UTF_8));

    /** Lambda's SQS pollers start with five batches at once (and scale out from there, which is not emulated). */
    private static final int SQS_STARTING_BATCHES = 5;
    private static final Set<String> EMULATED_FUNCTION_PROPERTIES = Set.of("Handler", "Timeout", "MemorySize",
            "Environment", "Events", "Description", "ReservedConcurrentExecutions", "CodeUri", "Runtime",
            "Policies");
    private static final Map<String, Set<String>> EMULATED_PROPERTIES = Map.of(
            "AWS::DynamoDB::Table", Set.of("AttributeDefinitions", "KeySchema", "GlobalSecondaryIndexes",
                    "TimeToLiveSpecification", "BillingMode"),
            "AWS::SQS::Queue", Set.of("VisibilityTimeout", "RedrivePolicy", "MessageRetentionPeriod",
                    "DelaySeconds", "ReceiveMessageWaitTimeSeconds"),
            "AWS::S3::Bucket", Set.of("NotificationConfiguration"),
            "AWS::SecretsManager::Secret", Set.of("Name", "Description", "SecretString"),
            "AWS::Serverless::StateMachine", Set.of("Name", "Type", "DefinitionUri", "DefinitionSubstitutions",
                    "Policies"),
            "AWS::Serverless::HttpApi", Set.of("DefaultRouteSettings", "RouteSettings"));

    private final Options options;
    private final CloudFormationTemplate template;
    private final SimulatedTime time;
    private final SplittableRandom random;
    private final LocalAws aws;
    private final MiraklSimulator mirakl;
    private final CarrierSimulators carriers;
    private final StatesEngine engine;
    private final StepFunctionsServer stepFunctions;
    private final HttpApiGateway api;
    private final Schedules schedules;
    private final BucketEvents bucketEvents;
    private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> functionSettings = new LinkedHashMap<>();
    private final Map<String, String> functionHandlers = new LinkedHashMap<>();
    private final Map<String, PolicyEvaluator> policies = new LinkedHashMap<>();
    private final List<QueuePoller> pollers = new ArrayList<>();
    private final List<String> notEmulated = new ArrayList<>();
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final WebhookSender webhooks;
    private final PaceGovernor governor;
    private final SimulatedTime.Hold startHold;
    private final RecordedMetrics metrics = new RecordedMetrics();
    private final UsageMeter usage = new UsageMeter();
    private static final NetworkWaits WAITS = NetworkWaits.standard();
    private TransactionCapacity transactions;
    private StateMachine stateMachine;
    private Components components;

    /**
     * How to run it.
     *
     * @param timeScale       how much faster than the wall clock simulated time runs, at full speed (not with
     *                        {@code discreteTime})
     * @param ports           where to listen (0: any free port)
     * @param world           how the simulated marketplace and carrier behave
     * @param freeInvocations how many invocations may run before simulated time slows down (0: it never slows)
     * @param settings        extra function settings (e.g. a shorter RECOVERY_WINDOW_HOURS), for every function
     * @param parameters      template parameters to deploy with (e.g. a shorter FirstScanTimeoutSeconds)
     * @param discreteTime    whether simulated time stands still while any work is under way and moves, when all
     *                        of it waits, straight to the next instant something waits for: runs whose outcome does
     *                        not depend on the machine's speed (tests, the demo). Otherwise it runs {@code timeScale}
     *                        times faster than the wall clock, slowed while the functions are busy (serve)
     */
    public record Options(Path template, double timeScale, Instant start, long seed, Ports ports, World world,
            int freeInvocations, Map<String, String> settings, Map<String, String> parameters, Seller seller,
            boolean discreteTime) {

        /** Discrete simulated time. */
        public static Options defaults(Path template) {
            return new Options(template, 3000, Instant.parse("2026-11-20T08:00:00Z"), 20261120L, Ports.ANY,
                    World.DEFAULT, 2, Map.of(), Map.of(), Seller.SPAIN, true);
        }

        /** Simulated time stands still while work is under way (see {@code discreteTime}). */
        public Options withDiscreteTime() {
            return new Options(template, timeScale, start, seed, ports, world, freeInvocations, settings, parameters,
                    seller, true);
        }

        public Options withSeller(Seller deployedFor) {
            return new Options(template, timeScale, start, seed, ports, world, freeInvocations, settings, parameters,
                    deployedFor, discreteTime);
        }

        /** Simulated time runs {@code scale} times faster than the wall clock (not discrete). */
        public Options withTimeScale(double scale) {
            return new Options(template, scale, start, seed, ports, world, freeInvocations, settings, parameters,
                    seller, false);
        }

        public Options withSeed(long randomSeed) {
            return new Options(template, timeScale, start, randomSeed, ports, world, freeInvocations, settings,
                    parameters, seller, discreteTime);
        }

        public Options withPorts(Ports fixed) {
            return new Options(template, timeScale, start, seed, fixed, world, freeInvocations, settings, parameters,
                    seller, discreteTime);
        }

        public Options withSettings(Map<String, String> extra) {
            return new Options(template, timeScale, start, seed, ports, world, freeInvocations, extra, parameters,
                    seller, discreteTime);
        }

        public Options withParameters(Map<String, String> values) {
            return new Options(template, timeScale, start, seed, ports, world, freeInvocations, settings, values,
                    seller, discreteTime);
        }
    }

    /**
     * The local ports of the HTTP API, the Step Functions API and the simulators; 0 for any free one.
     *
     * @param firstCarrier the first carrier simulator's port, the next one's on the port after, and so on
     */
    public record Ports(int api, int stepFunctions, int mirakl, int firstCarrier) {
        public static final Ports ANY = new Ports(0, 0, 0, 0);
    }

    /**
     * How the simulated world behaves.
     *
     * @param debitDelay   how long after acceptance Mirakl debits the customer (each order up to twice that)
     * @param pushWebhooks whether a tracking aggregator pushes the carriers' states to the webhook route, besides
     *                     polling
     */
    public record World(Duration debitDelay, DeliveryTimeline carrierTimeline, boolean pushWebhooks) {
        /** Same-day couriers. */
        public static final World DEFAULT = new World(Duration.ofMinutes(10), DeliveryTimeline.SAME_DAY, true);
    }

    private OfflineCloud(Options options, boolean held) {
        this.options = options;
        this.time = options.discreteTime() ? SimulatedTime.discrete(options.start())
                : new SimulatedTime(options.start(), options.timeScale());
        this.random = new SplittableRandom(options.seed());
        this.template = CloudFormationTemplate.read(options.template());
        this.aws = LocalAws.start(options.template());
        this.mirakl = new MiraklSimulator(time, random.split(), "local-mirakl-" + Long.toHexString(options.seed()),
                options.world().debitDelay(), options.seller().miraklCarriers(), options.ports().mirakl());
        this.carriers = new CarrierSimulators(time, random.split(), options.world().carrierTimeline(),
                options.ports().firstCarrier(), sellerBucket());
        this.engine = new StatesEngine(time, this::invokeForStates, random.split(), usage);
        this.stepFunctions = StepFunctionsServer.start(engine, options.ports().stepFunctions());
        this.api = new HttpApiGateway(options.ports().api(), usage);
        this.schedules = new Schedules(time, usage);
        this.bucketEvents = new BucketEvents(aws.s3(), time, REGION, ACCOUNT);
        MetricsFactory.setMetricsProvider(() -> metrics);
        resolveParameters(template);
        transactions = new TransactionCapacity(aws.dynamoDb(), indexes(template));
        TemplateValues values = new TemplateValues(parameters, resourceValues(template));
        bringUp(template, values);
        putSecrets();
        connectFileCarriers();
        components = new Components(Config.of(localSettings(Map.of("TABLE_NAME",
                aws.resources().tableName("ShipbridgeTable"), "LABEL_BUCKET",
                aws.resources().bucketName("LabelBucket")))), LocalAws.CREDENTIALS, time, time.sleeper());
        this.webhooks = new WebhookSender(time, random.split(), carriers, api.baseUrl(),
                Base64.getDecoder().decode(WEBHOOK_SECRET.substring("whsec_".length())));
        if (options.world().pushWebhooks()) {
            webhooks.start(Duration.ofMinutes(10));
        }
        governor = options.freeInvocations() > 0 && !options.discreteTime()
                ? new PaceGovernor(time, this::invocationsRunningOrWaiting, options.freeInvocations()) : null;
        // Bringing the stand-ins up took seconds of wall time: simulated time begins now.
        time.restart();
        schedules.resume();
        startHold = held ? time.hold() : null;
        time.advanceWhenIdle(this::queuesDrained);
    }

    /**
     * The seller's bucket as a carrier exchanging files reaches it: objects it puts raise S3's events as any other, at
     * once, as S3 sends them within seconds (not at the next minute's look, which may fall at the same instant).
     */
    private SimulatorContext.Bucket sellerBucket() {
        return (key, content) -> putObject("LabelBucket", key, content);
    }

    /**
     * Carriers that take files get them as in AWS: the seller's sender address verified in SES, which delivers to the
     * carriers' mailboxes, and a Transfer Family connector to each carrier's SFTP server.
     */
    private void connectFileCarriers() {
        String from = parameters.getOrDefault("ManifestEmailFrom", "");
        if (!from.isEmpty()) {
            aws.ses().verify(from);
        }
        List<FileExchange> exchanges = carriers.all().stream().filter(FileExchange.class::isInstance)
                .map(FileExchange.class::cast).toList();
        exchanges.forEach(exchange -> aws.transfer().connector(exchange.sftpConnector(), exchange::receiveFile));
        aws.ses().deliverTo(mail -> exchanges.stream().filter(exchange -> mail.to().contains(exchange.mailbox()))
                .forEach(exchange -> exchange.receiveMail(mail.subject(), mail.attachments().stream()
                        .map(SesStandIn.Attachment::fileName).toList())));
    }

    /** The tables' global secondary indexes, by their key attributes. */
    private static List<TransactionCapacity.Index> indexes(CloudFormationTemplate template) {
        List<TransactionCapacity.Index> indexes = new ArrayList<>();
        template.resources().values().stream().filter(r -> r.type().equals("AWS::DynamoDB::Table"))
                .forEach(table -> table.properties().path("GlobalSecondaryIndexes").forEach(index -> {
                    String partition = null;
                    String sort = null;
                    for (JsonNode key : index.path("KeySchema")) {
                        if (key.path("KeyType").asText().equals("HASH")) {
                            partition = key.path("AttributeName").asText();
                        } else {
                            sort = key.path("AttributeName").asText();
                        }
                    }
                    indexes.add(new TransactionCapacity.Index(partition, sort));
                }));
        return indexes;
    }

    /**
     * Whether no message waits on a queue an event source polls, read now (the work a discrete clock does not count
     * in its credits): none visible, none taken and not yet done with.
     */
    private boolean queuesDrained() {
        return pollers.stream().allMatch(QueuePoller::drained);
    }

    /** The functions' invocations running now, and the queue batches their event sources have yet to take. */
    private int invocationsRunningOrWaiting() {
        return functions.values().stream().mapToInt(LocalFunction::running).sum()
                + pollers.stream().mapToInt(QueuePoller::waitingBatches).sum();
    }

    /** The secrets' values, put as an operator puts them after deploying; the simulators accept these. */
    private void putSecrets() {
        aws.putSecret("MiraklApiKeySecret", mirakl.secret().toString());
        aws.putSecret("CarrierCredentialsSecret", carriers.carrierSecret().toString());
        aws.putSecret("WebhookSigningSecret", carriers.webhookSecret(WEBHOOK_SECRET).toString());
    }

    public static OfflineCloud start(Options options) {
        return new OfflineCloud(options, false);
    }

    /**
     * Starts a cloud whose clock is held at its first instant until {@link #startHold()} is closed: what its owner
     * does meanwhile (upload a catalog, place orders) comes before any schedule runs, on any machine.
     */
    public static OfflineCloud startHeld(Options options) {
        return new OfflineCloud(options, true);
    }

    /** The hold a cloud {@linkplain #startHeld started held} keeps on its clock; {@code null} otherwise. */
    public SimulatedTime.Hold startHold() {
        return startHold;
    }

    private void resolveParameters(CloudFormationTemplate template) {
        Map<String, String> local = new HashMap<>();
        local.putAll(mirakl.templateParameters());
        local.putAll(carriers.templateParameters());
        local.putAll(options.seller().parameters());
        local.putAll(options.parameters());
        Iterator<Map.Entry<String, JsonNode>> declared = template.section("Parameters").fields();
        while (declared.hasNext()) {
            Map.Entry<String, JsonNode> parameter = declared.next();
            String value = local.containsKey(parameter.getKey()) ? local.get(parameter.getKey())
                    : parameter.getValue().has("Default") ? parameter.getValue().get("Default").asText() : null;
            if (value == null) {
                throw new IllegalStateException("Template parameter " + parameter.getKey()
                        + " has no default and the offline cloud has no value for it");
            }
            JsonNode declaration = parameter.getValue();
            // As CloudFormation does: a value outside the parameter's constraints refuses the deployment (the
            // offline cloud's own stand-in addresses, plain http on loopback, excepted).
            boolean given = options.parameters().containsKey(parameter.getKey())
                    || options.seller().parameters().containsKey(parameter.getKey())
                    || !local.containsKey(parameter.getKey());
            if (given && declaration.has("AllowedPattern") && !value.matches(declaration.get("AllowedPattern").asText())) {
                throw new IllegalStateException("Template parameter " + parameter.getKey() + " is " + value + ": "
                        + declaration.path("ConstraintDescription").asText("must match "
                        + declaration.get("AllowedPattern").asText()));
            }
            parameters.put(parameter.getKey(), value);
        }
        parameters.put("AWS::Region", REGION);
        parameters.put("AWS::AccountId", ACCOUNT);
        parameters.put("AWS::StackName", STACK);
        parameters.put("AWS::Partition", "aws");
        parameters.put("AWS::URLSuffix", "amazonaws.com");
    }

    private Map<String, TemplateValues.ResourceValue> resourceValues(CloudFormationTemplate template) {
        Map<String, TemplateValues.ResourceValue> values = new HashMap<>();
        for (CloudFormationTemplate.Resource resource : template.resources().values()) {
            String id = resource.logicalId();
            switch (resource.type()) {
                case "AWS::DynamoDB::Table" -> values.put(id, new TemplateValues.ResourceValue(
                        aws.resources().tableName(id), Map.of("Arn", "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT
                                + ":table/" + aws.resources().tableName(id))));
                case "AWS::SQS::Queue" -> values.put(id, new TemplateValues.ResourceValue(
                        aws.resources().queueUrl(id), Map.of("Arn", aws.resources().queueArn(id), "QueueName",
                                id, "QueueUrl", aws.resources().queueUrl(id))));
                case "AWS::S3::Bucket" -> values.put(id, new TemplateValues.ResourceValue(
                        aws.resources().bucketName(id), Map.of("Arn", "arn:aws:s3:::"
                                + aws.resources().bucketName(id))));
                case "AWS::Serverless::Function" -> {
                    values.put(id, new TemplateValues.ResourceValue(id, Map.of("Arn", functionArn(id))));
                    String alias = resource.properties().path("AutoPublishAlias").asText(template.section("Globals")
                            .path("Function").path("AutoPublishAlias").asText(""));
                    if (!alias.isEmpty()) {
                        values.put(id + ".Alias", new TemplateValues.ResourceValue(functionArn(id) + ":" + alias,
                                Map.of()));
                    }
                }
                case "AWS::SecretsManager::Secret" -> values.put(id, new TemplateValues.ResourceValue(
                        aws.resources().secretArn(id), Map.of()));
                case "AWS::Serverless::HttpApi" -> values.put(id, new TemplateValues.ResourceValue("local",
                        Map.of()));
                default -> {
                    // Resolved below once their own values are known (the state machine) or not at all.
                }
            }
        }
        for (CloudFormationTemplate.Resource machine : template.ofType("AWS::Serverless::StateMachine")) {
            String name = new TemplateValues(parameters, values).resolve(machine.properties().get("Name"),
                    machine.logicalId() + ".Name");
            String machineName = name == null ? machine.logicalId() : name;
            String arn = "arn:aws:states:" + REGION + ":" + ACCOUNT + ":stateMachine:" + machineName;
            values.put(machine.logicalId(), new TemplateValues.ResourceValue(arn, Map.of("Arn", arn, "Name",
                    machineName)));
        }
        return values;
    }

    private void bringUp(CloudFormationTemplate template, TemplateValues values) {
        JsonNode globals = template.section("Globals").path("Function");
        for (CloudFormationTemplate.Resource resource : template.resources().values()) {
            switch (resource.type()) {
                case "AWS::Serverless::StateMachine" -> registerStateMachine(resource, values);
                case "AWS::Serverless::Function" -> {
                }
                case "AWS::S3::Bucket" -> {
                    if (resource.properties().path("NotificationConfiguration").path("EventBridgeConfiguration")
                            .path("EventBridgeEnabled").asBoolean(false)) {
                        bucketEvents.watch(aws.resources().bucketName(resource.logicalId()));
                    }
                    reportProperties(resource);
                }
                default -> reportProperties(resource);
            }
        }
        for (CloudFormationTemplate.Resource function : template.ofType("AWS::Serverless::Function")) {
            buildFunction(function, globals, values);
        }
        Iterator<String> globalProperties = globals.fieldNames();
        while (globalProperties.hasNext()) {
            String property = globalProperties.next();
            if (!EMULATED_FUNCTION_PROPERTIES.contains(property)) {
                notEmulated.add("Globals.Function." + property + " (functions run in this JVM)");
            }
        }
        notEmulated.add("Policies of the state machine: its Lambda invocations are not held to them");
        notEmulated.add("The roles SAM adds besides a function's Policies (basic execution, X-Ray, SQS poller): "
                + "AWS uses them, the function's code does not");
        template.resources().values().stream()
                .filter(r -> !EMULATED_PROPERTIES.containsKey(r.type()) && !r.type().equals("AWS::Serverless::Function"))
                .forEach(r -> notEmulated.add(r.logicalId() + " (" + r.type() + ")"));
        for (CloudFormationTemplate.Resource function : template.ofType("AWS::Serverless::Function")) {
            for (JsonNode event : iterable(function.properties().path("Events"))) {
                wireEvent(function.logicalId(), event, values);
            }
        }
    }

    private void registerStateMachine(CloudFormationTemplate.Resource resource, TemplateValues values) {
        JsonNode properties = resource.properties();
        String definition;
        try {
            definition = Files.readString(options.template().getParent()
                    .resolve(properties.path("DefinitionUri").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the definition of " + resource.logicalId(), e);
        }
        Iterator<Map.Entry<String, JsonNode>> substitutions = properties.path("DefinitionSubstitutions").fields();
        while (substitutions.hasNext()) {
            Map.Entry<String, JsonNode> substitution = substitutions.next();
            definition = definition.replace("${" + substitution.getKey() + "}", values.resolve(substitution.getValue(),
                    resource.logicalId() + ".DefinitionSubstitutions." + substitution.getKey()));
        }
        String arn = values.ref(resource.logicalId(), resource.logicalId());
        stateMachine = engine.register(StateMachine.of(arn.substring(arn.lastIndexOf(':') + 1), arn, definition));
        stateMachine.unsupported().forEach(problem -> notEmulated.add(resource.logicalId() + ": " + problem));
        if (!"STANDARD".equals(properties.path("Type").asText("STANDARD"))) {
            notEmulated.add(resource.logicalId() + ".Type " + properties.path("Type").asText()
                    + " (runs as a Standard workflow)");
        }
        reportProperties(resource);
    }

    private void reportProperties(CloudFormationTemplate.Resource resource) {
        Set<String> emulated = EMULATED_PROPERTIES.get(resource.type());
        if (emulated == null) {
            return;
        }
        Iterator<String> names = resource.properties().fieldNames();
        while (names.hasNext()) {
            String property = names.next();
            if (!emulated.contains(property)) {
                notEmulated.add(resource.logicalId() + "." + property);
            }
        }
    }

    private void buildFunction(CloudFormationTemplate.Resource resource, JsonNode globals, TemplateValues values) {
        JsonNode properties = resource.properties();
        String id = resource.logicalId();
        Map<String, String> environment = new LinkedHashMap<>();
        for (JsonNode variables : List.of(globals.path("Environment").path("Variables"),
                properties.path("Environment").path("Variables"))) {
            Iterator<Map.Entry<String, JsonNode>> fields = variables.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                environment.put(field.getKey(), values.resolve(field.getValue(), id + ".Environment."
                        + field.getKey()));
            }
        }
        environment.put("AWS_LAMBDA_FUNCTION_NAME", id);
        int timeout = properties.path("Timeout").asInt(globals.path("Timeout").asInt(3));
        int memory = properties.path("MemorySize").asInt(globals.path("MemorySize").asInt(128));
        Integer reserved = properties.has("ReservedConcurrentExecutions")
                ? properties.get("ReservedConcurrentExecutions").asInt() : null;
        String handler = properties.path("Handler").asText(globals.path("Handler").asText());
        functionSettings.put(id, localSettings(environment));
        functionHandlers.put(id, handler);
        PolicyEvaluator policy = new PolicyEvaluator(FunctionPolicy.read(id, properties.path("Policies"),
                values::resolve, new TemplateConditions(template.section("Conditions"), values::resolve)),
                "arn:aws:sts::" + ACCOUNT + ":assumed-role/" + STACK + "-" + id + "Role/" + id);
        policies.put(id, policy);
        JsonNode tracing = properties.has("Tracing") ? properties.get("Tracing") : globals.get("Tracing");
        boolean activeTracing = tracing != null && "Active".equals(values.resolve(tracing, id + ".Tracing"));
        functions.put(id, new LocalFunction(id, functionArn(id), handler, functionComponents(id, memory),
                FunctionTimeout.of(Duration.ofSeconds(timeout), options.discreteTime()), memory, reserved,
                activeTracing, usage));
        Iterator<String> names = properties.fieldNames();
        while (names.hasNext()) {
            String property = names.next();
            if (!EMULATED_FUNCTION_PROPERTIES.contains(property)) {
                notEmulated.add(id + "." + property);
            }
        }
    }

    /**
     * How the functions' AWS calls are named to IAM here: tables by their key schema in the template, queues by their
     * stand-in ARN, and a task token as belonging to the one state machine the template deploys.
     */
    private AwsCalls awsCalls() {
        return new AwsCalls(REGION, ACCOUNT, this::partitionKey,
                url -> aws.resources().queueArn(url.substring(url.lastIndexOf('/') + 1)), token -> stateMachine.arn());
    }

    /** The partition key attribute of a table (physical names are the logical ids here), or of one of its indexes. */
    private String partitionKey(String table, String index) {
        JsonNode properties = template.resources().get(table).properties();
        JsonNode keySchema = properties.path("KeySchema");
        if (index != null) {
            keySchema = null;
            for (JsonNode gsi : properties.path("GlobalSecondaryIndexes")) {
                if (gsi.path("IndexName").asText().equals(index)) {
                    keySchema = gsi.path("KeySchema");
                }
            }
            if (keySchema == null) {
                throw new IllegalArgumentException("Table " + table + " has no index " + index);
            }
        }
        for (JsonNode key : keySchema) {
            if (key.path("KeyType").asText().equals("HASH")) {
                return key.path("AttributeName").asText();
            }
        }
        throw new IllegalArgumentException("Table " + table + " has no partition key");
    }

    /** What the cloud has used so far, as AWS would bill it. */
    public UsageMeter usage() {
        return usage;
    }

    /** Each function's IAM policy as the offline cloud enforces it, with what it allowed and denied so far. */
    public Map<String, PolicyEvaluator> policies() {
        return Map.copyOf(policies);
    }

    /** The function's template environment plus what makes it reach the local stand-ins instead of AWS. */
    private Map<String, String> localSettings(Map<String, String> environment) {
        Map<String, String> settings = new LinkedHashMap<>(environment);
        settings.putAll(aws.clientSettings());
        settings.put("AWS_ENDPOINT_URL_SFN", stepFunctions.endpoint().toString());
        settings.putIfAbsent("MIRAKL_TIMEOUT_SECONDS", "2");
        carriers.functionSettings().forEach(settings::putIfAbsent);
        settings.putAll(options.settings());
        return settings;
    }

    private void wireEvent(String functionId, JsonNode event, TemplateValues values) {
        String type = event.path("Type").asText();
        JsonNode properties = event.path("Properties");
        LocalFunction function = functions.get(functionId);
        String where = functionId + ".Events." + type;
        try {
            switch (type) {
                case "ScheduleV2" -> {
                    schedules.add(functionId, values.resolve(properties.get("ScheduleExpression"), where),
                            properties.has("ScheduleExpressionTimezone") ? values.resolve(properties.get(
                                    "ScheduleExpressionTimezone"), where) : null,
                            properties.path("Input").asText("{}"), function);
                    properties.fieldNames().forEachRemaining(name -> {
                        if (!Set.of("ScheduleExpression", "ScheduleExpressionTimezone", "Input").contains(name)) {
                            notEmulated.add(where + "." + name);
                        }
                    });
                }
                case "EventBridgeRule" -> {
                    bucketEvents.rule(where, new EventPattern(resolved(properties.path("Pattern"), values, where)),
                            function);
                    properties.fieldNames().forEachRemaining(name -> {
                        if (!name.equals("Pattern")) {
                            notEmulated.add(where + "." + name);
                        }
                    });
                }
                case "HttpApi" -> api.route(properties.path("Method").asText("ANY"), properties.path("Path").asText(),
                        function, HttpApiGateway.requiresIam(template, properties), throttle(properties));
                case "SQS" -> {
                    String queueArn = values.resolve(properties.get("Queue"), where);
                    String queueId = queueArn.substring(queueArn.lastIndexOf(':') + 1);
                    String queueUrl = aws.resources().queueUrl(queueId);
                    int visibility = Integer.parseInt(aws.sqs().getQueueAttributes(a -> a.queueUrl(queueUrl)
                            .attributeNamesWithStrings("VisibilityTimeout")).attributesAsStrings()
                            .get("VisibilityTimeout"));
                    boolean partial = false;
                    for (JsonNode responseType : properties.path("FunctionResponseTypes")) {
                        partial |= responseType.asText().equals("ReportBatchItemFailures");
                    }
                    pollers.add(new QueuePoller(aws.sqs(), queueUrl, queueArn, function,
                            properties.path("BatchSize").asInt(10),
                            Duration.ofSeconds(properties.path("MaximumBatchingWindowInSeconds").asInt(0)), partial,
                            Duration.ofSeconds(visibility), Math.min(SQS_STARTING_BATCHES,
                                    properties.path("ScalingConfig").path("MaximumConcurrency")
                                            .asInt(SQS_STARTING_BATCHES)), time, usage));
                    properties.fieldNames().forEachRemaining(name -> {
                        if (!Set.of("Queue", "BatchSize", "MaximumBatchingWindowInSeconds", "FunctionResponseTypes",
                                "ScalingConfig").contains(name)) {
                            notEmulated.add(where + "." + name);
                        }
                    });
                }
                default -> notEmulated.add(where + " (event type " + type + ")");
            }
        } catch (UnsupportedOperationException e) {
            notEmulated.add(e.getMessage());
        }
    }

    /** A template value with every intrinsic function in it replaced by its value. */
    private static JsonNode resolved(JsonNode node, TemplateValues values, String where) {
        if (node.isObject() && node.size() == 1 && node.fieldNames().next().matches("Ref|Fn::.*")) {
            return Json.MAPPER.getNodeFactory().textNode(values.resolve(node, where));
        }
        if (node.isObject()) {
            ObjectNode copy = Json.MAPPER.createObjectNode();
            node.fields().forEachRemaining(field -> copy.set(field.getKey(), resolved(field.getValue(), values,
                    where)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = Json.MAPPER.createArrayNode();
            node.forEach(item -> copy.add(resolved(item, values, where)));
            return copy;
        }
        return node;
    }

    private JsonNode invokeForStates(String functionNameOrArn, JsonNode payload) {
        LocalFunction function = function(functionNameOrArn);
        try {
            return Json.MAPPER.readTree(function.invokeInExecution(Json.MAPPER.writeValueAsBytes(payload)));
        } catch (FunctionError e) {
            String error = e.errorType().equals("TooManyRequestsException") ? "Lambda.TooManyRequestsException"
                    : e.errorType();
            throw new StatesError(error, e.document());
        } catch (IOException e) {
            throw new StatesError("Lambda.Unknown", "The function's response is not JSON: " + e.getMessage());
        }
    }


    /** The route's throttle: its API's RouteSettings for it, else the API's DefaultRouteSettings. */
    private RouteThrottle throttle(JsonNode eventProperties) {
        CloudFormationTemplate.Resource resource = template.resources().get(eventProperties.path("ApiId").path("Ref")
                .asText(""));
        if (resource == null) {
            return RouteThrottle.unlimited();
        }
        String routeKey = eventProperties.path("Method").asText("ANY").toUpperCase(Locale.ROOT) + " "
                + eventProperties.path("Path").asText();
        JsonNode settings = resource.properties().path("RouteSettings").path(routeKey);
        if (!settings.has("ThrottlingRateLimit")) {
            settings = resource.properties().path("DefaultRouteSettings");
        }
        return settings.has("ThrottlingRateLimit") ? new RouteThrottle(settings.get("ThrottlingRateLimit").asDouble(),
                settings.path("ThrottlingBurstLimit").asInt(1), time) : RouteThrottle.unlimited();
    }

    /** A function by logical id, name or ARN (a version or alias qualifier is ignored). */
    public LocalFunction function(String nameOrArn) {
        String name = nameOrArn;
        if (nameOrArn.startsWith("arn:")) {
            String[] parts = nameOrArn.split(":");
            name = parts[6];
        }
        LocalFunction function = functions.get(name);
        if (function == null) {
            throw new StatesError("Lambda.ResourceNotFoundException", "Function not found: " + nameOrArn);
        }
        return function;
    }

    /**
     * A new container of the function: its handler built again from its settings, with nothing cached (secrets
     * included, which the running containers keep for five minutes). For tests that change a secret and need a
     * function to read it now, as a cold start would.
     */
    LocalFunction coldStart(String id) {
        LocalFunction running = function(id);
        return new LocalFunction(id, running.arn(), functionHandlers.get(id), functionComponents(id,
                running.memory()), FunctionTimeout.of(Duration.ofMinutes(1), options.discreteTime()),
                running.memory(), null, running.activeTracing(), usage);
    }

    /** A function's parts, its AWS calls held to its policy and metered, its calls to Mirakl and carriers metered. */
    private Components functionComponents(String id, int memory) {
        return new Components(Config.of(functionSettings.get(id)), LocalAws.CREDENTIALS, time, time.sleeper(),
                List.of(new PolicyInterceptor(policies.get(id), awsCalls()),
                        new MeteringInterceptor(usage, memory, WAITS, transactions)),
                sender -> new MeteredHttpSender(sender, usage, memory, WAITS, mirakl.baseUrl()));
    }

    private static String functionArn(String logicalId) {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + logicalId;
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        List<JsonNode> children = new ArrayList<>();
        node.forEach(children::add);
        return children;
    }

    /** A route's throttle rate from the template, in requests a second. */
    public double rateLimit(String routeKey) {
        return api.rateLimit(routeKey);
    }

    /** Every input of every alarm of the template, now: equal readings mean no alarm changed state in between. */
    public Map<String, Map<String, Double>> alarmInputs() {
        return AlarmInputs.read(template, this);
    }

    /** What the functions' metrics (Powertools, EMF in AWS) add up to since the start. */
    public RecordedMetrics metrics() {
        return metrics;
    }

    /** A function's settings: its template environment pointed at the local stand-ins and simulators. */
    public Map<String, String> settingsOf(String functionId) {
        return Map.copyOf(functionSettings.get(functionId));
    }

    /** Where template.yaml is: the repository's root. */
    public Path templateDirectory() {
        return options.template().getParent();
    }

    /** The seller this cloud is deployed for. */
    public Seller seller() {
        return options.seller();
    }

    /** A template parameter's value in this deployment. */
    public String parameter(String name) {
        return parameters.get(name);
    }

    public SimulatedTime time() {
        return time;
    }

    public LocalAws aws() {
        return aws;
    }

    public MiraklSimulator mirakl() {
        return mirakl;
    }

    /** The simulated carriers. */
    public CarrierSimulators carriers() {
        return carriers;
    }

    public WebhookSender webhooks() {
        return webhooks;
    }

    public StatesEngine engine() {
        return engine;
    }

    public StateMachine stateMachine() {
        return stateMachine;
    }

    public Map<String, LocalFunction> functions() {
        return Map.copyOf(functions);
    }

    /** The application's stores, configured as the functions are: to read orders, history and the operations log. */
    public Components components() {
        return components;
    }

    public URI apiUrl() {
        return api.baseUrl();
    }

    public List<String> routes() {
        return api.routeKeys();
    }

    public URI stepFunctionsUrl() {
        return stepFunctions.endpoint();
    }

    /** Everything the template declares that the offline cloud does not emulate, by name. */
    public List<String> notEmulated() {
        return List.copyOf(new TreeSet<>(notEmulated));
    }

    /**
     * Places an order on the simulated marketplace, as a customer would; {@code simulation} scripts its story (see
     * {@link MiraklSimulator}), its {@code "carrier"} trouble going to the carrier simulator.
     */
    public void placeOrder(ObjectNode order, ObjectNode simulation) {
        carriers.scriptFrom(order.path("order_id").asText(), simulation);
        mirakl.addOrder(order, simulation);
    }

    /** Places the orders of a file in OR11's format, each with its {@code x-simulation} story; returns their ids. */
    public List<String> seed(Path file) throws IOException {
        List<String> ids = mirakl.seed(file);
        ids.forEach(id -> carriers.scriptFrom(id, mirakl.simulation(id)));
        return ids;
    }

    /**
     * Puts a file in a bucket of the template, as the AWS CLI would, then lets S3's events for it reach their rules
     * at once (they would within the simulated minute anyway); returns once the functions they invoke are done.
     */
    public void putObject(String bucketLogicalId, String key, byte[] content) {
        aws.s3().putObject(p -> p.bucket(aws.resources().bucketName(bucketLogicalId)).key(key),
                RequestBody.fromBytes(content));
        bucketEvents.scan();
    }

    /** The seller uploads a SKU catalog CSV under {@code catalog/}: ImportCatalogFunction imports it. */
    public void uploadCatalog(Path file) throws IOException {
        putObject("LabelBucket", "catalog/" + file.getFileName(), Files.readAllBytes(file));
    }

    public void injectFaults(Faults faults) {
        mirakl.faults(faults);
        carriers.faults(faults);
        webhooks.faults(faults);
    }

    /** Stops the schedules (the test or demo then drives the functions). */
    public void pauseSchedules() {
        schedules.pause();
    }

    @Override
    public void close() {
        if (governor != null) {
            governor.close();
        }
        webhooks.close();
        schedules.close();
        bucketEvents.close();
        pollers.forEach(QueuePoller::close);
        engine.close();
        api.close();
        stepFunctions.close();
        carriers.close();
        mirakl.close();
        aws.close();
        time.close();
    }
}
