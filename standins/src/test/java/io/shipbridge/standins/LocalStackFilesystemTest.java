package io.shipbridge.standins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A LocalStack run's own directories, with DynamoDB Local and a Java where LocalStack looks for them first. */
class LocalStackFilesystemTest {
    @TempDir
    Path directory;

    @Test
    void placesDynamoDbLocalAndThisJavaAmongLocalStacksStaticLibraries() throws IOException {
        Path root = directory.resolve("run/filesystem");
        Path dynamoDbLocal = Files.createDirectories(directory.resolve("dynamodb-local-x"));

        var settings = LocalStackFilesystem.create(root, directory.resolve("cache"), Optional.of(dynamoDbLocal));

        assertThat(settings).containsEntry("FILESYSTEM_ROOT", root.toString()).containsEntry("OVERRIDE_IN_DOCKER", "0");
        assertThat(Files.readSymbolicLink(root.resolve("usr/lib/localstack/dynamodb-local/2"))).isEqualTo(dynamoDbLocal);
        Path java = root.resolve("usr/lib/localstack/java/21");
        assertThat(Files.readSymbolicLink(java)).isEqualTo(Path.of(System.getProperty("java.home")));
        assertThat(java.resolve("bin/java")).as("LocalStack's mark of an installed Java").isExecutable();
        assertThat(Files.readSymbolicLink(root.resolve("var/lib/localstack/cache"))).isEqualTo(directory.resolve("cache"));
    }

    @Test
    void placesNothingForDynamoDbWhenNotAsked() throws IOException {
        Path root = directory.resolve("filesystem");

        LocalStackFilesystem.create(root, directory.resolve("cache"), Optional.empty());

        assertThat(root.resolve("usr/lib/localstack")).doesNotExist();
        assertThat(root.resolve("var/lib/localstack/cache")).isDirectory();
    }

    @Test
    void deletesTheRunsDirectoriesButNotWhatTheyLinkTo() throws IOException {
        Path root = directory.resolve("filesystem");
        Path dynamoDbLocal = Files.createDirectories(directory.resolve("dynamodb-local-x"));
        Files.writeString(dynamoDbLocal.resolve("DynamoDBLocal.jar"), "launcher");
        LocalStackFilesystem.create(root, directory.resolve("cache"), Optional.of(dynamoDbLocal));
        Files.writeString(Files.createDirectories(root.resolve("tmp/localstack/state")).resolve("s3"), "objects");
        Files.writeString(directory.resolve("cache/service-catalog.dill"), "index");

        LocalStackFilesystem.delete(root);

        assertThat(root).doesNotExist();
        assertThat(dynamoDbLocal.resolve("DynamoDBLocal.jar")).hasContent("launcher");
        assertThat(directory.resolve("cache/service-catalog.dill")).hasContent("index");
    }
}
