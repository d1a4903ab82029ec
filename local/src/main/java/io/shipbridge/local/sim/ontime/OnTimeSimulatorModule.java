package io.shipbridge.local.sim.ontime;

import com.google.auto.service.AutoService;
import io.shipbridge.local.sim.carrier.CarrierSimulator;
import io.shipbridge.local.sim.carrier.CarrierSimulatorModule;
import io.shipbridge.local.sim.carrier.SimulatorContext;

/** Registers the OnTime simulator. */
@AutoService(CarrierSimulatorModule.class)
public final class OnTimeSimulatorModule implements CarrierSimulatorModule {
    static final String ID = "ontime";

    @Override
    public String carrierId() {
        return ID;
    }

    @Override
    public boolean hasApi() {
        return false;
    }

    @Override
    public CarrierSimulator start(SimulatorContext context) {
        return new OnTimeSimulator(context);
    }
}
