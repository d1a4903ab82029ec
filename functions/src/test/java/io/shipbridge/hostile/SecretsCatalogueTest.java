package io.shipbridge.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.app.Components;
import io.shipbridge.mirakl.OrderQuery;
import io.shipbridge.testing.TestStack;
import io.shipbridge.webhook.WebhookBody;
import io.shipbridge.webhook.WebhookSignature;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue's malformed secrets ({@code hostile/secrets.json}): each value put in the stack's secret (the Secrets
 * Manager stand-in) and read by the part of the application that uses it (the Mirakl client, a carrier, the webhook
 * intake): an error naming the secret and the problem, never the value (its marker appears nowhere in the error or
 * its causes), no call made with it and nothing changed.
 */
class SecretsCatalogueTest {
    @RegisterExtension
    static final TestStack STACK = new TestStack();

    private static final Map<String, String> SECRETS = Map.of("MIRAKL_SECRET_ARN", "MiraklApiKeySecret",
            "CARRIER_SECRET_ARN", "CarrierCredentialsSecret", "WEBHOOK_SECRET_ARN", "WebhookSigningSecret");

    static Stream<Arguments> cases() {
        return HostileCaseFile.cases("secrets");
    }

    @AfterEach
    void putTheGoodValuesBack() {
        TestStack.putSecrets();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersAsTheCatalogueExpects(JsonNode c) {
        String setting = c.path("setting").asText();
        String arn = STACK.aws().resources().secretArn(SECRETS.get(setting));
        STACK.aws().putSecret(SECRETS.get(setting), c.path("value").asText());
        Components components = STACK.components();
        StackState before = StackState.of(STACK);

        Throwable error = catchThrowable(() -> read(components, setting));

        assertThat(error).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(arn).hasMessageContaining(c.path("expect").path("error").asText());
        for (Throwable t = error; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(c.path("marker").asText())
                    .doesNotContainPattern("\\p{Cntrl}");
        }
        assertThat(STACK.mirakl().server().getAllServeEvents()).as("calls to Mirakl").isEmpty();
        assertThat(STACK.tipsa().calls("LoginWSService___LoginCli2")).as("logins at TIPSA").isZero();
        StackState.of(STACK).assertUnchangedSince(before, changed -> false);
    }

    /** What each function does first with the secret. */
    private static void read(Components components, String setting) {
        switch (setting) {
            case "MIRAKL_SECRET_ARN" -> components.mirakl().listOrders(OrderQuery.byId("T-SECRET-1"), 0, 10);
            case "CARRIER_SECRET_ARN" -> components.carriers().get("tipsa").track("0123456789");
            case "WEBHOOK_SECRET_ARN" -> components.webhookIntake().receive("tipsa",
                    new WebhookSignature.Headers("msg_1", Long.toString(TestStack.START.getEpochSecond()), "v1,x"),
                    new WebhookBody("{}", false));
            default -> throw new IllegalArgumentException(setting);
        }
    }
}
