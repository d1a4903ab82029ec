package io.shipbridge.carrier.correosexpress;

import com.google.auto.service.AutoService;
import io.shipbridge.carrier.Carrier;
import io.shipbridge.carrier.CarrierContext;
import io.shipbridge.carrier.CarrierModule;
import io.shipbridge.carrier.FieldLimits;
import io.shipbridge.carrier.CarrierProfile;
import io.shipbridge.carrier.StatusCodes;
import io.shipbridge.config.Config;
import java.util.List;
import java.util.Optional;

/**
 * Correos Express (Spain): REST web services with HTTP Basic and client codes in the body, the label inline (PDF
 * base64 twice, or ZPL), products by destination, tracking by polling, no cancellation. Settings:
 * {@code CORREOSEXPRESS_BASE_URL}, {@code CORREOSEXPRESS_USER}, {@code CORREOSEXPRESS_REQUESTER},
 * {@code CORREOSEXPRESS_CLIENT_CODE}; secret {@code {"correosexpress": {"password": "..."}}}.
 */
@AutoService(CarrierModule.class)
public final class CorreosExpressModule implements CarrierModule {
    public static final String ID = "correosexpress";

    @Override
    public FieldLimits fieldLimits() {
        return CorreosExpressLimits.LIMITS;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> requiredSettings() {
        return List.of("CORREOSEXPRESS_BASE_URL", "CORREOSEXPRESS_USER", "CORREOSEXPRESS_REQUESTER",
                "CORREOSEXPRESS_CLIENT_CODE");
    }

    @Override
    public List<String> secretFields() {
        return List.of("password");
    }

    @Override
    public CarrierProfile profile(Config config) {
        return CorreosExpressSettings.profile(config);
    }

    @Override
    public Carrier connect(CarrierContext context) {
        CorreosExpressSettings settings = CorreosExpressSettings.from(context);
        return new CorreosExpressCarrier(settings, new CorreosExpressClient(settings, context.http(ID)));
    }

    @Override
    public StatusCodes statusCodes() {
        return CorreosExpressStatusCodes.CODES;
    }

    @Override
    public Optional<Integer> trackingCallsPerMinute(Config config) {
        return Optional.of((int) config.getLong("CORREOSEXPRESS_TRACKING_CALLS_PER_MINUTE", 60, 1, 6000));
    }
}
