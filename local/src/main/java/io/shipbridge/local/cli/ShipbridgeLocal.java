package io.shipbridge.local.cli;

import io.shipbridge.local.bench.ColdStartBenchmark;
import io.shipbridge.local.cloud.FunctionError;
import io.shipbridge.local.cloud.LocalFunction;
import io.shipbridge.local.cloud.OfflineCloud;
import io.shipbridge.local.cloud.Seller;
import io.shipbridge.local.cost.ReadmeCost;
import io.shipbridge.local.demo.Demo;
import io.shipbridge.local.demo.DemoReport;
import io.shipbridge.local.demo.OrderSource;
import io.shipbridge.local.hammer.HammerReport;
import io.shipbridge.local.hammer.WebhookHammer;
import io.shipbridge.standins.CloudFormationTemplate;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * The offline cloud's command line: {@code demo}, {@code serve}, {@code invoke}, {@code coldstart}, {@code api},
 * {@code hammer} and {@code cost}.
 */
@Command(name = "shipbridge-local", mixinStandardHelpOptions = true,
        description = "Runs Shipbridge's template.yaml and state machine in one JVM, with simulated Mirakl and carriers.",
        subcommands = {ShipbridgeLocal.DemoCommand.class, ShipbridgeLocal.ServeCommand.class,
            ShipbridgeLocal.InvokeCommand.class, ShipbridgeLocal.ColdStartCommand.class,
            ShipbridgeLocal.ApiCommand.class, ShipbridgeLocal.HammerCommand.class, ShipbridgeLocal.CostCommand.class})
public final class ShipbridgeLocal {

