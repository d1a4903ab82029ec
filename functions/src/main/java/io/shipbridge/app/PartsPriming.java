package io.shipbridge.app;

import com.fasterxml.jackson.core.type.TypeReference;
import io.shipbridge.config.Json;
import io.shipbridge.http.HttpSender;
import io.shipbridge.metrics.OrderMetrics;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.order.CarrierChoice;
import io.shipbridge.order.Order;
import io.shipbridge.order.OrderView;
import io.shipbridge.order.Recovery;
import io.shipbridge.order.Shipment;
import io.shipbridge.order.StatusChange;
import io.shipbridge.storage.TrackingEventStore;
import io.shipbridge.tracking.TrackingUpdate;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Priming of the parts a function built, before its SnapStart snapshot: see {@link Components#prime}. */
final class PartsPriming {
    private static final Logger LOG = LoggerFactory.getLogger(PartsPriming.class);

    /**
     * What the stores keep as JSON in an attribute (read back with every order, every operation's meta), what goes
     * through the tracking queue and what the operator API answers.
     */
    private static final List<Class<?>> STORED_AS_JSON = List.of(Order.class, CarrierChoice.class, Shipment.class,
            Recovery.class, TrackingUpdate.class, OrderView.class, StatusChange.class, OperationRecord.class,
            TrackingEventStore.RecordedEvent.class);

    private final Runnable realRead;
    private final PrimedAwsCalls awsCalls;
    private final Optional<OrderMetrics> metrics;
    private final Optional<HttpSender> http;

    /** {@code realRead}: a read of a key nothing writes, the one call that really reaches AWS. */
    PartsPriming(Runnable realRead, PrimedAwsCalls awsCalls, Optional<OrderMetrics> metrics,
            Optional<HttpSender> http) {
        this.realRead = realRead;
        this.awsCalls = awsCalls;
        this.metrics = metrics;
        this.http = http;
    }

    /** Returns what could not be primed (empty when all was); a failure is only logged. */
    List<String> prime(Class<?>... jsonTypes) {
        List<String> failed = new ArrayList<>();
        try {
            realRead.run();
        } catch (RuntimeException e) {
            failed.add("dynamodb read " + e);
        }
        awsCalls.prime(failed);
        json(failed, jsonTypes);
        if (metrics.isPresent() && !metrics.get().prime()) {
            failed.add("metrics");
        }
        // Mirakl's and the carriers' client (a carrier's is built on its first call): one whole exchange.
        if (http.isPresent() && !LocalHttpAnswer.exchange(http.get())) {
            failed.add("http");
        }
        tls(failed);
        // With a correlation id, as a request's lines have: the layout's way for context data.
        MDC.put("correlation_id", "priming");
        try {
            LOG.info("Primed before the snapshot{}", failed.isEmpty() ? "" : "; not primed: " + failed);
        } finally {
            MDC.remove("correlation_id");
        }
        return failed;
    }

    private static void json(List<String> failed, Class<?>... jsonTypes) {
        List<Class<?>> types = new ArrayList<>(List.of(jsonTypes));
        types.addAll(STORED_AS_JSON);
        for (Class<?> type : types) {
            if (!JsonSamples.roundTrip(type)) {
                failed.add("json " + type.getSimpleName());
            }
        }
        try {
            Json.read("{\"text\":\"a\",\"number\":1,\"list\":[\"b\"],\"object\":{\"flag\":true}}",
                    new TypeReference<Map<String, Object>>() {
                    });
        } catch (IllegalArgumentException e) {
            failed.add("json untyped " + e);
        }
    }

    /** Mirakl and the carriers are reached over HTTPS: the TLS engine's first handshake step. */
    private static void tls(List<String> failed) {
        try {
            SSLEngine tls = SSLContext.getDefault().createSSLEngine("priming.invalid", 443);
            tls.setUseClientMode(true);
            tls.beginHandshake();
            tls.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(tls.getSession().getPacketBufferSize()));
        } catch (GeneralSecurityException | IOException e) {
            failed.add("tls " + e);
        }
    }
}
