package io.shipbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipbridge.config.Config;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where the functions send a service's calls: the service's own endpoint setting, else the one LocalStack sets in its
 * Lambda functions for every service, else AWS's own endpoint (nothing set). The signed calls (Secrets Manager, SES,
 * Transfer Family) follow it as the SDK's clients do.
 */
class EndpointSettingsTest {

    @Test
    void theServicesOwnSettingComesFirst() {
        Config config = Config.of(Map.of("AWS_ENDPOINT_URL_SECRETSMANAGER", "http://127.0.0.1:4584",
                "AWS_ENDPOINT_URL", "http://172.17.0.2:4566"));

        assertThat(Components.endpoint(config, "SECRETSMANAGER")).contains(URI.create("http://127.0.0.1:4584"));
    }

    @Test
    void withoutItTheOneForEveryServiceIsUsedAsLocalStacksLambdaFunctionsHaveIt() {
        Config config = Config.of(Map.of("AWS_ENDPOINT_URL", "http://172.17.0.2:4566"));

        assertThat(Components.endpoint(config, "SECRETSMANAGER")).contains(URI.create("http://172.17.0.2:4566"));
        assertThat(Components.endpoint(config, "S3")).contains(URI.create("http://172.17.0.2:4566"));
    }

    @Test
    void inAwsNothingIsSetAndTheServicesOwnEndpointIsUsed() {
        assertThat(Components.endpoint(Config.of(Map.of()), "SECRETSMANAGER")).isEmpty();
    }
}
