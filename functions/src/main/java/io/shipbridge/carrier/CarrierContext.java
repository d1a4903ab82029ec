package io.shipbridge.carrier;

import io.shipbridge.config.Config;
import io.shipbridge.http.HttpSender;
import io.shipbridge.http.Sleeper;
import io.shipbridge.operations.OperationsLog;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * What a carrier's client is built from: the function's settings, its entry of the carriers' secret, and the shared
 * I/O (HTTP, the operations log, time; the shipment numbers Shipbridge gives out for carriers without an API).
 */
public record CarrierContext(Config config, CarrierSecret secret, HttpSender http, OperationsLog operations,
        Clock clock, Sleeper sleeper, ShipmentNumbering numbering) {

    /** For carriers with an API: their shipment numbers are theirs to give. */
    public CarrierContext(Config config, CarrierSecret secret, HttpSender http, OperationsLog operations, Clock clock,
            Sleeper sleeper) {
        this(config, secret, http, operations, clock, sleeper, null);
    }

    /** The carrier's entry of the carriers' secret, {@code {"<carrier id>": {"<field>": "..."}}}. */
    @FunctionalInterface
    public interface CarrierSecret {
        /** A field, read at each use (the secret is cached and re-read every five minutes). */
        Supplier<String> field(String name);
    }

    /** The shared HTTP exchange for this carrier: every call logged, unavailability typed and retried. */
    public CarrierHttp http(String carrier) {
        return new CarrierHttp(carrier, http, operations, sleeper, clock);
    }
}
