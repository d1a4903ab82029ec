package io.shipbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipbridge.aws.AwsApiCall;
import io.shipbridge.aws.AwsApiException;
import io.shipbridge.aws.AwsApiInterceptor;
import io.shipbridge.aws.SignedJsonApi;
import io.shipbridge.standins.LocalAws;
import io.shipbridge.testing.MutableClock;
import io.shipbridge.testing.TestStack;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Secrets read from Secrets Manager (the stand-in, over its JSON 1.1 wire protocol, signed as the functions sign it):
 * values out, never into messages; a value put is read again once the cached one is older than the cache allows, by
 * the clock the provider is given.
 */
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

    @Test
    void aValueIsReadOnceForItsMaxAgeAndAValuePutIsInUseOnceTheCachedOneIsOlder() {
        String arn = secret("{\"apiKey\":\"key-one\"}");
        List<String> calls = new CopyOnWriteArrayList<>();
        MutableClock clock = new MutableClock(TestStack.START);
        Supplier<String> apiKey = new Secrets(new SecretsManagerProvider(secretsManager(new AwsApiInterceptor() {
            @Override
            public void afterApiCall(AwsApiCall call) {
                calls.add(call.action());
            }
        }), Secrets.MAX_AGE, clock), settingsNaming(arn)).field(SETTING, "/apiKey");

        assertThat(apiKey.get()).isEqualTo("key-one");
        TestStack.localAws().secrets().putSecretValue(p -> p.secretId(arn).secretString("{\"apiKey\":\"key-two\"}"));
        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        assertThat(apiKey.get()).as("4 min 59 s after the read: the cached value").isEqualTo("key-one");
        assertThat(calls).containsExactly("secretsmanager:GetSecretValue");

        clock.advance(Duration.ofSeconds(2));
        assertThat(apiKey.get()).as("5 min 1 s after the read: read again").isEqualTo("key-two");
        assertThat(calls).hasSize(2);

        clock.advance(Duration.ofMinutes(4));
        assertThat(apiKey.get()).isEqualTo("key-two");
        assertThat(calls).as("the new value is cached in turn").hasSize(2);
    }

    @Test
    void aSecretThatDoesNotExistIsSecretsManagersError() {
        String arn = secret("{}") + "-gone";

        assertThatThrownBy(() -> secretsFor(arn).field(SETTING, "/apiKey").get())
                .isInstanceOfSatisfying(AwsApiException.class, e -> assertThat(e.errorCode())
                        .isEqualTo("ResourceNotFoundException"));
    }

    private static String secret(String value) {
        LocalAws aws = TestStack.localAws();
        String name = "test-" + System.nanoTime();
        return aws.secrets().createSecret(c -> c.name(name).secretString(value)).arn();
    }

    private static Secrets secretsFor(String arn) {
        return new Secrets(provider(), settingsNaming(arn));
    }

    private static Config settingsNaming(String arn) {
        Map<String, String> settings = new HashMap<>();
        settings.put(SETTING, arn);
        return Config.of(settings);
    }

    private static SecretsManagerProvider provider() {
        return new SecretsManagerProvider(secretsManager(), Secrets.MAX_AGE, new MutableClock(TestStack.START));
    }

    private static SignedJsonApi secretsManager(AwsApiInterceptor... interceptors) {
        LocalAws aws = TestStack.localAws();
        return new SignedJsonApi(SignedJsonApi.SECRETS_MANAGER, URI.create(aws.clientSettings()
                .get("AWS_ENDPOINT_URL_SECRETSMANAGER")), LocalAws.REGION, LocalAws.CREDENTIALS,
                UrlConnectionHttpClient.create(), List.of(interceptors), false);
    }
}
