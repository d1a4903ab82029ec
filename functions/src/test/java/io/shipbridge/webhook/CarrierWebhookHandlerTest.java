package io.shipbridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.shipbridge.app.Components;
import io.shipbridge.carrier.TrackingStatus;
import io.shipbridge.config.Json;
import io.shipbridge.handler.CarrierWebhookHandler;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.operations.OperationStatus;
import io.shipbridge.standins.LambdaContext;
import io.shipbridge.testing.TestStack;
import io.shipbridge.tracking.TrackingUpdate;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CarrierWebhookHandlerTest {
    @RegisterExtension
    static final TestStack STACK = new TestStack();

    private static final String BODY = """
            {"tracking_number": "0128346565",
             "events": [
               {"code": "1", "description": "En tránsito", "occurred_at": "2026-11-20T08:10:00Z", "location": "Madrid"},
               {"code": "2", "description": "En reparto", "occurred_at": "2026-11-20T08:50:00Z"}]}""";

    @Test
    void queuesEveryEventOfAProperlySignedWebhook() {
        String id = "msg_" + UUID.randomUUID();

        APIGatewayV2HTTPResponse response = post("tipsa", signed(id, now(), BODY, TestStack.WEBHOOK_SECRET));

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(response.getBody()).isEqualTo("{\"queued\":2}");
        List<TrackingUpdate> queued = STACK.drainQueue().stream()
                .map(m -> Json.read(m.body(), TrackingUpdate.class)).toList();
        assertThat(queued).extracting(TrackingUpdate::eventId).doesNotHaveDuplicates();
        assertThat(queued).extracting(TrackingUpdate::status)
                .containsExactlyInAnyOrder(TrackingStatus.IN_TRANSIT, TrackingStatus.OUT_FOR_DELIVERY);
        assertThat(queued).allSatisfy(u -> {
            assertThat(u.carrier()).isEqualTo("tipsa");
            assertThat(u.trackingNumber()).isEqualTo("0128346565");
            assertThat(u.source()).isEqualTo("webhook");
        });
        assertThat(rows(id)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(OperationStatus.OK);
            assertThat(r.action()).isEqualTo("webhook_received");
        });
    }

    @Test
    void theSameEventsSentAgainUnderANewWebhookIdKeepTheirEventIds() {
        post("tipsa", signed("msg_" + UUID.randomUUID(), now(), BODY, TestStack.WEBHOOK_SECRET));
        List<String> first = STACK.drainQueue().stream()
                .map(m -> Json.read(m.body(), TrackingUpdate.class).eventId()).toList();

        post("tipsa", signed("msg_" + UUID.randomUUID(), now(), BODY, TestStack.WEBHOOK_SECRET));
        List<String> again = STACK.drainQueue().stream()
                .map(m -> Json.read(m.body(), TrackingUpdate.class).eventId()).toList();

        assertThat(again).hasSize(2).containsExactlyInAnyOrderElementsOf(first);
    }

    @Test
    void acceptsTheSecondActiveSecretDuringARotation() {
        APIGatewayV2HTTPResponse response = post("tipsa",
                signed("msg_" + UUID.randomUUID(), now(), BODY, TestStack.ROTATED_WEBHOOK_SECRET));

        assertThat(response.getStatusCode()).isEqualTo(202);
    }

    @Test
    void refusesABadSignatureAndQueuesNothing() {
        String id = "msg_" + UUID.randomUUID();
        String otherSecret = "whsec_" + Base64.getEncoder().encodeToString("not-the-secret".getBytes());

        APIGatewayV2HTTPResponse response = post("tipsa", signed(id, now(), BODY, otherSecret));

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getBody()).contains("signature does not match");
        assertThat(STACK.queueDepth()).isZero();
        assertThat(rows(id)).as("refusals are counted, not written one row each").isEmpty();
    }

    @Test
    void refusesABodyChangedAfterSigning() {
        APIGatewayV2HTTPEvent event = signed("msg_" + UUID.randomUUID(), now(), BODY, TestStack.WEBHOOK_SECRET);
        event.setBody(BODY.replace("0128346565", "0128346566"));

        assertThat(post("tipsa", event).getStatusCode()).isEqualTo(401);
        assertThat(STACK.queueDepth()).isZero();
    }

    @Test
    void refusesAReplayedWebhookSignedMoreThanFiveMinutesAgo() {
        long sixMinutesAgo = now() - Duration.ofMinutes(6).toSeconds();
        String id = "msg_" + UUID.randomUUID();

        APIGatewayV2HTTPResponse response = post("tipsa", signed(id, sixMinutesAgo, BODY, TestStack.WEBHOOK_SECRET));

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getBody()).contains("more than 5 minutes");
        assertThat(STACK.queueDepth()).isZero();
        assertThat(rows(id)).isEmpty();
    }

    @Test
    void refusesAMalformedBodyEvenWhenProperlySigned() {
        String notJson = "msg_" + UUID.randomUUID();
        String noEvents = "msg_" + UUID.randomUUID();

        APIGatewayV2HTTPResponse first = post("tipsa", signed(notJson, now(), "<xml/>", TestStack.WEBHOOK_SECRET));
        APIGatewayV2HTTPResponse second = post("tipsa", signed(noEvents, now(),
                "{\"tracking_number\":\"0128346565\",\"events\":[]}", TestStack.WEBHOOK_SECRET));

        assertThat(first.getStatusCode()).isEqualTo(400);
        assertThat(first.getBody()).contains("not JSON");
        assertThat(second.getStatusCode()).isEqualTo(400);
        assertThat(second.getBody()).contains("no events");
        assertThat(STACK.queueDepth()).isZero();
        assertThat(rows(notJson)).isEmpty();
    }

    @Test
    void refusesAWebhookWithoutSignatureHeadersOrForAnUnknownCarrier() {
        APIGatewayV2HTTPEvent unsigned = APIGatewayV2HTTPEvent.builder().withBody(BODY)
                .withHeaders(Map.of("content-type", "application/json")).withIsBase64Encoded(false)
                .withPathParameters(Map.of("carrier", "tipsa")).build();

        assertThat(post("tipsa", unsigned).getStatusCode()).isEqualTo(401);
        assertThat(post("dhl", signed("msg_" + UUID.randomUUID(), now(), BODY, TestStack.WEBHOOK_SECRET))
                .getStatusCode()).isEqualTo(404);
        assertThat(STACK.queueDepth()).isZero();
    }

    @Test
    void verifiesTheRawBytesOfABase64EncodedBody() {
        APIGatewayV2HTTPEvent event = signed("msg_" + UUID.randomUUID(), now(), BODY, TestStack.WEBHOOK_SECRET);
        event.setBody(Base64.getEncoder().encodeToString(BODY.getBytes(StandardCharsets.UTF_8)));
        event.setIsBase64Encoded(true);

        assertThat(post("tipsa", event).getStatusCode()).isEqualTo(202);
    }

    private static long now() {
        return STACK.clock().instant().getEpochSecond();
    }

    static APIGatewayV2HTTPEvent signed(String id, long timestamp, String body, String secret) {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        String signature = WebhookSignature.sign(key, id, timestamp, body.getBytes(StandardCharsets.UTF_8));
        return APIGatewayV2HTTPEvent.builder().withBody(body).withIsBase64Encoded(false)
                .withHeaders(Map.of("content-type", "application/json", "webhook-id", id,
                        "webhook-timestamp", Long.toString(timestamp), "webhook-signature", signature))
                .withRawPath("/api/v1/carriers/tipsa/webhook").build();
    }

    private static APIGatewayV2HTTPResponse post(String carrier, APIGatewayV2HTTPEvent event) {
        event.setPathParameters(Map.of("carrier", carrier));
        Components components = STACK.components();
        return new CarrierWebhookHandler(components).handleRequest(event, LambdaContext.of("CarrierWebhookFunction"));
    }

    private static List<OperationRecord> rows(String webhookId) {
        return STACK.components().operations().ofDay(STACK.clock().instant()).stream()
                .filter(r -> webhookId.equals(r.meta().get("webhook_id"))).toList();
    }
}
