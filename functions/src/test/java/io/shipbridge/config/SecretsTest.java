package io.shipbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipbridge.standins.LocalAws;
import io.shipbridge.testing.TestStack;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.lambda.powertools.parameters.secrets.SecretsProvider;

/** Secrets read from Secrets Manager (the stand-in, over its wire protocol): values out, never into messages. */
class SecretsTest {
    @RegisterExtension
    static final TestStack STACK = new TestStack();

    private static final String SETTING = "MIRAKL_SECRET_ARN";

    @Test
    void readsAFieldOfTheSecretTheSettingNames() {
        String arn = secret("{\"apiKey\":\"key-one\",\"other\":{\"password\":\"p\"}}");

        Secrets secrets = secretsFor(arn);

        assertThat(secrets.field(SETTING, "/apiKey").get()).isEqualTo("key-one");
        assertThat(secrets.field(SETTING, "/other/password").get()).isEqualTo("p");
    }

    @Test
    void anEmptyFieldSaysWhichSecretToSetAndHow() {
        String arn = secret("{\"apiKey\":\"\"}");

        assertThatThrownBy(() -> secretsFor(arn).field(SETTING, "/apiKey").get())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(arn).hasMessageContaining("/apiKey")
                .hasMessageContaining("put-secret-value");
    }

    @Test
    void aSecretThatIsNotJsonIsReportedWithoutQuotingIt() {
        String arn = secret("sk-live-not-json-12345");

        assertThatThrownBy(() -> secretsFor(arn).field(SETTING, "/apiKey").get())
                .hasMessageContaining(arn).hasMessageNotContaining("sk-live").hasNoCause();
    }

    @Test
    void aMissingSettingFailsWhenTheFunctionIsBuiltNotAtItsFirstRequest() {
        Secrets secrets = new Secrets(provider(), Config.of(Map.of()));

        assertThatThrownBy(() -> secrets.field(SETTING, "/apiKey")).hasMessageContaining(SETTING);
    }

    private static String secret(String value) {
        LocalAws aws = TestStack.localAws();
        String name = "test-" + System.nanoTime();
        return aws.secrets().createSecret(c -> c.name(name).secretString(value)).arn();
    }

    private static Secrets secretsFor(String arn) {
        Map<String, String> settings = new HashMap<>();
        settings.put(SETTING, arn);
        return new Secrets(provider(), Config.of(settings));
    }

    private static SecretsProvider provider() {
        LocalAws aws = TestStack.localAws();
        return SecretsProvider.builder().withClient(SecretsManagerClient.builder()
                .endpointOverride(java.net.URI.create(aws.clientSettings().get("AWS_ENDPOINT_URL_SECRETSMANAGER")))
                .region(Region.of(LocalAws.REGION)).credentialsProvider(LocalAws.CREDENTIALS)
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build())
                .build();
    }
}
