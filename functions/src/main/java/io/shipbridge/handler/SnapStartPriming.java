package io.shipbridge.handler;

import io.shipbridge.app.Components;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Lambda SnapStart runs the CRaC hooks: before it snapshots a function initialized for a published version, this
 * primes the function's components, so what a first request would load and initialize is in the snapshot. The CRaC
 * context holds resources weakly: a handler keeps its priming in a field.
 */
final class SnapStartPriming implements Resource {
    private final Components components;
    private final Class<?>[] jsonTypes;

    private SnapStartPriming(Components components, Class<?>[] jsonTypes) {
        this.components = components;
        this.jsonTypes = jsonTypes;
    }

    /** Registers priming of {@code components} and of the JSON of {@code jsonTypes} (what the handler reads and writes). */
    static SnapStartPriming register(Components components, Class<?>... jsonTypes) {
        SnapStartPriming priming = new SnapStartPriming(components, jsonTypes);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        components.prime(jsonTypes);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to redo: the SDK's HTTP client reopens connections closed while the snapshot slept.
    }
}
