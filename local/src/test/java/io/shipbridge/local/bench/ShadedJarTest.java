package io.shipbridge.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipbridge.local.cloud.OfflineCloud;
import io.shipbridge.standins.CloudFormationTemplate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The deployed jar holds what runs, and only about that: every function of the template, started from the shaded
 * jar alone in a fresh JVM, with its SnapStart priming (which needs all a cold start needs, and more), answers its sample event against the offline
 * cloud with a success. Whatever the jar leaves out (SDK modules, HTTP clients, transitive jars, classes the shade
 * plugin's minimizing dropped) a function's first request or priming would need fails here. Needs the jar: the
 * reactor's package phase builds it before this module's tests.
 */
class ShadedJarTest {
    /**
     * What the jar measures (21.9 MB: 30.1 MB minimized, less SES, Transfer Family's and Secrets Manager's SDK modules,
     * whose calls are signed by hand, fontbox's CJK CMaps, the SDK's service metadata, Log4j's unconfigured plugins,
     * JMESPath's expression compiler and Beider-Morse's rules: FromTheJarTest), with a little room. The goal
     * is 15 MB, out of reach in one jar: OperatorApi alone uses all four SDK service modules left (7.9 MB: a sync
     * client refers to every operation of its service, so every model class stays), and the rest (Log4j, Jackson,
     * PDFBox, the SDK's core) is 14 MB.
     */
    static final long MAX_JAR_BYTES = 22_300_000L;

    private static final Path ROOT = CloudFormationTemplate.locate().getParent();
    private static final Path JAR = ROOT.resolve("functions/target/shipbridge-functions.jar");

    @Test
    void everyFunctionAnswersItsSampleEventFromTheShadedJarAloneAndPrimed() throws Exception {
        assertThat(JAR).as("the shaded jar (./mvnw -B -pl functions -am -DskipTests package)").isRegularFile();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ColdStartBenchmark.Report report;
        try (OfflineCloud cloud = OfflineCloud.start(OfflineCloud.Options.defaults(CloudFormationTemplate.locate())
                .withTimeScale(3000))) {
            report = new ColdStartBenchmark(cloud, JAR).primedOnly().run(1, List.of(), 20261130L,
                    new PrintStream(printed, true, StandardCharsets.UTF_8));
        }
        // The figures of this one run, beside the test's reports: a quick look without running coldstart.
        report.write(ROOT.resolve("local/target/coldstart-shadedjartest.json"));
        Files.write(ROOT.resolve("local/target/coldstart-shadedjartest.txt"), printed.toByteArray());
        List<String> functions = CloudFormationTemplate.read(ROOT.resolve("template.yaml"))
                .ofType("AWS::Serverless::Function").stream().map(CloudFormationTemplate.Resource::logicalId).toList();
        assertThat(report.functions()).extracting(ColdStartBenchmark.FunctionFigures::function)
                .containsExactlyInAnyOrderElementsOf(functions);
        assertThat(report.allRuns()).as(printed.toString(StandardCharsets.UTF_8))
                .hasSize(functions.size() + 1)
                .allSatisfy(run -> assertThat(ColdStartBenchmark.failureIn(run.response())).isNull());
        assertThat(report.allRuns()).filteredOn(ColdStartBenchmark.Run::primed).hasSize(functions.size());
        assertThat(report.floorFirstResponseMs()).isPositive();
        assertThat(report.jarBytes()).isEqualTo(Files.size(JAR));
    }

    @Test
    void theJarStaysSmall() throws Exception {
        assertThat(JAR).isRegularFile();
        assertThat(Files.size(JAR)).isLessThanOrEqualTo(MAX_JAR_BYTES);
    }

    @Test
    void anErrorStatusOrAFailedBatchItemIsNotASuccess() {
        assertThat(ColdStartBenchmark.failureIn("{\"statusCode\":202,\"body\":\"{}\"}")).isNull();
        assertThat(ColdStartBenchmark.failureIn("{\"state\":\"ACCEPTED\"}")).isNull();
        assertThat(ColdStartBenchmark.failureIn("{\"batchItemFailures\":[]}")).isNull();
        assertThat(ColdStartBenchmark.failureIn("{\"statusCode\":409,\"body\":\"{}\"}")).isEqualTo("status 409");
        assertThat(ColdStartBenchmark.failureIn("{\"batchItemFailures\":[{\"itemIdentifier\":\"1\"}]}"))
                .isEqualTo("1 failed batch items");
        assertThat(ColdStartBenchmark.failureIn("Hello")).isEqualTo("not JSON");
    }
}
