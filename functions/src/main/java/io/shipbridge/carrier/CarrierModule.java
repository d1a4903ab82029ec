package io.shipbridge.carrier;

import io.shipbridge.config.Config;
import java.util.List;
import java.util.Optional;

/**
 * One carrier's registration: everything the rest of Shipbridge needs to know about it. Each carrier package has
 * exactly one, annotated {@code @AutoService(CarrierModule.class)}; {@link CarrierModules} finds them all, so adding
 * a carrier touches nothing outside its own package but its settings in template.yaml.
 */
public interface CarrierModule {

    /** The id used in rules, keys, the carriers' secret and webhook URLs, e.g. {@code tipsa}. */
    String id();

    /** The settings the carrier cannot work without (function environment, from template.yaml's parameters). */
    List<String> requiredSettings();

    /** The fields its entry of the carriers' secret must have, e.g. {@code password} for {@code {"tipsa": {...}}}. */
    List<String> secretFields();

    /** Its name and public tracking page: what functions that only talk about the carrier need. */
    CarrierProfile profile(Config config);

    /** The carrier's client, for a deployment that has its settings (its secret is read at first use). */
    Carrier connect(CarrierContext context);

    /** The carrier's own tracking codes in the common vocabulary, raw code kept beside the normalized status. */
    StatusCodes statusCodes();

    /** How many tracking calls a minute the poller may make, or empty when the carrier is not polled. */
    Optional<Integer> trackingCallsPerMinute(Config config);

    /**
     * How webhooks for this carrier read, when it has any: by default the standard tracking webhook carrying the
     * carrier's own codes (a tracking aggregator following its shipments).
     */
    default Optional<WebhookFormat> webhook() {
        return Optional.of(body -> StandardTrackingWebhook.parse(body, statusCodes()));
    }

    /** What it takes in a destination address, checked before a shipment is asked of it. */
    default FieldLimits fieldLimits() {
        return FieldLimits.ANY;
    }

    /** Whether every required setting is present. */
    default boolean isConfigured(Config config) {
        return missingSettings(config).isEmpty();
    }

    default List<String> missingSettings(Config config) {
        return requiredSettings().stream().filter(name -> config.optional(name).isEmpty()).toList();
    }
}
