package io.shipbridge.local.sim.canadapost;

import com.google.auto.service.AutoService;
import io.shipbridge.local.sim.carrier.CarrierSimulator;
import io.shipbridge.local.sim.carrier.CarrierSimulatorModule;
import io.shipbridge.local.sim.carrier.SimulatorContext;

/** Registers the Canada Post simulator. */
@AutoService(CarrierSimulatorModule.class)
public final class CanadaPostSimulatorModule implements CarrierSimulatorModule {
    static final String ID = "canadapost";

    @Override
    public String carrierId() {
        return ID;
    }

    @Override
    public CarrierSimulator start(SimulatorContext context) {
        return new CanadaPostSimulator(context);
    }
}
