package io.shipbridge.local.sim.seur;

import com.google.auto.service.AutoService;
import io.shipbridge.local.sim.carrier.CarrierSimulator;
import io.shipbridge.local.sim.carrier.CarrierSimulatorModule;
import io.shipbridge.local.sim.carrier.SimulatorContext;

/** Registers the SEUR simulator. */
@AutoService(CarrierSimulatorModule.class)
public final class SeurSimulatorModule implements CarrierSimulatorModule {
    static final String ID = "seur";

    @Override
    public String carrierId() {
        return ID;
    }

    @Override
    public CarrierSimulator start(SimulatorContext context) {
        return new SeurSimulator(context);
    }
}
