package io.shipbridge.local.localstack;

import java.net.URI;
import java.util.Optional;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * LocalStack in Docker, started once for all the Docker tests of a run (each stack takes minutes to deploy), stopped
 * when the JVM ends. Without a Docker engine, every Docker test class is skipped and the reason printed once, in one
 * line.
 *
 * <p>How its Lambda containers are run (LocalStack's configuration, in its documentation and source):
 * <ul>
 * <li>{@code LAMBDA_DOCKER_FLAGS=--add-host=host.docker.internal:host-gateway}: the simulators run in the test's JVM
 * and the functions reach them as {@code host.docker.internal} (Docker Desktop names the host so by itself, a Linux
 * engine when asked); Testcontainers adds its own labels, so its reaper removes the Lambda containers too;</li>
 * <li>{@code LAMBDA_IGNORE_ARCHITECTURE=1}: the template's functions are arm64, the jar is plain Java, and the host's
 * own architecture runs it without emulation;</li>
 * <li>{@code LAMBDA_RUNTIME_ENVIRONMENT_TIMEOUT=120}: a Java 21 container's first start (the JVM, the shaded jar)
 * outlasts LocalStack's default of 20 seconds on a busy machine.</li>
 * </ul>
 * The functions find LocalStack itself through the {@code AWS_ENDPOINT_URL} it sets in their environment.
 */
final class LocalStackDocker {
    private static final String[] SERVICES = {"cloudformation", "iam", "sts", "lambda", "stepfunctions", "sqs", "s3",
        "dynamodb", "secretsmanager", "events", "scheduler", "logs", "cloudwatch", "sns"};
    private static LocalStackDocker running;
    private static String skipped;

    private final LocalStackContainer container;

    private LocalStackDocker(LocalStackContainer container) {
        this.container = container;
    }

    /** The LocalStack of this run, started on first use; aborts the caller's tests where it cannot run. */
    static synchronized LocalStackDocker shared() {
        if (running == null && skipped == null) {
            Optional<String> whyNot = DockerGate.whyNot(LocalStackDocker::dockerAvailable);
            if (whyNot.isPresent()) {
                skipped = whyNot.get();
                System.out.println(skipped);
            } else {
                running = start();
            }
        }
        if (skipped != null) {
            Assumptions.abort(skipped);
        }
        return running;
    }

    /** Testcontainers logs each way it looked for Docker as an error: the gate's one line says it once. */
    private static boolean dockerAvailable() {
        Configurator.setLevel("org.testcontainers", Level.OFF);
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } finally {
            Configurator.setLevel("org.testcontainers", Level.INFO);
        }
    }

    private static LocalStackDocker start() {
        LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(DockerGate.image(
                System.getenv())).asCompatibleSubstituteFor("localstack/localstack"))
                .withServices(SERVICES)
                .withEnv("LAMBDA_DOCKER_FLAGS", "--add-host=host.docker.internal:host-gateway")
                .withEnv("LAMBDA_IGNORE_ARCHITECTURE", "1")
                .withEnv("LAMBDA_RUNTIME_ENVIRONMENT_TIMEOUT", "120")
                .withEnv("LOCALSTACK_AUTH_TOKEN", System.getenv().getOrDefault("LOCALSTACK_AUTH_TOKEN", ""));
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "localstack-stop"));
        return new LocalStackDocker(container);
    }

    /** A client of LocalStack's, for this machine (not for its containers). */
    <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
        return builder.endpointOverride(endpoint()).region(region()).credentialsProvider(credentials()).build();
    }

    URI endpoint() {
        return container.getEndpoint();
    }

    Region region() {
        return Region.of(container.getRegion());
    }

    AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(container.getAccessKey(),
                container.getSecretKey()));
    }
}
