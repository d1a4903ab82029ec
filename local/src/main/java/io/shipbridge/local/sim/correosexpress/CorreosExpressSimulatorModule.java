package io.shipbridge.local.sim.correosexpress;

import com.google.auto.service.AutoService;
import io.shipbridge.local.sim.carrier.CarrierSimulator;
import io.shipbridge.local.sim.carrier.CarrierSimulatorModule;
import io.shipbridge.local.sim.carrier.SimulatorContext;

/** Registers the Correos Express simulator. */
@AutoService(CarrierSimulatorModule.class)
public final class CorreosExpressSimulatorModule implements CarrierSimulatorModule {
    static final String ID = "correosexpress";

    @Override
    public String carrierId() {
        return ID;
    }

    @Override
    public CarrierSimulator start(SimulatorContext context) {
        return new CorreosExpressSimulator(context);
    }
}
