package io.shipbridge.local.sim.carrier;

import com.sun.net.httpserver.HttpExchange;
import io.shipbridge.local.sim.CallLog;
import io.shipbridge.local.sim.Faults;
import io.shipbridge.local.sim.HttpService;
import java.io.IOException;
import java.util.Map;

/**
 * What every simulated carrier has: an HTTP server (on loopback unless its context binds it elsewhere), a shipment book, an endpoint that answers under the
 * injected faults, and the carrier's own codes for the milestones. A carrier's simulator adds its wire format.
 */
public abstract class HttpCarrierSimulator implements CarrierSimulator {
    private final String carrierId;
    private final Map<Milestone, StatusCode> codes;
    protected final ShipmentBook book;
    protected final SimulatedEndpoint endpoint;
    protected final HttpService http;

    /**
     * @param failures how the carrier answers when throttling or failing
     * @param codes    the carrier's own code for each milestone
     */
    protected HttpCarrierSimulator(String carrierId, SimulatorContext context, SimulatedEndpoint.Failures failures,
            Map<Milestone, StatusCode> codes) {
        this.carrierId = carrierId;
        this.codes = Map.copyOf(codes);
        this.book = new ShipmentBook(carrierId, context);
        this.endpoint = new SimulatedEndpoint(context.time(), context.random(), failures);
        this.http = HttpService.start(context.binding(), context.port(), this::handle);
    }

    /** Answers one request in the carrier's wire format, through {@link #endpoint}. */
    protected abstract void handle(HttpExchange exchange) throws IOException;

    @Override
    public String carrierId() {
        return carrierId;
    }

    @Override
    public ShipmentBook shipments() {
        return book;
    }

    @Override
    public CallLog calls() {
        return endpoint.calls();
    }

    @Override
    public void faults(Faults faults) {
        endpoint.faults(faults);
    }

    @Override
    public StatusCode codeOf(Milestone milestone) {
        return codes.get(milestone);
    }

    @Override
    public void close() {
        http.close();
    }
}
