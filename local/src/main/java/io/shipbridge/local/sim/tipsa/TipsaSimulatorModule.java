package io.shipbridge.local.sim.tipsa;

import com.google.auto.service.AutoService;
import io.shipbridge.local.sim.carrier.CarrierSimulator;
import io.shipbridge.local.sim.carrier.CarrierSimulatorModule;
import io.shipbridge.local.sim.carrier.SimulatorContext;

/** Registers the TIPSA simulator. */
@AutoService(CarrierSimulatorModule.class)
public final class TipsaSimulatorModule implements CarrierSimulatorModule {
    static final String ID = "tipsa";

    @Override
    public String carrierId() {
        return ID;
    }

    @Override
    public CarrierSimulator start(SimulatorContext context) {
        return new TipsaSimulator(context);
    }
}
