package io.shipbridge.handler;

import io.shipbridge.app.Components;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda SnapStart runs the CRaC hooks: before it snapshots a function initialized for a published version, this
 * primes the function's components, so what a first request would load and initialize is in the snapshot. The CRaC
 * context holds resources weakly: a handler keeps its priming in a field.
 */
final class SnapStartPriming implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

    private final Components components;
    private final RuntimeEventJson runtimeEvent;
    private final Class<?>[] jsonTypes;
    private volatile Runnable rehearsal;

    private SnapStartPriming(Components components, RuntimeEventJson runtimeEvent, Class<?>[] jsonTypes) {
        this.components = components;
        this.runtimeEvent = runtimeEvent;
        this.jsonTypes = jsonTypes;
    }

    /** Registers priming of {@code components} and of the JSON of {@code jsonTypes} (what the handler reads and writes). */
    static SnapStartPriming register(Components components, Class<?>... jsonTypes) {
        return register(new SnapStartPriming(components, null, jsonTypes));
    }

    /**
     * For a {@code RequestHandler}, whose event and answer the Lambda runtime reads and writes: registers priming of
     * {@code components} and of the runtime's reading of {@code event}.
     */
    static SnapStartPriming register(Components components, RuntimeEventJson event) {
        return register(new SnapStartPriming(components, event, new Class<?>[0]));
    }

    /** Also rehearses {@code step} with its AWS calls answered in the process (a path the components' priming misses). */
    SnapStartPriming rehearsing(Runnable step) {
        this.rehearsal = step;
        return this;
    }

    private static SnapStartPriming register(SnapStartPriming priming) {
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    /** What {@link #beforeCheckpoint} does; what could not be primed (empty when all was). */
    java.util.List<String> prime() {
        java.util.List<String> failed = new java.util.ArrayList<>(components.prime(jsonTypes));
        if (rehearsal != null && !components.rehearse(rehearsal)) {
            LOG.warn("Priming before the snapshot: the handler's rehearsal failed");
            failed.add("rehearsal");
        }
        if (runtimeEvent != null && !runtimeEvent.prime(getClass().getClassLoader())) {
            LOG.warn("Priming before the snapshot: the runtime's reading of {} failed",
                    runtimeEvent.eventType().getSimpleName());
            failed.add("runtime " + runtimeEvent.eventType().getSimpleName());
        }
        return failed;
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to redo: the SDK's HTTP client reopens connections closed while the snapshot slept.
    }
}
