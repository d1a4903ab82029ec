package io.shipbridge.app;

import java.util.function.Supplier;

/** A value built on first use and kept: each function builds only the parts it needs, once per container. */
final class Lazy<T> implements Supplier<T> {
    private Supplier<T> factory;
    private T value;

    Lazy(Supplier<T> factory) {
        this.factory = factory;
    }

    /** Whether it was built: priming warms only what the function uses. */
    synchronized boolean isBuilt() {
        return factory == null;
    }

    @Override
    public synchronized T get() {
        if (factory != null) {
            value = factory.get();
            factory = null;
        }
        return value;
    }
}
