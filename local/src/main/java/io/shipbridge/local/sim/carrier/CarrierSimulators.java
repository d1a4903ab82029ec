package io.shipbridge.local.sim.carrier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import io.shipbridge.local.sim.Binding;
import io.shipbridge.local.sim.Faults;
import io.shipbridge.local.time.SimulatedTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.SplittableRandom;

/** Every carrier simulator on the class path, started together for one simulated world. */
public final class CarrierSimulators implements AutoCloseable {
    private final Map<String, CarrierSimulator> byCarrier = new LinkedHashMap<>();
    private final Troubles troubles = new Troubles();

    /**
     * @param firstPort the first simulator listens there, the next on the port after, and so on; 0 for any free ports
     */
    public CarrierSimulators(SimulatedTime time, SplittableRandom random, DeliveryTimeline timeline, int firstPort) {
        this(time, random, timeline, firstPort, null);
    }

    /** @param bucket the seller's bucket, where carriers that exchange files take and drop them */
    public CarrierSimulators(SimulatedTime time, SplittableRandom random, DeliveryTimeline timeline, int firstPort,
            SimulatorContext.Bucket bucket) {
        this(time, random, timeline, Binding.LOOPBACK, firstPort, bucket);
    }

    /** @param binding where every simulator listens and the host their base URLs name */
    public CarrierSimulators(SimulatedTime time, SplittableRandom random, DeliveryTimeline timeline, Binding binding,
            int firstPort, SimulatorContext.Bucket bucket) {
        int port = firstPort;
        for (CarrierSimulatorModule module : modules()) {
            byCarrier.put(module.carrierId(), module.start(new SimulatorContext(time, random.split(), timeline,
                    troubles, port, bucket, binding)));
            port = port == 0 ? 0 : port + 1;
        }
    }

    /** The simulator modules on the class path, by carrier id. */
    public static List<CarrierSimulatorModule> modules() {
        return ServiceLoader.load(CarrierSimulatorModule.class, CarrierSimulators.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).sorted(Comparator.comparing(CarrierSimulatorModule::carrierId))
                .toList();
    }

    public List<CarrierSimulator> all() {
        return List.copyOf(byCarrier.values());
    }

    public Optional<CarrierSimulator> find(String carrierId) {
        return Optional.ofNullable(byCarrier.get(carrierId));
    }

    public CarrierSimulator get(String carrierId) {
        return find(carrierId).orElseThrow(() -> new IllegalArgumentException("No simulator for carrier "
                + carrierId + " (simulated: " + byCarrier.keySet() + ")"));
    }

    /** The template parameters pointing a deployment at every simulator. */
    public Map<String, String> templateParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        byCarrier.values().forEach(simulator -> parameters.putAll(simulator.templateParameters()));
        return parameters;
    }

    public Map<String, String> functionSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        byCarrier.values().forEach(simulator -> settings.putAll(simulator.functionSettings()));
        return settings;
    }

    /** The carriers' secret with every simulated carrier's entry. */
    public ObjectNode carrierSecret() {
        ObjectNode secret = Json.MAPPER.createObjectNode();
        byCarrier.forEach((id, simulator) -> secret.set(id, simulator.secret()));
        return secret;
    }

    /** The webhook signing secret with every simulated carrier's entry, each holding {@code signingSecret}. */
    public ObjectNode webhookSecret(String signingSecret) {
        ObjectNode secret = Json.MAPPER.createObjectNode();
        byCarrier.keySet().forEach(id -> secret.putArray(id).add(signingSecret));
        return secret;
    }

    /** The trouble scripted for the reference is over. */
    public void lift(String reference) {
        troubles.lift(reference);
    }

    /** Scripts the trouble an order's {@code x-simulation} names under {@code "carrier"}, if it names one. */
    public void scriptFrom(String reference, JsonNode simulation) {
        JsonNode trouble = simulation == null ? null : simulation.get("carrier");
        if (trouble != null && trouble.isTextual()) {
            script(reference, Trouble.named(trouble.asText()));
        }
    }

    /** Scripts what goes wrong for an order's shipment, at whichever carrier ships it. */
    public void script(String reference, Trouble trouble) {
        troubles.script(reference, trouble);
    }

    public void faults(Faults faults) {
        byCarrier.values().forEach(simulator -> simulator.faults(faults));
    }

    /** The shipments any carrier has under this reference, not cancelled. */
    public List<SimulatedShipment> shipmentsFor(String reference) {
        return byCarrier.values().stream().flatMap(s -> s.shipments().forReference(reference).stream()).toList();
    }

    @Override
    public void close() {
        byCarrier.values().forEach(CarrierSimulator::close);
    }
}
