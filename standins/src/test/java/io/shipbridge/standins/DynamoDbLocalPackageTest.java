package io.shipbridge.standins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DynamoDB Local laid out as LocalStack runs it: the launcher, its libraries, the agent; once per set of jars. */
class DynamoDbLocalPackageTest {
    @TempDir
    Path cache;

    private final Path dynamoDbLocal = jarOf(ServerRunner.class);
    private final Path sqlite = jarOf(com.almworks.sqlite4java.SQLiteConnection.class);

    @Test
    void launchesDynamoDbLocalsServerRunnerWithTheJarsLinkedInItsLibraries() throws IOException {
        Path installed = DynamoDbLocalPackage.install(cache, List.of(dynamoDbLocal, sqlite));

        try (JarFile launcher = new JarFile(installed.resolve("DynamoDBLocal.jar").toFile())) {
            Attributes main = launcher.getManifest().getMainAttributes();
            assertThat(main.getValue("Main-Class")).isEqualTo(ServerRunner.class.getName());
            assertThat(main.getValue("Enable-Native-Access")).isEqualTo("ALL-UNNAMED");
            List<Path> classPath = Arrays.stream(main.getValue("Class-Path").split(" ")).map(installed::resolve)
                    .toList();
            assertThat(classPath).allSatisfy(entry -> assertThat(entry.getParent().getFileName())
                    .hasToString("DynamoDBLocal_lib"));
            assertThat(classPath).extracting(entry -> Files.readSymbolicLink(entry))
                    .containsExactly(dynamoDbLocal, sqlite);
        }
    }

    @Test
    void givesLocalStackAnAgentThatLoadsAndDoesNothing() throws IOException {
        Path installed = DynamoDbLocalPackage.install(cache, List.of(dynamoDbLocal));

        try (JarFile agent = new JarFile(installed.resolve("ddb-local-loader-0.1.jar").toFile())) {
            assertThat(agent.getManifest().getMainAttributes().getValue("Premain-Class"))
                    .isEqualTo(NoOpDynamoDbLocalAgent.class.getName());
            assertThat(agent.getEntry(NoOpDynamoDbLocalAgent.class.getName().replace('.', '/') + ".class")).isNotNull();
        }
    }

    @Test
    void isLaidOutOnceForTheSameJarsAndAgainForOthers() throws IOException {
        Path first = DynamoDbLocalPackage.install(cache, List.of(dynamoDbLocal));
        Path mark = Files.writeString(first.resolve("laid-out-before"), "");

        assertThat(DynamoDbLocalPackage.install(cache, List.of(dynamoDbLocal))).isEqualTo(first);
        assertThat(mark).exists();
        assertThat(DynamoDbLocalPackage.install(cache, List.of(dynamoDbLocal, sqlite))).isNotEqualTo(first);
    }

    @Test
    void linksTwoJarsOfTheSameNameUnderTwoNames() throws IOException {
        Path other = Files.createDirectories(cache.resolve("elsewhere")).resolve(dynamoDbLocal.getFileName());
        Files.copy(dynamoDbLocal, other);

        Path installed = DynamoDbLocalPackage.install(cache.resolve("cache"), List.of(dynamoDbLocal, other));

        try (var links = Files.list(installed.resolve("DynamoDBLocal_lib"))) {
            assertThat(links.map(link -> {
                try {
                    return Files.readSymbolicLink(link);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            })).containsExactlyInAnyOrder(dynamoDbLocal, other);
        }
    }

    @Test
    void saysSoWhenDynamoDbLocalIsNotAmongTheJars() {
        assertThatThrownBy(() -> DynamoDbLocalPackage.install(cache, List.of(sqlite)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DynamoDB Local").hasMessageContaining("not among the class path's jars");
        assertThat(cache).isEmptyDirectory();
    }

    private static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
