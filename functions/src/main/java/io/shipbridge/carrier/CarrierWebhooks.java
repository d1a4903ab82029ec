package io.shipbridge.carrier;

import io.shipbridge.carrier.tipsa.TipsaStatusCodes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How each carrier's webhook bodies read, without the carrier's credentials: the webhook function only parses,
 * it never calls a carrier.
 */
public final class CarrierWebhooks {
    private static final Map<String, Function<byte[], List<TrackingEvent>>> PARSERS = Map.of(
            "tipsa", body -> StandardTrackingWebhook.parse(body, TipsaStatusCodes::statusOf));

    private CarrierWebhooks() {
    }

    public static Optional<Function<byte[], List<TrackingEvent>>> parserFor(String carrier) {
        return Optional.ofNullable(PARSERS.get(carrier));
    }
}
