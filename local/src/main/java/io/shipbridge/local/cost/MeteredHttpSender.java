package io.shipbridge.local.cost;

import io.shipbridge.http.HttpSender;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A function's HTTP requests to Mirakl and the carriers, each billed as the function's typical wait for such an
 * answer ({@code prices.json}'s {@code waits}), at the function's own memory size: the simulators answer at once.
 */
public final class MeteredHttpSender implements HttpSender {
    private final HttpSender sender;
    private final UsageMeter meter;
    private final double memoryGb;
    private final NetworkWaits waits;
    private final URI mirakl;

    /** @param mirakl where Mirakl answers; any other host is a carrier's */
    public MeteredHttpSender(HttpSender sender, UsageMeter meter, int memoryMb, NetworkWaits waits, URI mirakl) {
        this.sender = sender;
        this.meter = meter;
        this.memoryGb = memoryMb / 1024.0;
        this.waits = waits;
        this.mirakl = mirakl;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        try {
            return sender.send(request, body);
        } finally {
            meter.add(BillableUnit.LAMBDA_GB_SECONDS, memoryGb * waits.of(isMirakl(request.uri()) ? "mirakl"
                    : "carrier"));
        }
    }

    private boolean isMirakl(URI uri) {
        return mirakl.getHost().equals(uri.getHost()) && mirakl.getPort() == uri.getPort();
    }
}
