package io.shipbridge.standins;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * DynamoDB Local laid out as LocalStack's {@code dynamodb-local} package, so that LocalStack in host mode runs it
 * instead of downloading AWS's zip (no network here). LocalStack runs, in this directory,
 * {@code java -javaagent:ddb-local-loader-0.1.jar -Djava.library.path=DynamoDBLocal_lib -jar DynamoDBLocal.jar …};
 * here {@code DynamoDBLocal.jar} is a launcher (DynamoDB Local's server runner as its main class, the jars of
 * {@code DynamoDBLocal_lib} as its class path), {@code DynamoDBLocal_lib} links to the jars this JVM runs its own
 * DynamoDB Local from (the stand-in's: DynamoDB Local 2.6.1 from the Maven registry and its libraries, at the versions
 * the build resolved; its sqlite4java natives are inside its jar and extract themselves), and the agent is
 * {@link NoOpDynamoDbLocalAgent}.
 *
 * <p>Kept under {@code ~/.cache/shipbridge}, named by a hash of those jars, so a second build finds it laid out.
 */
public final class DynamoDbLocalPackage {
    static final String LAUNCHER = "DynamoDBLocal.jar";
    static final String LIBRARIES = "DynamoDBLocal_lib";
    /** The file name LocalStack 4.14.0 passes to {@code -javaagent}. */
    static final String AGENT = "ddb-local-loader-0.1.jar";
    private static final String LAYOUT_VERSION = "1";

    private DynamoDbLocalPackage() {
    }

    /** The package for this JVM's class path, laid out on first use. */
    public static Path install() throws IOException {
        return install(Path.of(System.getProperty("user.home"), ".cache", "shipbridge"), classPathJars());
    }

    /**
     * The package for these jars in {@code cache}.
     *
     * @throws IllegalStateException if DynamoDB Local is not among the jars
     */
    static Path install(Path cache, List<Path> jars) throws IOException {
        Path dynamoDbLocal = jarOf(ServerRunner.class);
        if (!jars.contains(dynamoDbLocal)) {
            throw new IllegalStateException("DynamoDB Local (" + dynamoDbLocal + ") is not among the class path's jars");
        }
        Path installed = cache.resolve("dynamodb-local-" + hash(jars));
        if (Files.isRegularFile(installed.resolve(LAUNCHER))) {
            return installed;
        }
        Files.createDirectories(cache);
        Path partial = Files.createTempDirectory(cache, "laying-out-");
        List<String> classPath = linkLibraries(jars, partial.resolve(LIBRARIES));
        writeAgent(partial.resolve(AGENT));
        writeLauncher(partial.resolve(LAUNCHER), classPath);
        try {
            Files.move(partial, installed, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            // Another build laid it out meanwhile: theirs is the same.
        }
        return installed;
    }

    private static List<Path> classPathJars() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar")).map(entry -> Path.of(entry).toAbsolutePath())
                .filter(Files::isRegularFile).toList();
    }

    private static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Links the jars into {@code directory} under names a manifest's class path can carry; returns its entries. */
    private static List<String> linkLibraries(List<Path> jars, Path directory) throws IOException {
        Files.createDirectories(directory);
        List<String> entries = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (Path jar : jars) {
            String plain = jar.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
            String name = plain;
            for (int n = 2; !taken.add(name); n++) {
                name = n + "-" + plain;
            }
            Files.createSymbolicLink(directory.resolve(name), jar);
            entries.add(LIBRARIES + "/" + name);
        }
        return entries;
    }

    private static void writeLauncher(Path file, List<String> classPath) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, ServerRunner.class.getName());
        main.put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
        // sqlite4java is JNI: JDK 22 and newer warn at its first call unless the launcher allows it.
        main.put(new Attributes.Name("Enable-Native-Access"), "ALL-UNNAMED");
        try (OutputStream out = new JarOutputStream(Files.newOutputStream(file), manifest)) {
            // The manifest is the whole launcher.
        }
    }

    private static void writeAgent(Path file) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), NoOpDynamoDbLocalAgent.class.getName());
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(file), manifest)) {
            jar.putNextEntry(new JarEntry(agentClassFile()));
            jar.write(agentClass());
            jar.closeEntry();
        }
    }

    private static String agentClassFile() {
        return NoOpDynamoDbLocalAgent.class.getName().replace('.', '/') + ".class";
    }

    private static byte[] agentClass() throws IOException {
        try (InputStream in = NoOpDynamoDbLocalAgent.class.getResourceAsStream(
                "/" + agentClassFile())) {
            return in.readAllBytes();
        }
    }

    private static String hash(List<Path> jars) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(LAYOUT_VERSION.getBytes(StandardCharsets.UTF_8));
            digest.update(agentClass());
            for (Path jar : jars) {
                digest.update((jar + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