    public static void main(String[] args) {
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "log4j2-offline.xml");
        }
        if (System.getProperty("shipbridge.log.file") == null) {
            System.setProperty("shipbridge.log.file", functionLogs().toString());
        }
        System.exit(new CommandLine(new ShipbridgeLocal()).execute(args));
    }

    /** Where the functions' logs go: under local/target beside the template, or here when there is none. */
    static Path functionLogs() {
        try {
            return CloudFormationTemplate.locate().getParent().resolve("local/target/offline-cloud/functions.log");
        } catch (RuntimeException noTemplateAbove) {
            return Path.of("offline-cloud-functions.log").toAbsolutePath();
        }
    }

    /** Options every command shares. */
    static class Common {
        @Option(names = "--template", description = "The SAM template (default: template.yaml here or above).")
        Path template;

        @Option(names = "--time-scale", defaultValue = "3000",
                description = "How many times faster than the wall clock simulated time runs, for serve and coldstart"
                        + " (default: ${DEFAULT-VALUE}); the demo's time is discrete.")
        double timeScale;

        @Option(names = "--seed", defaultValue = "20261120", description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--seed-file", description = "Orders to place on the marketplace, in OR11's format (may carry"
                + " x-simulation).")
        Path seedFile;

        @Option(names = "--seller", defaultValue = "es", description = "es: a Spanish seller (TIPSA, SEUR, Correos"
                + " Express); ca: a Best Buy Canada seller (Canada Post, transmitted at the daily cut-off).")
        String seller;

        @Option(names = "--catalog", description = "A SKU catalog CSV (sku,weight_kg[,length_cm,width_cm,height_cm])"
                + " to upload under catalog/ after the demo's own, as a seller does.")
        Path catalog;

        /** The demo catalog, then the seller's own if given, uploaded and imported as in AWS. */
        void uploadCatalogs(OfflineCloud cloud) throws java.io.IOException {
            Demo.uploadCatalogs(cloud, catalog, System.out);
        }

        OfflineCloud.Options options() {
            return OfflineCloud.Options.defaults(template == null ? CloudFormationTemplate.locate()
                    : template.toAbsolutePath()).withTimeScale(timeScale).withSeed(seed)
                    .withSeller(Seller.named(seller));
        }
    }

    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = "Runs orders from the marketplace to the customer's door and reports; exits non-zero"
                    + " unless every order ends as its input justifies.")
    static final class DemoCommand extends Common implements Callable<Integer> {
        @Option(names = "--orders", defaultValue = "200", description = "Orders to generate (default: ${DEFAULT-VALUE}).")
        int orders;

        @Option(names = "--faults", defaultValue = "0",
                description = "Share of simulator requests that fail (429, 5xx, late answers) and of webhooks "
                        + "delivered twice, e.g. 0.1.")
        double faults;

        @Option(names = "--timeout", description = "Seconds of wall time to wait for every order to end (default: one"
                + " per order, at least 300). A hang guard: the simulated clock does not depend on it.")
        Long timeout;

        @Option(names = "--report-json", description = "Writes the report as JSON to this file.")
        Path reportJson;

        @Override
        public Integer call() throws Exception {
            DemoReport report = Demo.run(options(), new Demo.Settings(orders, seedFile, faults, timeScale,
                    wallLimit(), seed, catalog), System.out);
            if (reportJson != null) {
                report.write(reportJson);
                System.out.println("Report written to " + reportJson.toAbsolutePath());
            }
            return report.passed() ? 0 : 1;
        }

        /** 1,000 orders with 20 % faults take about 300 s on 2 cores: a second per order leaves room for a busy one. */
        Duration wallLimit() {
            return Duration.ofSeconds(timeout != null ? timeout : Math.max(300, orders));
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Keeps the offline cloud up and prints where everything is; Ctrl-C stops it.")
    static final class ServeCommand extends Common implements Callable<Integer> {
        @Option(names = "--api-port", defaultValue = "8080") int apiPort;
        @Option(names = "--sfn-port", defaultValue = "8083") int sfnPort;
        @Option(names = "--mirakl-port", defaultValue = "8081") int miraklPort;
        @Option(names = "--carrier-ports", defaultValue = "8090",
                description = "The first carrier simulator's port; the others take the ports after it.")
        int carrierPorts;
        @Option(names = "--orders", defaultValue = "0", description = "New orders to place on the marketplace at start.")
        int orders;

        @Override
        public Integer call() throws Exception {
            OfflineCloud cloud = OfflineCloud.start(options().withPorts(new OfflineCloud.Ports(apiPort, sfnPort, miraklPort,
                    carrierPorts)));
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                cloud.close();
                stopped.countDown();
            }));
            uploadCatalogs(cloud);
            OrderSource generator = Demo.orders(cloud.seller(), seed);
            for (int i = 0; i < orders; i++) {
                cloud.placeOrder(generator.next(cloud.time().instant()), null);
            }
            if (seedFile != null) {
                cloud.seed(seedFile);
            }
            PrintStream out = System.out;
            out.println("Shipbridge offline cloud is up (simulated time x" + timeScale + "):");
            out.println("  HTTP API            " + cloud.apiUrl() + "  " + cloud.routes());
            out.println("  Step Functions API  " + cloud.stepFunctionsUrl() + "  (AWS_ENDPOINT_URL_SFN)");
            out.println("  Mirakl simulator    " + cloud.mirakl().baseUrl() + "/api/orders  (Authorization: "
                    + cloud.mirakl().apiKey() + ")");
            cloud.carriers().all().forEach(carrier -> out.printf("  %-19s %s  (%s)%n", "Carrier simulator",
                    carrier.baseUrl(), carrier.carrierId()));
            out.println("  DynamoDB Local      " + cloud.aws().dynamoDbEndpoint() + "  table "
                    + cloud.aws().resources().tableName("ShipbridgeTable"));
            out.println("  ElasticMQ (SQS)     " + cloud.aws().sqsEndpoint());
            out.println("  S3 stand-in         " + cloud.aws().s3Endpoint() + "  labels in s3://"
                    + cloud.aws().resources().bucketName("LabelBucket") + "/labels/  (put a catalog CSV under"
                    + " catalog/: it is imported, its report in catalog-reports/)");
            out.println("  functions           " + cloud.functions().keySet());
            out.println("  operator API        IAM-signed requests (any AWS credentials sign for the offline cloud):");
            String api = "./mvnw -q -B -Poffline process-classes -Doffline.args=\"api --url " + cloud.apiUrl();
            out.println("    " + api + " GET /api/v1/logs/orders-view?state=COMPLETE\"");
            out.println("    " + api + " GET /api/v1/health\"");
            out.println("    " + api + " POST /api/v1/orders/<orderId>/retry\"");
            out.println("    " + api + " GET /api/v1/logs/exports/operations.csv\"");
            out.println("    or: awscurl --service execute-api --region eu-west-1 --access_key local --secret_key local "
                    + cloud.apiUrl() + "/api/v1/health");
            out.println("  functions' logs     " + System.getProperty("shipbridge.log.file"));
            cloud.notEmulated().forEach(item -> out.println("  not emulated: " + item));
            stopped.await();
            return 0;
        }
    }

    @Command(name = "hammer", mixinStandardHelpOptions = true,
            description = "Starts a fresh offline cloud (as serve does, simulated time at the wall clock's pace, the"
                    + " schedules paused) and sends unsigned and invalid webhooks at a multiple of the route's throttle;"
                    + " exits non-zero unless every one was refused and counted and nothing else changed.")
    static final class HammerCommand extends Common implements Callable<Integer> {
        @Option(names = "--seconds", defaultValue = "60", description = "How long to send (default: ${DEFAULT-VALUE}).")
        long seconds;

        @Option(names = "--rate-factor", defaultValue = "2",
                description = "Requests a second, as a multiple of the route's throttle (default: ${DEFAULT-VALUE}).")
        double rateFactor;

        @Option(names = "--report-json", description = "Writes the report as JSON to this file.")
        Path reportJson;

        @Override
        public Integer call() throws Exception {
            try (OfflineCloud cloud = OfflineCloud.start(options().withTimeScale(1))) {
                uploadCatalogs(cloud);
                HammerReport report = WebhookHammer.run(cloud, new WebhookHammer.Settings(Duration.ofSeconds(seconds),
                        rateFactor, seed), System.out);
                report.print(System.out);
                if (reportJson != null) {
                    report.write(reportJson);
                }
                return report.passed() ? 0 : 1;
            }
        }
    }

    @Command(name = "invoke", mixinStandardHelpOptions = true,
            description = "Runs one function of the template with an event file, as 'sam local invoke' does, "
                    + "without Docker.")
    static final class InvokeCommand extends Common implements Callable<Integer> {
        @Parameters(index = "0", description = "The function's logical id, e.g. FetchOrdersFunction.")
        String function;

        @Option(names = {"-e", "--event"}, required = true, description = "The event file, e.g. events/accept-order.json.")
        Path event;

        @Override
        public Integer call() throws Exception {
            try (OfflineCloud cloud = OfflineCloud.start(options())) {
                cloud.pauseSchedules();
                uploadCatalogs(cloud);
                if (seedFile != null) {
                    cloud.seed(seedFile);
                }
                LocalFunction target = cloud.function(function);
                try {
                    byte[] response = target.invoke(Files.readAllBytes(event));
                    System.out.println(new String(response, StandardCharsets.UTF_8));
                    System.err.println("(the function's logs: " + System.getProperty("shipbridge.log.file") + ")");
                    return 0;
                } catch (FunctionError e) {
                    System.out.println(e.document());
                    return 1;
                }
            }
        }
    }

    @Command(name = "cost", mixinStandardHelpOptions = true,
            description = "Compares a demo report's cost with the README's cost table (exit 1 if they differ), or "
                    + "makes it the README's with --update-readme.")
    static final class CostCommand implements Callable<Integer> {
        @Parameters(index = "0", description = "A demo report, from demo --report-json.")
        Path report;

        @Option(names = "--update-readme", description = "Writes this run's cost into the README's table.")
        boolean update;

        @Override
        public Integer call() throws Exception {
            ReadmeCost readme = new ReadmeCost(CloudFormationTemplate.locate().getParent());
            if (update) {
                readme.update(report);
                System.out.println("README.md's cost table and local/readme-cost.json now show " + report);
                return 0;
            }
            List<String> differences = readme.differences(report);
            differences.forEach(difference -> System.out.println("  differs: " + difference));
            System.out.println(differences.isEmpty() ? "The run's cost matches the README's table."
                    : "The run's cost is not the README's: run cost --update-readme with the report, and commit.");
            return differences.isEmpty() ? 0 : 1;
        }
    }

    @Command(name = "coldstart", mixinStandardHelpOptions = true,
            description = "Measures cold starts: fresh JVMs load the deployed jar and answer each function's sample "
                    + "event against the offline cloud, cold and primed, beside a hello-world function's jar (the "
                    + "floor); every answer must be a success (build the jar first: ./mvnw -q -B -DskipTests package).")
    static final class ColdStartCommand extends Common implements Callable<Integer> {
        @Option(names = "--runs", defaultValue = "5", description = "Fresh JVMs per function (default: ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--jar", description = "The deployed jar (default: functions/target/shipbridge-functions.jar).")
        Path jar;

        @Option(names = "--function", description = "Only this function (logical id); repeatable (default: all).")
        java.util.List<String> only = new java.util.ArrayList<>();

        @Option(names = "--report-json", description = "Writes the figures as JSON to this file: jarBytes, "
                + "floorFirstResponseMs and each function's medians.")
        Path reportJson;

        @Option(names = "--jvm-options", description = "Added to the template's JAVA_TOOL_OPTIONS, for the functions and"
                + " the floor alike: to measure a flag, or to profile (-Xlog:class+load:file=...).")
        String jvmOptions;

        @Override
        public Integer call() throws Exception {
            try (OfflineCloud cloud = OfflineCloud.start(options())) {
                Path deployed = jar != null ? jar
                        : cloud.templateDirectory().resolve("functions/target/shipbridge-functions.jar");
                ColdStartBenchmark.Report report = new ColdStartBenchmark(cloud, deployed, jvmOptions).run(runs, only, seed,
                        System.out);
                if (reportJson != null) {
                    report.write(reportJson);
                }
                return 0;
            }
        }
    }

    @Command(name = "api", mixinStandardHelpOptions = true,
            description = "Sends one IAM-signed (SigV4, execute-api) request to the operator API: of the offline cloud "
                    + "(serve) by default, or of a deployed stack with --url and your AWS credentials.")
    static final class ApiCommand implements Callable<Integer> {
        @Parameters(index = "0", description = "GET or POST.") String method;
        @Parameters(index = "1", description = "The path and query, e.g. /api/v1/logs/orders-view?state=FAILED_POST.")
        String path;
        @Option(names = "--url", defaultValue = "http://127.0.0.1:8080",
                description = "The API's root: serve's (default: ${DEFAULT-VALUE}) or the stack's OperatorApiUrl "
                        + "without /api/v1.") java.net.URI url;
        @Option(names = "--body", description = "A JSON body, e.g. '{\"reason\":\"carrier back\"}'.") String body;
        @Option(names = "--region", description = "The stack's region (default: from the URL, else eu-west-1).")
        String region;

        @Override
        public Integer call() throws Exception {
            boolean local = java.util.Set.of("127.0.0.1", "localhost").contains(url.getHost());
            String signingRegion = region != null ? region : regionOf(url.getHost());
            SignedRequests requests = new SignedRequests(local ? io.shipbridge.standins.LocalAws.CREDENTIALS
                    : software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider.builder().build(),
                    signingRegion);
            java.net.http.HttpResponse<String> response = requests.send(method, url.resolve(path), body);
            System.out.println(response.body());
            System.err.println("HTTP " + response.statusCode());
            return response.statusCode() < 400 ? 0 : 1;
        }

        /** {@code <api>.execute-api.<region>.amazonaws.com}. */
        private static String regionOf(String host) {
            String[] parts = host.split("\\.");
            return parts.length > 3 && parts[1].equals("execute-api") ? parts[2] : "eu-west-1";
        }
    }
}
