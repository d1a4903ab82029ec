package io.shipbridge.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import io.shipbridge.handler.CarrierWebhookHandler;
import io.shipbridge.standins.LambdaContext;
import io.shipbridge.testing.TestStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every webhook of {@code hostile/webhooks.json} through the webhook function: answered with the expected status and
 * reason, counted by reason, and nothing queued or stored but what an accepted webhook queues and stores. Signatures
 * are computed here from the Standard Webhooks specification, not with the production signer.
 */
class WebhooksCatalogueTest {
    @RegisterExtension
    static final TestStack STACK = new TestStack();

    private static final String OTHER_SECRET = "whsec_" + Base64.getEncoder()
            .encodeToString("a secret no carrier has".getBytes(StandardCharsets.UTF_8));

    static Stream<Arguments> cases() {
        return HostileCaseFile.cases("webhooks");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersAsTheCatalogueExpects(JsonNode c) {
        JsonNode expect = c.path("expect");
        if (c.has("replay")) {
            APIGatewayV2HTTPEvent first = request(c, "msg_" + UUID.randomUUID(), body(c));
            assertThat(post(c, first).getStatusCode()).isEqualTo(202);
            STACK.drainQueue();
            String id = first.getHeaders().get("webhook-id");
            String again = c.path("replay").asText().equals("same-body") ? body(c)
                    : generated(Json.MAPPER.createObjectNode().put("events", 1).put("code", "3"));
            checkAnswer(c, expect, request(c, id, again));
            return;
        }
        checkAnswer(c, expect, request(c, "msg_" + UUID.randomUUID(), body(c)));
    }

    private static void checkAnswer(JsonNode c, JsonNode expect, APIGatewayV2HTTPEvent event) {
        long itemsBefore = STACK.tableItemCount();
        double rejectedBefore = TestStack.METRICS.total("WebhooksRejected");
        String reason = expect.path("reason").asText(null);
        double byReasonBefore = reason == null ? 0 : TestStack.METRICS.total("WebhooksRejected|Reason=" + reason);

        APIGatewayV2HTTPResponse response = post(c, event);

        int status = expect.path("status").asInt();
        assertThat(response.getStatusCode()).as("status").isEqualTo(status);
        JsonNode answer = Json.read(response.getBody(), JsonNode.class);
        int queued = expect.path("queued").asInt(0);
        assertThat(STACK.drainQueue()).as("messages queued").hasSize(queued);
        if (status >= 400) {
            assertThat(answer.path("reason").asText()).isEqualTo(reason);
            assertThat(answer.path("error").asText()).as("a reason in words").isNotBlank().hasSizeLessThan(200);
            assertThat(TestStack.METRICS.total("WebhooksRejected|Reason=" + reason) - byReasonBefore).isEqualTo(1);
            assertThat(TestStack.METRICS.total("WebhooksRejected") - rejectedBefore).isEqualTo(1);
            assertThat(STACK.tableItemCount()).as("nothing stored for a refused webhook").isEqualTo(itemsBefore);
        } else {
            assertThat(answer.path("queued").asInt()).isEqualTo(queued);
            assertThat(answer.path("duplicate").asBoolean(false)).isEqualTo(expect.path("duplicate").asBoolean(false));
            assertThat(TestStack.METRICS.total("WebhooksRejected")).isEqualTo(rejectedBefore);
            // An accepted webhook stores its receipt and its operations-log row; a duplicate nothing.
            assertThat(STACK.tableItemCount() - itemsBefore).isEqualTo(queued > 0 ? 2 : 0);
        }
    }

    private static APIGatewayV2HTTPEvent request(JsonNode c, String defaultId, String body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        long now = STACK.clock().instant().getEpochSecond();
        if (c.has("sign")) {
            String id = c.has("id") ? expand(c.path("id").asText()) : defaultId;
            long signedAt = now + c.path("timestampOffset").asLong(0);
            String timestamp = c.has("timestamp") ? expand(c.path("timestamp").asText()) : Long.toString(signedAt);
            String secret = c.path("sign").asText().equals("other") ? OTHER_SECRET : TestStack.WEBHOOK_SECRET;
            byte[] raw = c.has("base64") ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (c.has("base64")) {
                try {
                    raw = Base64.getDecoder().decode(c.path("base64").asText());
                } catch (IllegalArgumentException undecodable) {
                    raw = c.path("base64").asText().getBytes(StandardCharsets.UTF_8);
                }
            }
            String valid = c.path("signatureVersion").asText("v1") + "," + hmac(secret, id + "." + timestamp + ".",
                    raw);
            String signature = c.has("signature") ? expand(c.path("signature").asText()).replace("{{valid}}", valid)
                    : valid;
            headers.put("webhook-id", id);
            headers.put("webhook-timestamp", timestamp);
            headers.put("webhook-signature", signature);
        }
        c.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), expand(h.getValue().asText())));
        c.path("drop").forEach(h -> headers.remove(h.asText()));
        if (c.path("upperCaseHeaders").asBoolean()) {
            Map<String, String> upper = new HashMap<>();
            headers.forEach((k, v) -> upper.put(k.toUpperCase(Locale.ROOT), v));
            headers.clear();
            headers.putAll(upper);
        }
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withHeaders(headers).withBody(body)
                .withIsBase64Encoded(false).build();
        if (c.has("base64")) {
            event.setBody(c.path("base64").asText());
            event.setIsBase64Encoded(true);
        }
        if (c.path("tamper").asBoolean()) {
            event.setBody(body.replace("0128346565", "0128346566"));
        }
        return event;
    }

    private static APIGatewayV2HTTPResponse post(JsonNode c, APIGatewayV2HTTPEvent event) {
        event.setPathParameters(Map.of("carrier", c.path("carrier").asText("tipsa")));
        return new CarrierWebhookHandler(STACK.components()).handleRequest(event,
                LambdaContext.of("CarrierWebhookFunction"));
    }

    private static String body(JsonNode c) {
        if (c.has("generate")) {
            return generated(c.path("generate"));
        }
        if (c.has("body")) {
            return expand(c.path("body").asText());
        }
        return generated(Json.MAPPER.createObjectNode().put("events", 2));
    }

    /** A well-formed body of {@code events} events, with the fields the case overrides. */
    private static String generated(JsonNode spec) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("tracking_number", expand(spec.path("trackingNumber").asText("0128346565")));
        ArrayNode events = root.putArray("events");
        Instant start = STACK.clock().instant().minus(Duration.ofHours(3));
        for (int i = 0; i < spec.path("events").asInt(1); i++) {
            ObjectNode event = events.addObject();
            event.put("code", expand(spec.path("code").asText(i % 2 == 0 ? "1" : "2")));
            event.put("occurred_at", start.plusSeconds(60L * i).toString());
            event.put("description", spec.has("descriptionLength") ? "d".repeat(spec.path("descriptionLength").asInt())
                    : spec.path("description").asText("En tránsito"));
            event.put("location", "Madrid");
        }
        return root.toString();
    }

    /** {@code {{now}}}, {@code {{now+2d}}}, {@code {{unix}}}, {@code {{unixMillis}}}, {@code {{xN}}}, {@code {{nestedN}}}. */
    private static String expand(String text) {
        Instant now = STACK.clock().instant();
        String out = text.replace("{{now}}", now.toString()).replace("{{now+2d}}", now.plus(Duration.ofDays(2))
                .toString()).replace("{{unix}}", Long.toString(now.getEpochSecond()))
                .replace("{{unixMillis}}", Long.toString(now.toEpochMilli()));
        java.util.regex.Matcher x = java.util.regex.Pattern.compile("\\{\\{x(\\d+)}}").matcher(out);
        out = x.replaceAll(m -> "x".repeat(Integer.parseInt(m.group(1))));
        java.util.regex.Matcher nested = java.util.regex.Pattern.compile("\\{\\{nested(\\d+)}}").matcher(out);
        return nested.replaceAll(m -> "[".repeat(Integer.parseInt(m.group(1))) + "]".repeat(Integer.parseInt(
                m.group(1))));
    }

    private static String hmac(String secret, String prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                    "HmacSHA256"));
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
