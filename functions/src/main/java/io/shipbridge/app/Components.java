package io.shipbridge.app;

import com.amazonaws.xray.interceptors.TracingInterceptor;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.aws.AwsApiInterceptor;
import io.shipbridge.aws.SignedJsonApi;
import io.shipbridge.carrier.Address;
import io.shipbridge.carrier.Carrier;
import io.shipbridge.carrier.CarrierAvailability;
import io.shipbridge.carrier.CarrierContext;
import io.shipbridge.carrier.CarrierModule;
import io.shipbridge.carrier.CarrierModules;
import io.shipbridge.carrier.CarrierProfile;
import io.shipbridge.carrier.Carriers;
import io.shipbridge.catalog.CatalogImport;
import io.shipbridge.exports.CsvExports;
import io.shipbridge.config.Config;
import io.shipbridge.config.Json;
import io.shipbridge.config.Secrets;
import io.shipbridge.config.SecretsManagerProvider;
import io.shipbridge.fulfilment.Cancellation;
import io.shipbridge.fulfilment.CarrierAssignment;
import io.shipbridge.fulfilment.FailureRecording;
import io.shipbridge.fulfilment.FaultRecovery;
import io.shipbridge.fulfilment.FetchOrders;
import io.shipbridge.fulfilment.OrderAcceptance;
import io.shipbridge.fulfilment.NotTakenIn;
import io.shipbridge.fulfilment.OrderIntake;
import io.shipbridge.fulfilment.OrderProgress;
import io.shipbridge.fulfilment.OrderRetry;
import io.shipbridge.fulfilment.ShipmentCreation;
import io.shipbridge.fulfilment.TrackingPublication;
import io.shipbridge.fulfilment.WaitRegistration;
import io.shipbridge.http.HttpSender;
import io.shipbridge.http.Sleeper;
import io.shipbridge.http.TracedHttpSender;
import io.shipbridge.handover.DayClosing;
import io.shipbridge.handover.ManifestChannels;
import io.shipbridge.handover.ManifestDispatch;
import io.shipbridge.handover.HandoverCalendar;
import io.shipbridge.metrics.OrderMetrics;
import io.shipbridge.mirakl.MiraklCarrierDirectory;
import io.shipbridge.mirakl.MiraklClient;
import io.shipbridge.mirakl.MiraklOrderFeed;
import io.shipbridge.mirakl.MiraklSettings;
import io.shipbridge.operator.HealthCheck;
import io.shipbridge.operator.LogEndpoints;
import io.shipbridge.operator.OperatorApi;
import io.shipbridge.operator.OrderEndpoints;
import io.shipbridge.operator.SystemEndpoints;
import io.shipbridge.selection.CarrierRuleSet;
import io.shipbridge.selection.OrderWeigher;
import io.shipbridge.storage.BucketFiles;
import io.shipbridge.storage.ExportFiles;
import io.shipbridge.storage.FetchCursorStore;
import io.shipbridge.storage.HandoverStore;
import io.shipbridge.storage.LabelStore;
import io.shipbridge.storage.ManifestDeliveries;
import io.shipbridge.storage.ManifestFiles;
import io.shipbridge.storage.OperationsLogStore;
import io.shipbridge.storage.OrderStore;
import io.shipbridge.storage.SettingsStore;
import io.shipbridge.storage.ShipmentIndex;
import io.shipbridge.storage.ShipmentNumbers;
import io.shipbridge.storage.SkuCatalogStore;
import io.shipbridge.storage.TrackingEventStore;
import io.shipbridge.storage.WebhookReceipts;
import io.shipbridge.storage.WaitStore;
import io.shipbridge.tracking.StatusFileImport;
import io.shipbridge.tracking.TrackingIngest;
import io.shipbridge.tracking.TrackingPoller;
import io.shipbridge.tracking.TrackingQueue;
import io.shipbridge.webhook.WebhookIntake;
import io.shipbridge.webhook.WebhookSecrets;
import io.shipbridge.webhook.WebhookSignature;
import io.shipbridge.workflow.OrderWorkflow;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/**
 * Builds the application from its settings, each part on first use and once per container: handlers take what they
 * need in their constructor, so it is built during the function's initialization, not on the first request.
 *
 * <p>AWS endpoints can be overridden with the SDK's own setting names ({@code AWS_ENDPOINT_URL_DYNAMODB},
 * {@code _SQS}, {@code _S3}, {@code _SFN}, {@code _SECRETSMANAGER}, {@code _SESV2}, {@code _TRANSFER}): that is how tests and the offline cloud point the functions at local
 * stand-ins. Without the service's own, {@code AWS_ENDPOINT_URL} serves every service, as the SDK reads it: LocalStack
 * sets it in its Lambda functions. In AWS none is set.
 */
