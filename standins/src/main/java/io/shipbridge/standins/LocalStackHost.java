package io.shipbridge.standins;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * LocalStack without Docker: its services run in host mode, from a virtual environment this class installs itself from
 * the pinned {@code localstack/requirements.txt}, with a Python 3.12 or newer it finds the way Maven's toolchains find
 * a JDK ({@code SHIPBRIDGE_PYTHON}, then the {@code PATH}, pyenv's versions and the usual prefixes). The environment is
 * kept under {@code ~/.cache/shipbridge}, named by the requirements' hash, so a second build does not install it again.
 *
 * <p>Each run works in its own directories ({@link LocalStackFilesystem}). Lambda functions do not run in host mode
 * (LocalStack runs them in containers). DynamoDB would download DynamoDB Local and a Java on first use: with
 * {@code dynamodb} among the services, the registry's DynamoDB Local ({@link DynamoDbLocalPackage}) and this JVM's Java
 * are put where LocalStack looks for them first.
 */
public final class LocalStackHost implements AutoCloseable {
    public static final String VERSION = "4.14.0";
    private static final String REQUIREMENTS = "/localstack/requirements.txt";
    private static final Duration READY_WITHIN = Duration.ofMinutes(2);
    private static final Duration INSTALL_WITHIN = Duration.ofMinutes(20);

    private final Process process;
    private final URI endpoint;
    private final Path log;
    private final Path filesystem;

    private LocalStackHost(Process process, URI endpoint, Path log, Path filesystem) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
        this.filesystem = filesystem;
    }

    /** A Python able to run LocalStack {@value #VERSION} (3.12 or newer), or why none was found. */
    public static Optional<Path> findPython() {
        return findPython(System.getenv(), Path.of(System.getProperty("user.home")),
                List.of("/usr/local/bin", "/usr/bin", "/opt/homebrew/bin"));
    }

    /** The same, from these environment variables, home directory and usual prefixes. */
    static Optional<Path> findPython(Map<String, String> environment, Path home, List<String> prefixes) {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(environment.get("SHIPBRIDGE_PYTHON")).map(Path::of).ifPresent(candidates::add);
        List<String> names = List.of("python3.14", "python3.13", "python3.12", "python3");
        for (String directory : environment.getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!directory.isBlank() && !directory.contains(".pyenv/shims")) {
                names.forEach(name -> candidates.add(Path.of(directory, name)));
            }
        }
        Path pyenv = home.resolve(".pyenv/versions");
        if (Files.isDirectory(pyenv)) {
            try (Stream<Path> versions = Files.list(pyenv)) {
                versions.sorted(java.util.Comparator.reverseOrder()).forEach(v -> candidates.add(v.resolve("bin/python3")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String prefix : prefixes) {
            names.forEach(name -> candidates.add(Path.of(prefix, name)));
        }
        return candidates.stream().filter(Files::isExecutable).filter(LocalStackHost::isRecentEnough).findFirst();
    }

    private static boolean isRecentEnough(Path python) {
        try {
            Process version = new ProcessBuilder(python.toString(), "-c",
                    "import sys; print(1 if sys.version_info >= (3, 12) else 0)").redirectErrorStream(true).start();
            String answer = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0 && answer.equals("1");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Installs LocalStack if needed and starts it with {@code services} on a free port of 127.0.0.1.
     *
     * @param services LocalStack's service names, comma-separated
     * @param environment more of LocalStack's settings ({@code SFN_MOCK_CONFIG}, for one)
     */
    public static LocalStackHost start(Path python, String services, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path venv = install(python);
        Optional<Path> dynamoDbLocal = List.of(services.split(",")).contains("dynamodb")
                ? Optional.of(DynamoDbLocalPackage.install()) : Optional.empty();
        Path state = Files.createTempDirectory("localstack-");
        Path filesystem = state.resolve("filesystem");
        Map<String, String> filesystemSettings = LocalStackFilesystem.create(filesystem,
                venv.resolve("filesystem-cache"), dynamoDbLocal);
        int port = FreePort.find();
        ProcessBuilder builder = new ProcessBuilder(venv.resolve("bin/python").toString(), "-m",
                "localstack.runtime.main").directory(state.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.putAll(Map.of("SERVICES", services, "GATEWAY_LISTEN", "127.0.0.1:" + port, "LOCALSTACK_VOLUME_DIR",
                state.resolve("volume").toString(), "DISABLE_EVENTS", "1", "SKIP_SSL_CERT_DOWNLOAD", "1",
                "DNS_ADDRESS", "0", "AWS_DEFAULT_REGION", "us-east-1"));
        env.putAll(filesystemSettings);
        env.putAll(environment);
        Path log = state.resolve("localstack.log");
        Process process = builder.start();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("localstack-log").start(() -> copyLog(process.getInputStream(), log, ready));
        try {
            ready.get(READY_WITHIN.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException("LocalStack did not say Ready within " + READY_WITHIN.toSeconds()
                    + " s; its log: " + log, e);
        }
        return new LocalStackHost(process, URI.create("http://127.0.0.1:" + port), log, filesystem);
    }

    private static void copyLog(InputStream output, Path log, CompletableFuture<Void> ready) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
                var writer = Files.newBufferedWriter(log)) {
            String line;
            while ((line = lines.readLine()) != null) {
                writer.write(line);
                writer.newLine();
                writer.flush();
                if (line.strip().equals("Ready.")) {
                    ready.complete(null);
                }
            }
            ready.completeExceptionally(new IllegalStateException("LocalStack ended before it was ready"));
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
    }

    /** The virtual environment for the pinned requirements, installed on first use (a few minutes). */
    static Path install(Path python) throws IOException, InterruptedException {
        byte[] requirements;
        try (InputStream in = LocalStackHost.class.getResourceAsStream(REQUIREMENTS)) {
            requirements = in.readAllBytes();
        }
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "shipbridge");
        Path venv = cache.resolve("localstack-" + VERSION + "-" + sha256(requirements).substring(0, 12));
        if (Files.isRegularFile(venv.resolve("installed"))) {
            return venv;
        }
        Files.createDirectories(cache);
        Path partial = Files.createTempDirectory(cache, "installing-");
        Path file = partial.resolve("requirements.txt");
        Files.write(file, requirements);
        run(partial, python.toString(), "-m", "venv", partial.resolve("venv").toString());
        run(partial, partial.resolve("venv/bin/pip").toString(), "install", "--quiet", "--disable-pip-version-check",
                "--no-input", "-r", file.toString());
        Files.writeString(partial.resolve("venv/installed"), VERSION + "\n");
        try {
            Files.move(partial.resolve("venv"), venv, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            // Another build installed it meanwhile: theirs is as good.
        }
        return venv;
    }

    private static void run(Path directory, String... command) throws IOException, InterruptedException {
        Path output = directory.resolve("output.txt");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!process.waitFor(INSTALL_WITHIN.toMinutes(), TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(output));
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** LocalStack's output, for a failure's message. */
    public Path log() {
        return log;
    }

    @Override
    public void close() {
        // LocalStack stops the servers it started (DynamoDB Local's JVM) as it shuts down; any left are ended after it.
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        LocalStackFilesystem.delete(filesystem);
    }
}
