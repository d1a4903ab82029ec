package io.shipbridge.local.localstack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.local.cloud.OfflineCloud;
import io.shipbridge.local.cloud.Seller;
import io.shipbridge.local.sim.Binding;
import io.shipbridge.local.sim.MiraklSimulator;
import io.shipbridge.local.sim.carrier.CarrierSimulators;
import io.shipbridge.local.sim.carrier.DeliveryTimeline;
import io.shipbridge.local.sim.carrier.SimulatorContext;
import io.shipbridge.local.time.SimulatedTime;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One seller's marketplace and carriers, simulated in this JVM as the offline cloud simulates them, but on the wall
 * clock (LocalStack's functions and timeouts run on it) and listening on every interface, named
 * {@code host.docker.internal}, where LocalStack's Lambda containers reach them.
 *
 * <p>Its pace is minutes, not the offline cloud's days: the customer is debited seconds after acceptance and a
 * parcel is collected, out for delivery and delivered within a minute of its shipment.
 */
final class SimulatedSeller implements AutoCloseable {
    static final Binding FOR_CONTAINERS = Binding.everyInterfaceAs("host.docker.internal");
    static final Duration DEBIT_DELAY = Duration.ofSeconds(5);
    static final DeliveryTimeline WITHIN_A_MINUTE = new DeliveryTimeline(Duration.ofSeconds(20),
            Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(5));

    private final Seller seller;
    private final SimulatedTime time = new SimulatedTime(Instant.now(), 1);
    private final MiraklSimulator mirakl;
    private final CarrierSimulators carriers;

    /** @param bucket the deployed stack's bucket, where carriers of files drop theirs */
    SimulatedSeller(Seller seller, long seed, SimulatorContext.Bucket bucket) {
        SplittableRandom random = new SplittableRandom(seed);
        this.seller = seller;
        this.mirakl = new MiraklSimulator(time, random.split(), "localstack-mirakl-" + Long.toHexString(seed),
                DEBIT_DELAY, seller.miraklCarriers(), FOR_CONTAINERS, 0);
        this.carriers = new CarrierSimulators(time, random.split(), WITHIN_A_MINUTE, FOR_CONTAINERS, 0, bucket);
    }

    /** The template parameters that deploy for this seller against these simulators. */
    Map<String, String> templateParameters() {
        Map<String, String> parameters = new LinkedHashMap<>(mirakl.templateParameters());
        parameters.putAll(carriers.templateParameters());
        parameters.putAll(seller.parameters());
        return parameters;
    }

    /** The secrets' values by the template's logical id, as an operator puts them after deploying. */
    Map<String, String> secrets() {
        return Map.of("MiraklApiKeySecret", mirakl.secret().toString(),
                "CarrierCredentialsSecret", carriers.carrierSecret().toString(),
                "WebhookSigningSecret", carriers.webhookSecret(OfflineCloud.WEBHOOK_SECRET).toString());
    }

    /** A customer places an order; {@code simulation} scripts its story, as in the offline cloud. */
    void placeOrder(ObjectNode order, ObjectNode simulation) {
        carriers.scriptFrom(order.path("order_id").asText(), simulation);
        mirakl.addOrder(order, simulation);
    }

    Seller seller() {
        return seller;
    }

    SimulatedTime time() {
        return time;
    }

    MiraklSimulator mirakl() {
        return mirakl;
    }

    CarrierSimulators carriers() {
        return carriers;
    }

    @Override
    public void close() {
        carriers.close();
        mirakl.close();
        time.close();
    }
}
