package io.shipbridge.carrier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The carriers this deployment is configured for (their settings present), each connected on first use: a function
 * that never calls a carrier never reads its secret.
 */
public final class Carriers {
    private final Map<String, CarrierModule> modules = new LinkedHashMap<>();
    private final Function<CarrierModule, Carrier> connect;
    private final Map<String, Carrier> connected = new LinkedHashMap<>();

    public Carriers(List<CarrierModule> configured, Function<CarrierModule, Carrier> connect) {
        configured.forEach(module -> modules.put(module.id(), module));
        this.connect = connect;
    }

    public Optional<Carrier> find(String id) {
        return modules.containsKey(id) ? Optional.of(connected(id)) : Optional.empty();
    }

    public Carrier get(String id) {
        return find(id).orElseThrow(() -> new IllegalStateException(
                "Carrier " + id + " is not configured in this deployment (configured: " + modules.keySet() + ")"));
    }

    /** The configured carriers' modules. */
    public List<CarrierModule> modules() {
        return List.copyOf(modules.values());
    }

    private synchronized Carrier connected(String id) {
        return connected.computeIfAbsent(id, key -> connect.apply(modules.get(key)));
    }
}
