package io.shipbridge.carrier.seur;

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
 * SEUR (Spain): REST API with an OAuth2 password-grant token, labels as base64 PDF or ZPL text, tracking by polling,
 * cancellation before pickup. Settings: {@code SEUR_BASE_URL}, {@code SEUR_CLIENT_ID}, {@code SEUR_USERNAME},
 * {@code SEUR_ACCOUNT} (CCC), {@code SEUR_ID_NUMBER} (NIF); secret {@code {"seur": {"clientSecret", "password"}}}.
 */
@AutoService(CarrierModule.class)
public final class SeurModule implements CarrierModule {
    public static final String ID = "seur";

    @Override
    public FieldLimits fieldLimits() {
        return SeurLimits.LIMITS;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> requiredSettings() {
        return List.of("SEUR_BASE_URL", "SEUR_CLIENT_ID", "SEUR_USERNAME", "SEUR_ACCOUNT", "SEUR_ID_NUMBER");
    }

    @Override
    public List<String> secretFields() {
        return List.of("clientSecret", "password");
    }

    @Override
    public CarrierProfile profile(Config config) {
        return SeurSettings.profile(config);
    }

    @Override
    public Carrier connect(CarrierContext context) {
        SeurSettings settings = SeurSettings.from(context);
        return new SeurCarrier(settings, new SeurClient(settings, context.http(ID), context.clock()));
    }

    @Override
    public StatusCodes statusCodes() {
        return SeurStatusCodes.CODES;
    }

    @Override
    public Optional<Integer> trackingCallsPerMinute(Config config) {
        return Optional.of((int) config.getLong("SEUR_TRACKING_CALLS_PER_MINUTE", 60, 1, 6000));
    }
}
