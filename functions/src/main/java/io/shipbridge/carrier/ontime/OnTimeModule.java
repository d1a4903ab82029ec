package io.shipbridge.carrier.ontime;

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
 * OnTime (Spain), a carrier without an API: shipment numbers from the range OnTime assigned, labels printed by
 * Shipbridge, a daily manifest at the cut-off, tracking from status files dropped under
 * {@code tracking-imports/ontime/} (or webhooks). Settings: {@code ONTIME_CUSTOMER_CODE},
 * {@code ONTIME_SHIPMENT_NUMBERS}; no secret.
 */
@AutoService(CarrierModule.class)
public final class OnTimeModule implements CarrierModule {
    public static final String ID = "ontime";

    @Override
    public FieldLimits fieldLimits() {
        return OnTimeLimits.LIMITS;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> requiredSettings() {
        return List.of("ONTIME_CUSTOMER_CODE", "ONTIME_SHIPMENT_NUMBERS");
    }

    @Override
    public List<String> secretFields() {
        return List.of();
    }

    @Override
    public CarrierProfile profile(Config config) {
        return OnTimeSettings.profile(config);
    }

    @Override
    public Carrier connect(CarrierContext context) {
        if (context.numbering() == null) {
            throw new IllegalStateException("OnTime needs the shipment numbering store in its context");
        }
        return new OnTimeCarrier(OnTimeSettings.from(context), context.numbering());
    }

    @Override
    public StatusCodes statusCodes() {
        return OnTimeStatusCodes.CODES;
    }

    @Override
    public Optional<Integer> trackingCallsPerMinute(Config config) {
        return Optional.empty();
    }
}
