package io.shipbridge.local.sim;

/**
 * Where a simulator listens and the host name its address is given out with (in the template parameters and in the
 * links it answers with). By default loopback for both; a run whose callers are containers (LocalStack's Lambda
 * functions) listens on every interface and names the host as the containers reach it.
 *
 * @param listenAddress  the local address the server binds
 * @param advertisedHost the host of its base URL
 */
public record Binding(String listenAddress, String advertisedHost) {
    /** Reachable from this machine only: the offline cloud, the demo, the tests. */
    public static final Binding LOOPBACK = new Binding("127.0.0.1", "127.0.0.1");

    /** Every interface, given out as {@code host} (e.g. {@code host.docker.internal} for containers). */
    public static Binding everyInterfaceAs(String host) {
        return new Binding("0.0.0.0", host);
    }
}
