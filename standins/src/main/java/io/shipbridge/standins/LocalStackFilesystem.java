package io.shipbridge.standins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The directories one LocalStack run in host mode works in: its {@code FILESYSTEM_ROOT}, under the run's own state
 * directory, laid out as LocalStack's {@code Directories.for_host()} reads it. What LocalStack would download on first
 * use is placed in its static libraries beforehand: for DynamoDB, its {@code dynamodb-local} package
 * ({@link DynamoDbLocalPackage}) and its {@code java} package 21, which is this JVM's own Java (21 or newer, as the
 * build found it; DynamoDB Local needs 17). LocalStack's cache (its service catalog index, five seconds to build) is
 * shared between runs.
 */
final class LocalStackFilesystem {
    /** LocalStack's {@code dynamodb-local} package version and {@code java} package version for it, in 4.14.0. */
    private static final String DYNAMODB_LOCAL = "usr/lib/localstack/dynamodb-local/2";
    private static final String JAVA = "usr/lib/localstack/java/21";
    private static final String CACHE = "var/lib/localstack/cache";

    private LocalStackFilesystem() {
    }

    /**
     * Lays out {@code root}, DynamoDB Local's package in it if given, and returns LocalStack's settings for it.
     */
    static Map<String, String> create(Path root, Path sharedCache, Optional<Path> dynamoDbLocal) throws IOException {
        Files.createDirectories(sharedCache);
        link(root.resolve(CACHE), sharedCache);
        if (dynamoDbLocal.isPresent()) {
            link(root.resolve(DYNAMODB_LOCAL), dynamoDbLocal.get());
            link(root.resolve(JAVA), Path.of(System.getProperty("java.home")));
        }
        // A machine with /.dockerenv (this kind, many CI runners) looks to LocalStack like its own container: it would
        // then use /usr/lib/localstack and /var/lib/localstack, shared by every run, and ignore FILESYSTEM_ROOT.
        return Map.of("OVERRIDE_IN_DOCKER", "0", "FILESYSTEM_ROOT", root.toString());
    }

    /** Deletes a run's directories, not what their links point to; what cannot be deleted is left in place. */
    static void delete(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A temporary directory: the system's cleaner gets the rest.
        }
    }

    private static void link(Path link, Path target) throws IOException {
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, target);
    }
}
