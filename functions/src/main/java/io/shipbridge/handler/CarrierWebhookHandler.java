package io.shipbridge.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.shipbridge.app.Components;
import io.shipbridge.config.Json;
import io.shipbridge.metrics.OrderMetrics;
import io.shipbridge.webhook.WebhookIntake;
import io.shipbridge.webhook.WebhookRejectedException;
import io.shipbridge.webhook.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * {@code POST /api/v1/carriers/{carrier}/webhook}: verifies the signature over the raw body and queues the events.
 * Answers 202 once queued, 401 for a bad or stale signature, 400 for a body it cannot read, 404 for a carrier
 * without webhooks; in every refused case nothing is queued.
 */
public final class CarrierWebhookHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final WebhookIntake intake;
    private final OrderMetrics metrics;
    private final SnapStartPriming priming;

    public CarrierWebhookHandler() {
        this(Components.fromEnvironment());
    }

    public CarrierWebhookHandler(Components components) {
        this.intake = components.webhookIntake();
        this.metrics = components.metrics();
        this.priming = SnapStartPriming.register(components);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> {
            String carrier = event.getPathParameters() == null ? null : event.getPathParameters().get("carrier");
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            if (event.getHeaders() != null) {
                headers.putAll(event.getHeaders());
            }
            byte[] body = rawBody(event);
            try {
                int queued = intake.receive(carrier == null ? "" : carrier.toLowerCase(Locale.ROOT),
                        new WebhookSignature.Headers(headers.get("webhook-id"), headers.get("webhook-timestamp"),
                                headers.get("webhook-signature")), body);
                metrics.webhookReceived(queued);
                return respond(202, Map.of("queued", queued));
            } catch (WebhookRejectedException e) {
                metrics.webhookRejected();
                return respond(e.statusCode(), Map.of("error", e.getMessage()));
            } finally {
                metrics.flush();
            }
        });
    }

    /** The bytes the sender signed: API Gateway base64-encodes bodies it does not treat as text. */
    private static byte[] rawBody(APIGatewayV2HTTPEvent event) {
        String body = event.getBody() == null ? "" : event.getBody();
        return event.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }

    private static APIGatewayV2HTTPResponse respond(int status, Map<String, Object> body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(Json.write(body)).build();
    }
}
