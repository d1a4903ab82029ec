package io.shipbridge.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.shipbridge.app.Components;
import io.shipbridge.config.Json;
import io.shipbridge.metrics.OrderMetrics;
import io.shipbridge.webhook.WebhookBody;
import io.shipbridge.webhook.WebhookIntake;
import io.shipbridge.webhook.WebhookRejectedException;
import io.shipbridge.webhook.WebhookSignature;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * {@code POST /api/v1/carriers/{carrier}/webhook}: verifies the signature over the raw body and queues the events.
 * Answers 202 once queued, 200 for a webhook id already queued, and for a refusal the 4xx and reason of
 * {@link io.shipbridge.webhook.RejectionReason}; in every refused case nothing is queued or stored.
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
        this.priming = SnapStartPriming.register(components, RuntimeEventJson.httpApi());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> {
            String carrier = event.getPathParameters() == null ? null : event.getPathParameters().get("carrier");
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            if (event.getHeaders() != null) {
                headers.putAll(event.getHeaders());
            }
            try {
                WebhookIntake.Receipt receipt = intake.receive(carrier == null ? "" : carrier.toLowerCase(Locale.ROOT),
                        new WebhookSignature.Headers(headers.get("webhook-id"), headers.get("webhook-timestamp"),
                                headers.get("webhook-signature")),
                        new WebhookBody(event.getBody(), event.getIsBase64Encoded()));
                return receipt.duplicate() ? respond(200, Map.of("queued", 0, "duplicate", true))
                        : respond(202, Map.of("queued", receipt.queued()));
            } catch (WebhookRejectedException e) {
                return respond(e.statusCode(), Map.of("error", e.getMessage(), "reason", e.reason().code()));
            } finally {
                metrics.flush();
            }
        });
    }

    private static APIGatewayV2HTTPResponse respond(int status, Map<String, Object> body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(Json.write(body)).build();
    }
}
