package io.shipbridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.shipbridge.config.Secrets;
import io.shipbridge.handler.CarrierWebhookHandler;
import io.shipbridge.standins.LambdaContext;
import io.shipbridge.testing.TestStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A carrier's webhook signing secret rotated as the README says, through one running function (one cache): the new
 * secret is added beside the old, then the old is removed, each put in Secrets Manager and in use once the function's
 * cached value is older than {@link Secrets#MAX_AGE}. The secret is this test's own, not the stack's.
 */
class WebhookSecretRotationTest {
    @RegisterExtension
    static final TestStack STACK = new TestStack();

    private static final String BODY = "{\"tracking_number\": \"0128346565\", \"events\": [{\"code\": \"1\","
            + " \"description\": \"En tránsito\", \"occurred_at\": \"2026-11-20T08:10:00Z\"}]}";
    private static final String OLD = "whsec_" + base64("rotation-test-old-secret");
    private static final String NEW = "whsec_" + base64("rotation-test-new-secret");

    @Test
    void bothSecretsVerifyDuringTheRotationAndEachChangeTakesEffectOnceTheCachedValueIsOlderThanItsMaxAge() {
        String arn = ownSecret("{\"tipsa\": [\"" + OLD + "\"]}");
        CarrierWebhookHandler function = new CarrierWebhookHandler(STACK.with("WEBHOOK_SECRET_ARN", arn).components());

        assertThat(status(function, OLD)).as("before the rotation: the old secret").isEqualTo(202);
        assertThat(status(function, NEW)).as("before the rotation: the new secret").isEqualTo(401);

        put(arn, "{\"tipsa\": [\"" + OLD + "\", \"" + NEW + "\"]}");
        STACK.clock().advance(Duration.ofMinutes(4).plusSeconds(59));
        assertThat(status(function, NEW)).as("new secret added, the cached value 4 min 59 s old").isEqualTo(401);
        STACK.clock().advance(Duration.ofSeconds(2));
        assertThat(status(function, NEW)).as("new secret added, cached value expired").isEqualTo(202);
        assertThat(status(function, OLD)).as("during the rotation: the old secret too").isEqualTo(202);

        put(arn, "{\"tipsa\": [\"" + NEW + "\"]}");
        STACK.clock().advance(Duration.ofMinutes(4).plusSeconds(59));
        assertThat(status(function, OLD)).as("old secret removed, the cached value 4 min 59 s old").isEqualTo(202);
        STACK.clock().advance(Duration.ofSeconds(2));
        assertThat(status(function, OLD)).as("old secret removed, cached value expired").isEqualTo(401);
        assertThat(status(function, NEW)).as("after the rotation: the new secret").isEqualTo(202);
    }

    @Test
    void aSecretWithoutTheWhsecPrefixIsUsedAsItsUtf8Bytes() {
        String arn = ownSecret("{\"tipsa\": [\"plain-sécret\"]}");
        CarrierWebhookHandler function = new CarrierWebhookHandler(STACK.with("WEBHOOK_SECRET_ARN", arn).components());

        assertThat(status(function, "plain-sécret".getBytes(StandardCharsets.UTF_8))).isEqualTo(202);
        assertThat(status(function, "plain-sécret".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(401);
    }

    private static int status(CarrierWebhookHandler function, String whsecSecret) {
        return status(function, Base64.getDecoder().decode(whsecSecret.substring("whsec_".length())));
    }

    /** A webhook signed with {@code key} now (by the test's clock), under a webhook id of its own. */
    private static int status(CarrierWebhookHandler function, byte[] key) {
        String id = "msg_" + UUID.randomUUID();
        long now = STACK.clock().instant().getEpochSecond();
        String signature = WebhookSignature.sign(key, id, now, BODY.getBytes(StandardCharsets.UTF_8));
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withBody(BODY).withIsBase64Encoded(false)
                .withHeaders(Map.of("content-type", "application/json", "webhook-id", id,
                        "webhook-timestamp", Long.toString(now), "webhook-signature", signature))
                .withPathParameters(Map.of("carrier", "tipsa")).withRawPath("/api/v1/carriers/tipsa/webhook").build();
        return function.handleRequest(event, LambdaContext.of("CarrierWebhookFunction")).getStatusCode();
    }

    private static String ownSecret(String value) {
        return STACK.aws().secrets().createSecret(c -> c.name("webhook-rotation-" + UUID.randomUUID())
                .secretString(value)).arn();
    }

    private static void put(String arn, String value) {
        STACK.aws().secrets().putSecretValue(p -> p.secretId(arn).secretString(value));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
