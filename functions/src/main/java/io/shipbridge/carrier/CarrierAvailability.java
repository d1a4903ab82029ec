package io.shipbridge.carrier;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.config.Config;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which carriers this deployment can ship with: a carrier is available when this build has its module, the
 * function's settings have its configuration (template parameters, empty by default) and the carriers' secret has
 * its entry filled in. Anything else is a reason, which carrier selection records when it passes a rule over.
 */
public final class CarrierAvailability {
    private final CarrierModules modules;
    private final Config config;
    private final Supplier<JsonNode> carrierSecret;

    /** @param carrierSecret the carriers' secret, {@code {"<id>": {"<field>": "..."}}} */
    public CarrierAvailability(CarrierModules modules, Config config, Supplier<JsonNode> carrierSecret) {
        this.modules = modules;
        this.config = config;
        this.carrierSecret = carrierSecret;
    }

    /** Empty when the carrier can be used, else why not. */
    public Optional<String> whyUnavailable(String carrierId) {
        Optional<CarrierModule> found = modules.find(carrierId);
        if (found.isEmpty()) {
            return Optional.of("this Shipbridge has no " + carrierId + " module (it has " + modules.ids() + ")");
        }
        CarrierModule module = found.get();
        List<String> missing = module.missingSettings(config);
        if (!missing.isEmpty()) {
            return Optional.of("not configured (" + String.join(", ", missing) + " not set)");
        }
        if (module.secretFields().isEmpty()) {
            return Optional.empty();
        }
        JsonNode entry = carrierSecret.get().path(carrierId);
        List<String> empty = module.secretFields().stream()
                .filter(field -> !entry.path(field).isTextual() || entry.path(field).asText().isBlank()).toList();
        if (!empty.isEmpty()) {
            return Optional.of("the carriers' secret has no " + carrierId + "." + String.join(", " + carrierId + ".",
                    empty));
        }
        return Optional.empty();
    }
}