public final class Components {
    private static final Lazy<Components> FROM_ENVIRONMENT = new Lazy<>(() -> new Components(Config.fromEnvironment(),
            DefaultCredentialsProvider.builder().build(), Clock.systemUTC(), Sleeper.REAL));

    private final Config config;
    private final AwsCredentialsProvider credentials;
    private final Clock clock;
    private final Sleeper sleeper;
    private final List<ExecutionInterceptor> interceptors;
    private final UnaryOperator<HttpSender> httpHook;

    private final Lazy<SdkHttpClient> awsHttp = new Lazy<>(() -> DryRun.wrap(UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(3)).socketTimeout(Duration.ofSeconds(20)).build()));
    private final Lazy<DynamoDbClient> dynamoDb = new Lazy<>(() -> aws(DynamoDbClient.builder(), "DYNAMODB").build());
    private final Lazy<SqsClient> sqs = new Lazy<>(() -> aws(SqsClient.builder(), "SQS").build());
    private final Lazy<SfnClient> sfn = new Lazy<>(() -> aws(SfnClient.builder(), "SFN").build());
    private final Lazy<S3Client> s3 = new Lazy<>(() -> aws(S3Client.builder(), "S3")
            .forcePathStyle(Boolean.parseBoolean(config().get("AWS_S3_FORCE_PATH_STYLE", "false"))).build());
    private final Lazy<SignedJsonApi> ses = new Lazy<>(() -> signed(SignedJsonApi.SES_V2, "SESV2"));
    private final Lazy<SignedJsonApi> transfer = new Lazy<>(() -> signed(SignedJsonApi.TRANSFER, "TRANSFER"));
    private final Lazy<HttpSender> http = new Lazy<>(() -> {
        HttpSender sender = hooked(HttpSender.of(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build()));
        return tracing() ? new TracedHttpSender(sender) : sender;
    });

    private final Lazy<OrderMetrics> metrics = new Lazy<>(() -> new OrderMetrics(MetricsFactory.getMetricsInstance(),
            config().get("POWERTOOLS_METRICS_NAMESPACE", "Shipbridge"),
            config().get("POWERTOOLS_SERVICE_NAME", "shipbridge")));
    private final Lazy<OperationsLogStore> operations = new Lazy<>(() -> new OperationsLogStore(dynamoDb.get(),
            table()));
    private final Lazy<OrderStore> orders = new Lazy<>(() -> new OrderStore(dynamoDb.get(), table(), clock()));
    private final Lazy<WaitStore> waits = new Lazy<>(() -> new WaitStore(dynamoDb.get(), table()));
    private final Lazy<TrackingEventStore> events = new Lazy<>(() -> new TrackingEventStore(dynamoDb.get(), table()));
    private final Lazy<ShipmentIndex> shipments = new Lazy<>(() -> new ShipmentIndex(dynamoDb.get(), table()));
    private final Lazy<SkuCatalogStore> skus = new Lazy<>(() -> new SkuCatalogStore(dynamoDb.get(), table()));
    private final Lazy<SettingsStore> settings = new Lazy<>(() -> new SettingsStore(dynamoDb.get(), table()));
    private final Lazy<S3Presigner> presigner = new Lazy<>(this::buildPresigner);
    private final Lazy<LabelStore> labels = new Lazy<>(() -> new LabelStore(s3.get(), presigner.get(),
            config().required("LABEL_BUCKET")));

    private final Lazy<Secrets> secrets = new Lazy<>(() -> new Secrets(new SecretsManagerProvider(
            signed(SignedJsonApi.SECRETS_MANAGER, "SECRETSMANAGER"), Secrets.MAX_AGE, clock()), config()));
    private final Lazy<MiraklClient> mirakl = new Lazy<>(() -> new MiraklClient(
            MiraklSettings.from(config(), secrets.get()), http.get(), operations.get(), sleeper(), clock()));
    private final Lazy<Carriers> carriers = new Lazy<>(this::buildCarriers);
    private final Lazy<OrderWorkflow> workflow = new Lazy<>(() -> new OrderWorkflow(sfn.get(),
            config().optional("STATE_MACHINE_ARN").orElse(null)));
    private final Lazy<OrderProgress> progress = new Lazy<>(() -> new OrderProgress(orders.get(), waits.get(),
            workflow.get()));
    private final Lazy<Cancellation> cancellation = new Lazy<>(() -> new Cancellation(orders.get(), carriers.get(),
            progress.get(), operations.get(), clock()));

    public Components(Config config, AwsCredentialsProvider credentials, Clock clock, Sleeper sleeper) {
        this(config, credentials, clock, sleeper, List.of());
    }

    /**
     * As above, every AWS client also running {@code interceptors}: the offline cloud's hook to hold each function's
     * calls to its IAM policy. A deployed function has none (IAM is AWS's to enforce).
     */
    public Components(Config config, AwsCredentialsProvider credentials, Clock clock, Sleeper sleeper,
            List<ExecutionInterceptor> interceptors) {
        this(config, credentials, clock, sleeper, interceptors, UnaryOperator.identity());
    }

    /**
     * As above, and every HTTP request to Mirakl and the carriers going through {@code httpHook}'s sender: the
     * offline cloud's hook to meter the time a function waits for them.
     */
    public Components(Config config, AwsCredentialsProvider credentials, Clock clock, Sleeper sleeper,
            List<ExecutionInterceptor> interceptors, UnaryOperator<HttpSender> httpHook) {
        this.config = config;
        this.credentials = credentials;
        this.clock = clock;
        this.sleeper = sleeper;
        this.interceptors = List.copyOf(interceptors);
        this.httpHook = httpHook;
    }

    /** The components of a deployed function, configured from its environment; one set per container. */
    public static Components fromEnvironment() {
        return FROM_ENVIRONMENT.get();
    }

    public Config config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    private Sleeper sleeper() {
        return sleeper;
    }

    public OrderMetrics metrics() {
        return metrics.get();
    }

    public OrderStore orders() {
        return orders.get();
    }

    public OperationsLogStore operations() {
        return operations.get();
    }

    public MiraklClient mirakl() {
        return mirakl.get();
    }

    public SkuCatalogStore skuCatalog() {
        return skus.get();
    }

    public SettingsStore settings() {
        return settings.get();
    }

    public LabelStore labels() {
        return labels.get();
    }

    public TrackingEventStore trackingEvents() {
        return events.get();
    }

    public ShipmentIndex shipments() {
        return shipments.get();
    }

    public Carriers carriers() {
        return carriers.get();
    }

    public FetchOrders fetchOrders() {
        NotTakenIn notTakenIn = new NotTakenIn(orders.get(), mirakl.get(), cancellation.get(), operations.get(),
                new NotTakenIn.Policy(NotTakenIn.Action.parse(config.get("MALFORMED_ORDER_ACTION", "hold")),
                        refusalReason()), clock);
        OrderIntake intake = new OrderIntake(orders.get(), workflow.get(), progress.get(), cancellation.get(),
                notTakenIn, operations.get(), clock);
        return new FetchOrders(new MiraklOrderFeed(mirakl.get()), intake,
                new FetchCursorStore(dynamoDb.get(), table()), clock, new FetchOrders.Settings(
                        Duration.ofMinutes(config.getLong("FETCH_OVERLAP_MINUTES", 10, 0, 24 * 60)),
                        Duration.ofHours(config.getLong("FETCH_FIRST_LOOKBACK_HOURS", 24, 1, 30 * 24)),
                        Duration.ofDays(config.getLong("SWEEP_LOOKBACK_DAYS", 5, 1, 30))));
    }

    /** The seller's reason for refusing an order Shipbridge cannot take in: plain, short, one line. */
    private String refusalReason() {
        String reason = config.get("MALFORMED_ORDER_REFUSAL_REASON",
                "Order data could not be processed automatically").strip();
        if (reason.isEmpty() || reason.length() > 200 || reason.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalStateException("Setting MALFORMED_ORDER_REFUSAL_REASON must be one line of 1 to 200"
                    + " characters");
        }
        return reason;
    }

    public OrderAcceptance orderAcceptance() {
        return new OrderAcceptance(orders.get(), mirakl.get(), cancellation.get());
    }

    public CarrierAssignment carrierAssignment() {
        OrderWeigher weigher = new OrderWeigher(skus.get()::items,
                config.positiveDecimal("DEFAULT_SKU_WEIGHT_KG", "1.0"));
        Supplier<JsonNode> carrierSecret = config.optional("CARRIER_SECRET_ARN").isPresent()
                ? secrets.get().parsed("CARRIER_SECRET_ARN", raw -> secrets.get().jsonObject("CARRIER_SECRET_ARN", raw))
                : Json.MAPPER::createObjectNode;
        return new CarrierAssignment(orders.get(), weigher, ruleSet(),
                new CarrierAvailability(CarrierModules.installed(), config, carrierSecret),
                config.get("SHIP_FROM_COUNTRY", "ES"));
    }

    public ShipmentCreation shipmentCreation() {
        Address shipFrom = Address.shipFrom(config);
        return new ShipmentCreation(orders.get(), carriers.get(), labels.get(), shipFrom, handoverCalendar(), clock);
    }

    /** The seller's daily cut-off, from the close's schedule (template parameter DailyCutoffSchedule). */
    public HandoverCalendar handoverCalendar() {
        return HandoverCalendar.of(config.get("DAILY_CUTOFF_SCHEDULE", "cron(0 18 * * ? *)"),
                config.zone("SELLER_TIME_ZONE", "Europe/Madrid").getId());
    }

    public DayClosing dayClosing() {
        return new DayClosing(carriers.get(), new HandoverStore(dynamoDb.get(), table()), manifestFiles(),
                manifestDispatch(), operations.get(), handoverCalendar(), clock);
    }

    /** Sends a closed day's documents to carriers that take them by e-mail (SES) or SFTP (Transfer Family). */
    public ManifestDispatch manifestDispatch() {
        ManifestFiles files = manifestFiles();
        return new ManifestDispatch(new ManifestChannels(ses::get, config.get("MANIFEST_EMAIL_FROM", ""),
                transfer::get, files.bucket()), new ManifestDeliveries(dynamoDb.get(), table()), files,
                operations.get(), clock);
    }

    public ManifestFiles manifestFiles() {
        return new ManifestFiles(s3.get(), config.required("LABEL_BUCKET"));
    }

    public HandoverStore handovers() {
        return new HandoverStore(dynamoDb.get(), table());
    }

    public TrackingPublication trackingPublication() {
        Map<String, String> codes = config.json("MIRAKL_CARRIER_CODES", new TypeReference<Map<String, String>>() {
        }, "{\"canadapost\":\"CPCL\"}").orElse(Map.of());
        Map<String, CarrierProfile> profiles = new LinkedHashMap<>();
        CarrierModules.installed().all().forEach(module -> profiles.put(module.id(), module.profile(config)));
        return new TrackingPublication(orders.get(), mirakl.get(),
                new MiraklCarrierDirectory(mirakl.get(), codes, clock), profiles, clock);
    }

    public StatusFileImport statusFileImport() {
        return new StatusFileImport(new BucketFiles(s3.get(), config.required("LABEL_BUCKET")), shipments.get(),
                trackingQueue(), CarrierModules.installed(), operations.get(), clock);
    }

    public CatalogImport catalogImport() {
        return new CatalogImport(new BucketFiles(s3.get(), config.required("LABEL_BUCKET")), skus.get()::putAll,
                operations.get(), clock);
    }

    public FailureRecording failureRecording() {
        return new FailureRecording(orders.get());
    }

    public FaultRecovery faultRecovery() {
        return new FaultRecovery(orders.get(), operations.get(), metrics.get(), clock, new FaultRecovery.Settings(
                Duration.ofSeconds(config.getLong("RECOVERY_FIRST_DELAY_SECONDS", 60, 1, 86_400)),
                Duration.ofSeconds(config.getLong("RECOVERY_MAX_DELAY_SECONDS", Duration.ofHours(2).toSeconds(), 1,
                        86_400)),
                Duration.ofHours(config.getLong("RECOVERY_WINDOW_HOURS", 24, 1, 24 * 30))), () -> ThreadLocalRandom.current().nextDouble());
    }

    public OrderRetry orderRetry() {
        return new OrderRetry(orders.get(), workflow.get());
    }

    public CsvExports csvExports() {
        return new CsvExports(orders.get(), operations.get(), new ExportFiles(s3.get(), presigner.get(),
                config.required("LABEL_BUCKET")), clock);
    }

    public OperatorApi operatorApi() {
        TrackingQueue deadLetters = new TrackingQueue(sqs.get(), config.required("TRACKING_DEAD_LETTER_QUEUE_URL"));
        HealthCheck health = new HealthCheck(() -> new FetchCursorStore(dynamoDb.get(), table())
                .lastRun(FetchOrders.CURSOR), operations.get(), trackingQueue(), deadLetters, workflow.get(),
                CarrierModules.installed().all().stream().filter(m -> m.isConfigured(config))
                        .map(CarrierModule::id).toList(), clock);
        return new OperatorApi(
                new OrderEndpoints(orders.get(), operations.get(), events.get(), labels.get(), orderRetry(),
                        cancellation.get(), clock),
                new LogEndpoints(operations.get(), csvExports(), clock),
                new SystemEndpoints(health, new Lazy<>(this::fetchOrders)::get, trackingQueue(), deadLetters, clock));
    }

    public WaitRegistration waitRegistration() {
        return new WaitRegistration(orders.get(), waits.get(), progress.get(), clock);
    }

    public TrackingIngest trackingIngest() {
        return new TrackingIngest(shipments.get(), events.get(), orders.get(), progress.get());
    }

    public TrackingPoller trackingPoller() {
        return new TrackingPoller(carriers.get(), config, shipments.get(), trackingQueue(), clock, sleeper,
                (int) config.getLong("POLL_BATCH_SIZE", 50, 1, 1000));
    }

    public WebhookIntake webhookIntake() {
        return new WebhookIntake(secrets.get().parsed("WEBHOOK_SECRET_ARN", WebhookSecrets::parse), trackingQueue(),
                new WebhookReceipts(dynamoDb.get(), table(), WebhookSignature.TOLERANCE.multipliedBy(2)),
                operations.get(), metrics(), clock);
    }

    private TrackingQueue trackingQueue() {
        return new TrackingQueue(sqs.get(), config.required("TRACKING_QUEUE_URL"));
    }

    /** The seller's rule set if one is stored, else the defaults; read again at most every five minutes. */
    private Supplier<CarrierRuleSet> ruleSet() {
        return new Supplier<>() {
            private CarrierRuleSet cached;
            private Instant readAt;

            @Override
            public synchronized CarrierRuleSet get() {
                Instant now = clock.instant();
                if (cached == null || readAt.plus(Duration.ofMinutes(5)).isBefore(now)) {
                    cached = settings.get().get("CARRIER_RULES").map(CarrierRuleSet::parse)
                            .orElseGet(CarrierRuleSet::defaults);
                    readAt = now;
                }
                return cached;
            }
        };
    }

    /** The carriers whose settings this function has, each connected (its secret read) on first use. */
    private Carriers buildCarriers() {
        return new Carriers(CarrierModules.installed().all().stream().filter(m -> m.isConfigured(config)).toList(),
                this::connect);
    }

    private Carrier connect(CarrierModule module) {
        CarrierContext.CarrierSecret secret = field -> secrets.get().field("CARRIER_SECRET_ARN",
                "/" + module.id() + "/" + field);
        return module.connect(new CarrierContext(config, secret, http.get(), operations.get(), clock, sleeper,
                new ShipmentNumbers(dynamoDb.get(), table(), clock)));
    }

    /** Signs label links as the S3 client would call S3: same credentials, region and (local) endpoint. */
    private S3Presigner buildPresigner() {
        S3Presigner.Builder builder = S3Presigner.builder().credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(Boolean.parseBoolean(
                        config.get("AWS_S3_FORCE_PATH_STYLE", "false"))).build());
        endpoint(config, "S3").ifPresent(builder::endpointOverride);
        config.optional("AWS_REGION").ifPresent(region -> builder.region(Region.of(region)));
        return builder.build();
    }

    /**
     * Runs a step of a function with every AWS call it makes answered in the process, none sent: priming's rehearsal
     * of a path no sample reaches (an export's CSV and temporary file). False when it failed all the same.
     */
    public boolean rehearse(Runnable step) {
        return DryRun.run(step);
    }

    /**
     * Before a SnapStart snapshot: loads and initializes what a first request would, so a restored function answers
     * its first request at warm speed. A real read of a key nothing writes takes the DynamoDB client's whole way
     * (HTTP connection and response included); then each AWS client the function built runs the calls the functions
     * make, there and back ({@link DryRun}: marshalling, endpoint, signing, tracing, answered in the process with an
     * empty success or the service's usual refusal, and unmarshalled); label links are signed; JSON for
     * {@code jsonTypes} (the handler's input and output) and for what the stores keep as JSON is read and written
     * from samples; the metrics' document is built (not written); the HTTP client of Mirakl and the carriers runs as
     * far as a refused connection; TLS (Mirakl and the carriers are HTTPS) and the log layout. Nothing is written
     * anywhere. A failure is only logged, never fails the snapshot.
     *
     * @return what could not be primed (empty when all was)
     */
    public List<String> prime(Class<?>... jsonTypes) {
        Optional<SecretsManagerProvider> secretsReader = secrets.isBuilt()
                // A provider like the secrets' own, with a cache of its own: it reads a made-up secret, answered.
                ? Optional.of(new SecretsManagerProvider(signed(SignedJsonApi.SECRETS_MANAGER, "SECRETSMANAGER"),
                        Secrets.MAX_AGE, clock))
                : Optional.empty();
        PrimedAwsCalls awsCalls = new PrimedAwsCalls(table(), built(dynamoDb), built(sqs), built(sfn), built(s3),
                built(presigner), secretsReader);
        Optional<HttpSender> httpSender = http.isBuilt() || carriers.isBuilt() ? Optional.of(http.get())
                : Optional.empty();
        return new PartsPriming(() -> orders.get().find("priming-" + config.get("AWS_LAMBDA_FUNCTION_NAME",
                "function")), awsCalls, built(metrics), httpSender).prime(jsonTypes);
    }

    private static <T> Optional<T> built(Lazy<T> part) {
        return part.isBuilt() ? Optional.of(part.get()) : Optional.empty();
    }

    /**
     * X-Ray subsegments for every AWS call, when the function is traced: Lambda sets the daemon's address only for
     * functions with active tracing (template.yaml: Tracing: Active). Elsewhere no segment exists to attach them to.
     */
    private HttpSender hooked(HttpSender sender) {
        return httpHook.apply(sender);
    }

    private boolean tracing() {
        return config.optional("AWS_XRAY_DAEMON_ADDRESS").isPresent();
    }

    private String table() {
        return config.required("TABLE_NAME");
    }

    /**
     * SES and Transfer Family, called without their SDK modules (megabytes of model classes for three operations):
     * the same endpoint setting, region, credentials, HTTP client and interceptors as the SDK's clients.
     */
    private SignedJsonApi signed(SignedJsonApi.Service service, String endpointSetting) {
        String region = config.optional("AWS_REGION").orElseGet(() -> new DefaultAwsRegionProviderChain().getRegion()
                .id());
        URI endpoint = endpoint(config, endpointSetting).orElseGet(() -> service.endpoint(region));
        return new SignedJsonApi(service, endpoint, region, credentials, awsHttp.get(), interceptors.stream()
                .filter(AwsApiInterceptor.class::isInstance).map(AwsApiInterceptor.class::cast).toList(), tracing());
    }

    /** The endpoint set for a service: its own setting, else {@code AWS_ENDPOINT_URL}; none in AWS. */
    static Optional<URI> endpoint(Config config, String service) {
        return config.optional("AWS_ENDPOINT_URL_" + service).or(() -> config.optional("AWS_ENDPOINT_URL"))
                .map(URI::create);
    }

    private <B extends AwsClientBuilder<B, ?>> B aws(B builder, String service) {
        endpoint(config, service).ifPresent(builder::endpointOverride);
        config.optional("AWS_REGION").ifPresent(region -> builder.region(Region.of(region)));
        builder.credentialsProvider(credentials);
        boolean tracing = tracing();
        builder.overrideConfiguration(o -> {
            if (tracing) {
                o.addExecutionInterceptor(new TracingInterceptor());
            }
            interceptors.forEach(o::addExecutionInterceptor);
        });
        if (builder instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> sync) {
            sync.httpClient(awsHttp.get());
        }
        return builder;
    }
}
