package io.shipbridge.carrier.canadapost;

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
 * Canada Post: REST/XML with HTTP Basic, contract shipping grouped by day and transmitted at the daily cut-off (or
 * non-contract), labels as raw PDF or ZPL from artifact links, tracking by polling the PIN under Canada Post's 20
 * calls a minute. Settings: {@code CANADAPOST_BASE_URL}, {@code CANADAPOST_CUSTOMER_NUMBER},
 * {@code CANADAPOST_USERNAME}, {@code CANADAPOST_CONTRACT_ID} (contract mode); secret
 * {@code {"canadapost": {"password"}}}.
 */
@AutoService(CarrierModule.class)
public final class CanadaPostModule implements CarrierModule {
    public static final String ID = "canadapost";

    @Override
    public FieldLimits fieldLimits() {
        return CanadaPostLimits.LIMITS;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> requiredSettings() {
        return List.of("CANADAPOST_BASE_URL", "CANADAPOST_CUSTOMER_NUMBER", "CANADAPOST_USERNAME");
    }

    @Override
    public List<String> secretFields() {
        return List.of("password");
    }

    @Override
    public CarrierProfile profile(Config config) {
        return CanadaPostSettings.profile(config);
    }

    @Override
    public Carrier connect(CarrierContext context) {
        CanadaPostSettings settings = CanadaPostSettings.from(context);
        return new CanadaPostCarrier(settings, new CanadaPostClient(settings, context.http(ID)), context.clock());
    }

    @Override
    public StatusCodes statusCodes() {
        return CanadaPostStatusCodes.CODES;
    }

    @Override
    public Optional<Integer> trackingCallsPerMinute(Config config) {
        return Optional.of((int) config.getLong("CANADAPOST_TRACKING_CALLS_PER_MINUTE", 20, 1, 6000));
    }
}
