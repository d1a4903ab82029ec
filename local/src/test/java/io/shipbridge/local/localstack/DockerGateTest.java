package io.shipbridge.local.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The -Plocalstack run's gate: skipped in one line without Docker, the pinned image unless a token allows another. */
class DockerGateTest {

    @Test
    void withoutDockerItSaysWhyInOneLine() {
        assertThat(DockerGate.whyNot(() -> false)).hasValueSatisfying(why -> {
            assertThat(why).startsWith("LocalStack in Docker skipped: no Docker engine reachable");
            assertThat(why).doesNotContain("\n");
        });
    }

    @Test
    void withDockerItRuns() {
        assertThat(DockerGate.whyNot(() -> true)).isEmpty();
    }

    @Test
    void runsThePinnedTokenFreeReleaseByDefault() {
        assertThat(DockerGate.image(Map.of())).isEqualTo("localstack/localstack:4.14.0");
    }

    @Test
    void aNewerImageNeedsAnAuthToken() {
        assertThatThrownBy(() -> DockerGate.image(Map.of("LOCALSTACK_IMAGE", "localstack/localstack:4.16.0")))
                .hasMessageContaining("LOCALSTACK_AUTH_TOKEN");
        assertThat(DockerGate.image(Map.of("LOCALSTACK_IMAGE", "localstack/localstack:4.16.0",
                "LOCALSTACK_AUTH_TOKEN", "ls-token"))).isEqualTo("localstack/localstack:4.16.0");
    }
}
