package io.shipbridge.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipbridge.standins.CloudFormationTemplate;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * What the deployed jar leaves out must not be needed in AWS either, where the offline cloud cannot go: the SDK clients
 * the functions build, with no endpoint override, resolve their AWS endpoints from the jar alone (without the SDK's
 * service metadata, which the jar leaves out), and the functions' Log4j configuration starts without a word from
 * Log4j's status logger (at WARN: a plugin it needs and cannot find, a lookup that fails) though the jar leaves out the
 * plugins nothing configures, and Powertools writes an object in a log line (through its JsonConfig, which builds
 * JMESPath's runtime) though the jar leaves out JMESPath's expression compiler ({@link FromTheJarProbe}). Needs the
 * jar, as {@link ShadedJarTest}.
 */
class FromTheJarTest {
    private static final Path ROOT = CloudFormationTemplate.locate().getParent();
    private static final Path JAR = ROOT.resolve("functions/target/shipbridge-functions.jar");

    @Test
    void awsEndpointsResolveAndLoggingStartsQuietlyFromTheJarAlone() throws Exception {
        assertThat(JAR).as("the shaded jar (./mvnw -B -pl functions -am -DskipTests package)").isRegularFile();
        Path err = Files.createTempFile("probe", ".err");
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-Dlog4j2.statusLoggerLevel=WARN", "-cp", JAR + File.pathSeparator + probeClasses(),
                FromTheJarProbe.class.getName()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_") || name.equals("JAVA_TOOL_OPTIONS"));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String errors = Files.readString(err);
        assertThat(process.exitValue()).as(out + errors).isZero();

        assertThat(out.lines().filter(line -> line.startsWith("HOSTS ")).findFirst().orElseThrow())
                .isEqualTo("HOSTS " + String.join(",", List.of("dynamodb.eu-west-1.amazonaws.com",
                        "sqs.eu-west-1.amazonaws.com", "states.eu-west-1.amazonaws.com",
                        "labels.s3.eu-west-1.amazonaws.com", "labels.s3.eu-west-1.amazonaws.com")));
        assertThat(out).as("the JSON log lines").contains("\"message\":\"Endpoints resolved from the jar\"")
                .contains("\"parcel\":{\"grams\":1200,\"id\":\"P1\"}");
        assertThat(errors).as("Log4j's status logger and anything else on standard error").isEmpty();
    }

    /**
     * Resources the jar leaves out because no class of it reads them: commons-codec's Beider-Morse rules, read by
     * its bm classes only (none in the jar until a function uses a Beider-Morse encoder), and the regions module's
     * endpoints.json, which no class names.
     */
    @Test
    void noClassInTheJarReadsTheResourcesItLeavesOut() throws Exception {
        assertThat(JAR).isRegularFile();
        List<String> readers = new ArrayList<>();
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            for (ZipEntry entry : jar.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                if (entry.getName().startsWith("org/apache/commons/codec/language/bm/")) {
                    readers.add(entry.getName());
                    continue;
                }
                String constants = new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.ISO_8859_1);
                if (constants.contains("endpoints.json") || constants.contains("language/bm/")) {
                    readers.add(entry.getName());
                }
            }
        }
        assertThat(readers).isEmpty();
    }

    /** The probe's classes alone, in a directory of their own: the test classes' Log4j configuration stays out. */
    private static Path probeClasses() throws Exception {
        Path classes = Path.of(FromTheJarProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path pkg = Path.of(FromTheJarProbe.class.getPackageName().replace('.', '/'));
        Path copy = Files.createTempDirectory("probe");
        Files.createDirectories(copy.resolve(pkg));
        try (Stream<Path> files = Files.list(classes.resolve(pkg))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(
                    FromTheJarProbe.class.getSimpleName())).toList()) {
                Files.copy(file, copy.resolve(pkg).resolve(file.getFileName()));
            }
        }
        return copy;
    }
}
