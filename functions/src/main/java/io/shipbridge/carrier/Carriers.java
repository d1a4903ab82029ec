package io.shipbridge.carrier;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The carriers this deployment is configured for, by id. */
public final class Carriers {
    private final Map<String, Carrier> byId = new LinkedHashMap<>();

    public Carriers(Iterable<Carrier> carriers) {
        carriers.forEach(c -> byId.put(c.id(), c));
    }

    public Optional<Carrier> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Carrier get(String id) {
        return find(id).orElseThrow(() -> new IllegalStateException(
                "Carrier " + id + " is not configured in this deployment (configured: " + byId.keySet() + ")"));
    }

    public Iterable<Carrier> all() {
        return byId.values();
    }
}
