package io.shipbridge.carrier;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/** The carrier modules in this build, each registered by its own package ({@code @AutoService}). */
public final class CarrierModules {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*");
    private static final CarrierModules INSTALLED = new CarrierModules(ServiceLoader.load(CarrierModule.class,
            CarrierModules.class.getClassLoader()).stream().map(ServiceLoader.Provider::get)
            .sorted(Comparator.comparing(CarrierModule::id)).toList());

    private final Map<String, CarrierModule> byId = new LinkedHashMap<>();

    public CarrierModules(List<CarrierModule> modules) {
        for (CarrierModule module : modules) {
            if (!ID.matcher(module.id()).matches()) {
                throw new IllegalStateException("Carrier id '" + module.id() + "' must be lower-case letters and"
                        + " digits: it is a key, a URL segment and a secret field");
            }
            if (byId.putIfAbsent(module.id(), module) != null) {
                throw new IllegalStateException("Two carrier modules have the id " + module.id());
            }
        }
    }

    /** Every carrier module on the class path. */
    public static CarrierModules installed() {
        return INSTALLED;
    }

    public List<CarrierModule> all() {
        return List.copyOf(byId.values());
    }

    public Optional<CarrierModule> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }
}
