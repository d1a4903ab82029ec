package io.shipbridge.local.sim.carrier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.local.sim.CallLog;
import io.shipbridge.local.sim.Faults;
import java.net.URI;
import java.util.Map;

/**
 * One simulated carrier: a loopback server speaking the carrier's wire format, with state (its shipment book), a
 * call log and injectable faults, and what the offline cloud needs to point Shipbridge at it.
 */
public interface CarrierSimulator extends AutoCloseable {

    /** The id of the carrier module it plays, e.g. {@code tipsa}. */
    String carrierId();

    URI baseUrl();

    /** The template parameters that point a deployment at this simulator (its URL, account codes). */
    Map<String, String> templateParameters();

    /** Its entry of the carriers' secret, as an operator would put it; the simulator accepts these credentials. */
    ObjectNode secret();

    /** Function settings for local runs, e.g. a request timeout shorter than the injected late answers. */
    default Map<String, String> functionSettings() {
        return Map.of();
    }

    ShipmentBook shipments();

    CallLog calls();

    void faults(Faults faults);

    /** For a carrier that takes the day's shipments together: its hand-overs (manifests) by day, in its own time. */
    default java.util.Map<java.time.LocalDate, Integer> handoversByDay() {
        return Map.of();
    }

    /** For a carrier that takes the day's shipments together: the references of shipments never handed over. */
    default java.util.List<String> notHandedOver() {
        return java.util.List.of();
    }

    /** Whether a tracking aggregator pushes this carrier's states as webhooks (a carrier of files has none). */
    default boolean pushedByAggregator() {
        return true;
    }

    /** For a carrier that exchanges files: the files it dropped and Shipbridge imported, counted by the simulator. */
    default int filesDropped() {
        return 0;
    }

    /** A tracking aggregator pushing this carrier's states says them with these codes and words. */
    StatusCode codeOf(Milestone milestone);

    /** A carrier's own status code and its wording. */
    record StatusCode(String code, String description) {
    }

    @Override
    void close();
}
