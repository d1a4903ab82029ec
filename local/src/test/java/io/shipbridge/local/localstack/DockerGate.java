package io.shipbridge.local.localstack;

import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Whether LocalStack can run in Docker here, and if not, the one line that says why the Docker tests are skipped. */
final class DockerGate {
    /** LocalStack's last release that runs without an auth token; a newer one needs {@code LOCALSTACK_AUTH_TOKEN}. */
    static final String FREE_IMAGE = "localstack/localstack:4.14.0";

    private DockerGate() {
    }

    /** Why LocalStack cannot run in Docker, or empty when it can. */
    static Optional<String> whyNot(BooleanSupplier dockerAvailable) {
        if (!dockerAvailable.getAsBoolean()) {
            return Optional.of("LocalStack in Docker skipped: no Docker engine reachable (Testcontainers found none:"
                    + " DOCKER_HOST, the Docker socket, ~/.testcontainers.properties); nothing was deployed");
        }
        return Optional.empty();
    }

    /**
     * The image to run: the pinned token-free release, or {@code LOCALSTACK_IMAGE} (a newer tag) when an auth token
     * is set for it.
     */
    static String image(java.util.Map<String, String> environment) {
        String token = environment.get("LOCALSTACK_AUTH_TOKEN");
        String image = environment.get("LOCALSTACK_IMAGE");
        if (image != null && !image.equals(FREE_IMAGE) && (token == null || token.isBlank())) {
            throw new IllegalStateException(image + " needs LOCALSTACK_AUTH_TOKEN (LocalStack 4.15 and later do);"
                    + " without one use " + FREE_IMAGE);
        }
        return image != null ? image : FREE_IMAGE;
    }
}
