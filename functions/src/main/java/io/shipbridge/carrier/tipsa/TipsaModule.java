package io.shipbridge.carrier.tipsa;

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
 * TIPSA (TIPS@, Spain): SOAP web services with session login, labels as base64 PDF or ZPL, tracking by polling,
 * cancellation before pickup. Settings: {@code TIPSA_BASE_URL}, {@code TIPSA_AGENCY_CODE}, {@code TIPSA_CLIENT_CODE};
 * secret {@code {"tipsa": {"password": "..."}}}.
 */
@AutoService(CarrierModule.class)
public final class TipsaModule implements CarrierModule {
    public static final String ID = "tipsa";

    @Override
    public FieldLimits fieldLimits() {
        return TipsaLimits.LIMITS;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> requiredSettings() {
        return List.of("TIPSA_BASE_URL", "TIPSA_AGENCY_CODE", "TIPSA_CLIENT_CODE");
    }

    @Override
    public List<String> secretFields() {
        return List.of("password");
    }

    @Override
    public CarrierProfile profile(Config config) {
        return TipsaSettings.profile(config);
    }

    @Override
    public Carrier connect(CarrierContext context) {
        return new TipsaCarrier(TipsaSettings.from(context), context.http(ID), context.clock());
    }

    @Override
    public StatusCodes statusCodes() {
        return TipsaStatusCodes.CODES;
    }

    @Override
    public Optional<Integer> trackingCallsPerMinute(Config config) {
        return Optional.of((int) config.getLong("TIPSA_TRACKING_CALLS_PER_MINUTE", 60, 1, 6000));
    }
}
