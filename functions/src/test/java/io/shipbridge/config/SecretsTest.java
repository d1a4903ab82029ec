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
import software.amazon.lambda.powertools.parameters.cache.CacheManager;

/**
 * Secrets read from Secrets Manager (the stand-in, over its JSON 1.1 wire protocol, signed as the functions sign it):
 * values out, never into messages; a value put is read again once the cached one is older than the cache allows.
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
    void aValuePutIsInUseOnceTheCachedOneIsOlderThanTheCacheAllowsAndNotBefore() throws InterruptedException {
        String arn = secret("{\"apiKey\":\"key-one\"}");
        List<String> calls = new CopyOnWriteArrayList<>();
        CacheManager cache = new CacheManager();
        cache.setDefaultExpirationTime(Duration.ofMillis(700));
        Supplier<String> apiKey = new Secrets(new SecretsManagerProvider(secretsManager(new AwsApiInterceptor() {
            @Override
            public void afterApiCall(AwsApiCall call) {
                calls.add(call.action());
            }
        }), cache), settingsNaming(arn)).field(SETTING, "/apiKey");

        assertThat(apiKey.get()).isEqualTo("key-one");
        TestStack.localAws().secrets().putSecretValue(p -> p.secretId(arn).secretString("{\"apiKey\":\"key-two\"}"));
        assertThat(apiKey.get()).as("cached").isEqualTo("key-one");
        assertThat(calls).containsExactly("secretsmanager:GetSecretValue");

        Thread.sleep(900);
        assertThat(apiKey.get()).isEqualTo("key-two");
        assertThat(calls).hasSize(2);
    }

    @Test
    void theCacheAgesOnTheFunctionsClockNotTheSystemOne() {
        String arn = secret("{\"apiKey\":\"key-one\"}");
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T08:00:00Z"));
        Supplier<String> apiKey = new Secrets(new SecretsManagerProvider(secretsManager(), clock, Secrets.MAX_AGE),
                settingsNaming(arn)).field(SETTING, "/apiKey");

        assertThat(apiKey.get()).isEqualTo("key-one");
        TestStack.localAws().secrets().putSecretValue(p -> p.secretId(arn).secretString("{\"apiKey\":\"key-two\"}"));
        clock.advance(Secrets.MAX_AGE.minusSeconds(1));
        assertThat(apiKey.get()).as("4 min 59 s old on the function's clock: cached").isEqualTo("key-one");
        clock.advance(Duration.ofSeconds(2));
        assertThat(apiKey.get()).as("5 min 1 s old").isEqualTo("key-two");
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
        CacheManager cache = new CacheManager();
        cache.setDefaultExpirationTime(Secrets.MAX_AGE);
        return new SecretsManagerProvider(secretsManager(), cache);
    }

    private static SignedJsonApi secretsManager(AwsApiInterceptor... interceptors) {
        LocalAws aws = TestStack.localAws();
        return new SignedJsonApi(SignedJsonApi.SECRETS_MANAGER, URI.create(aws.clientSettings()
                .get("AWS_ENDPOINT_URL_SECRETSMANAGER")), LocalAws.REGION, LocalAws.CREDENTIALS,
                UrlConnectionHttpClient.create(), List.of(interceptors), false);
    }
}
