package io.shipbridge.local.sim.carrier;

/**
 * A carrier simulator's registration, annotated {@code @AutoService(CarrierSimulatorModule.class)} in its own
 * package: the offline cloud and the demo find every simulator through {@link CarrierSimulators}.
 */
public interface CarrierSimulatorModule {

    /** The id of the carrier module it plays. */
    String carrierId();

    CarrierSimulator start(SimulatorContext context);

    /** Whether the carrier has an API the simulator speaks (false: it exchanges files through the bucket). */
    default boolean hasApi() {
        return true;
    }
}
