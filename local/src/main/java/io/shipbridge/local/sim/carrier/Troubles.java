package io.shipbridge.local.sim.carrier;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The troubles scripted for orders (by reference), shared by every simulated carrier: whichever ships it, meets it. */
public final class Troubles {
    private final Map<String, Trouble> byReference = new ConcurrentHashMap<>();

    public void script(String reference, Trouble trouble) {
        byReference.put(reference, trouble);
    }

    /** The trouble is over: the reference's calls are answered as any other's. */
    public void lift(String reference) {
        byReference.remove(reference);
    }

    /** The trouble scripted for this reference, or null. */
    public Trouble of(String reference) {
        return reference == null ? null : byReference.get(reference);
    }
}
