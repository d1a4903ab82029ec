package io.shipbridge.local.sim.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.carrier.Address;
import io.shipbridge.carrier.Carrier;
import io.shipbridge.carrier.CarrierContext;
import io.shipbridge.carrier.CarrierModule;
import io.shipbridge.carrier.CarrierModules;
import io.shipbridge.carrier.CarrierRejectedException;
import io.shipbridge.carrier.CarrierUnavailableException;
import io.shipbridge.carrier.CreatedShipment;
import io.shipbridge.carrier.DailyHandover;
import io.shipbridge.carrier.Label;
import io.shipbridge.carrier.LabelCheck;
import io.shipbridge.carrier.ShipmentRequest;
import io.shipbridge.carrier.TrackingEvent;
import io.shipbridge.carrier.TrackingStatus;
import io.shipbridge.config.Config;
import io.shipbridge.http.HttpSender;
import io.shipbridge.local.sim.CallLog;
import io.shipbridge.local.sim.Faults;
import io.shipbridge.local.time.SimulatedTime;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.order.Parcel;
import io.shipbridge.standins.CloudFormationTemplate;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every carrier simulator must do, driven by the production client of the carrier it plays (its module, as
 * template.yaml configures it): create a shipment, hand out a printable label, find it by reference, report its
 * milestones in the carrier's codes, refuse to cancel a collected parcel, and fail as the carrier fails under injected
 * faults and scripted troubles. Timelines are chosen so that nothing depends on how fast the machine is: a parcel
 * that moves at once, or one that is never collected within the test.
 */
class CarrierSimulatorContractTest {
    private static final DeliveryTimeline AT_ONCE = new DeliveryTimeline(Duration.ZERO, Duration.ZERO, Duration.ZERO,
            Duration.ZERO);
    private static final DeliveryTimeline NEXT_WEEK = new DeliveryTimeline(Duration.ofDays(7), Duration.ofDays(1),
            Duration.ofDays(1), Duration.ZERO);

    private SimulatedTime time;
    private CarrierSimulators simulators;
    private final List<OperationRecord> operations = new CopyOnWriteArrayList<>();

    /** The carriers with an API (a carrier of files has its own test: OnTimeFilesTest). */
    static List<String> carriers() {
        return CarrierSimulators.modules().stream().filter(CarrierSimulatorModule::hasApi)
                .map(CarrierSimulatorModule::carrierId).toList();
    }

    @AfterEach
    void stop() {
        simulators.close();
        time.close();
    }

    @ParameterizedTest
    @MethodSource("carriers")
    void everySimulatorPlaysACarrierModuleOfTheFunctions(String carrier) {
        assertThat(CarrierModules.installed().find(carrier)).as("the functions' module for " + carrier).isPresent();
        start(AT_ONCE);
        assertThat(simulators.get(carrier).codeOf(Milestone.DELIVERED)).isNotNull();
    }

    @ParameterizedTest
    @MethodSource("carriers")
    void createsAShipmentWithAPrintableLabelFindsItByReferenceAndTracksItToDelivery(String carrier) {
        start(AT_ONCE);
        Carrier client = client(carrier);
        String reference = reference();

        CreatedShipment created = client.createShipment(request(carrier, reference, true));
        Label label = created.label() != null ? created.label() : client.label(created, reference);

        LabelCheck.verify(carrier, created.trackingNumber(), label);
        assertThat(client.findShipment(reference)).hasValueSatisfying(found ->
                assertThat(found.trackingNumber()).isEqualTo(created.trackingNumber()));
        assertThat(client.findShipment(reference())).isEmpty();
        handOver(client, reference, created);
        List<TrackingEvent> events = client.track(created.trackingNumber());
        assertThat(events).extracting(TrackingEvent::status).hasSize(4).startsWith(TrackingStatus.PENDING)
                .endsWith(TrackingStatus.OUT_FOR_DELIVERY, TrackingStatus.DELIVERED);
        assertThat(events.get(1).status()).isIn(TrackingStatus.PICKED_UP, TrackingStatus.IN_TRANSIT);
        assertThat(events).allSatisfy(event -> assertThat(event.rawCode()).isNotBlank());
        assertThat(simulators.get(carrier).shipments().forReference(reference)).singleElement()
                .satisfies(s -> assertThat(s.trackingNumber()).isEqualTo(created.trackingNumber()));
        assertThat(operations).extracting(OperationRecord::carrier).containsOnly(carrier);
    }

    @ParameterizedTest
    @MethodSource("carriers")
    void cancelsAParcelNotYetCollectedAndRefusesOneCollected(String carrier) {
        start(NEXT_WEEK);
        Carrier waiting = client(carrier);
        if (!waiting.canCancel()) {
            return; // The carrier has no cancellation: shipments are voided by hand (Cancellation records it).
        }
        String reference = reference();
        CreatedShipment notCollected = waiting.createShipment(request(carrier, reference, true));

        waiting.cancel(notCollected, reference);

        assertThat(simulators.get(carrier).shipments().forReference(reference)).isEmpty();
        stop();
        start(AT_ONCE);
        Carrier moving = client(carrier);
        String other = reference();
        CreatedShipment collected = moving.createShipment(request(carrier, other, true));
        handOver(moving, other, collected);
        assertThatThrownBy(() -> moving.cancel(collected, other)).isInstanceOf(CarrierRejectedException.class);
    }

    @ParameterizedTest
    @MethodSource("carriers")
    void failsAsTheCarrierFailsUnderFaultsAndScriptedTroubles(String carrier) {
        start(AT_ONCE);
        Carrier client = client(carrier);
        String down = reference();
        simulators.script(down, Trouble.DOWN);

        assertThatThrownBy(() -> client.createShipment(request(carrier, down, true)))
                .isInstanceOf(CarrierUnavailableException.class);
        simulators.faults(new Faults(1.0, 0, 0, 0));
        assertThatThrownBy(() -> client.track("0000000000")).isInstanceOf(CarrierUnavailableException.class);
        simulators.faults(new Faults(0, 1.0, 0, 0));
        assertThatThrownBy(() -> client.findShipment(down)).isInstanceOf(CarrierUnavailableException.class);

        CallLog calls = simulators.get(carrier).calls();
        assertThat(calls.count(c -> c.outcome() == CallLog.Outcome.FAULT)).isGreaterThanOrEqualTo(3);
        assertThat(simulators.get(carrier).shipments().forReference(down)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("carriers")
    void refusesADestinationTheCarrierDoesNotKnow(String carrier) {
        start(AT_ONCE);
        String reference = reference();

        assertThatThrownBy(() -> client(carrier).createShipment(request(carrier, reference, false)))
                .isInstanceOf(CarrierRejectedException.class);
        assertThat(simulators.get(carrier).shipments().forReference(reference)).isEmpty();
    }

    private void start(DeliveryTimeline timeline) {
        time = new SimulatedTime(Instant.parse("2026-11-20T08:00:00Z"), 1);
        simulators = new CarrierSimulators(time, new SplittableRandom(7), timeline, 0);
        operations.clear();
    }

    /**
     * The production client of the carrier, configured as template.yaml configures it, pointed at the simulator;
     * its retries do not wait (backoff is not what this test is about).
     */
    private Carrier client(String carrier) {
        CarrierSimulator simulator = simulators.get(carrier);
        CarrierModule module = CarrierModules.installed().find(carrier).orElseThrow();
        Map<String, String> parameters = new LinkedHashMap<>(simulator.templateParameters());
        parameters.putAll(canadian(carrier) ? Map.of("ShipFromName", "Shipbridge Demo Seller Inc.", "ShipFromStreet",
                "1200 Bay Street", "ShipFromCity", "Toronto", "ShipFromPostcode", "M5R 2A5", "ShipFromCountry", "CA",
                "ShipFromPhone", "+1 416 555 0100", "ShipFromRegion", "ON")
                : Map.of("ShipFromName", "Shipbridge Demo Seller SL", "ShipFromStreet",
                        "Polígono Industrial Norte, Nave 7", "ShipFromCity", "Valencia", "ShipFromPostcode", "46001",
                        "ShipFromPhone", "+34 960 000 000"));
        Map<String, String> settings = environment(parameters);
        settings.putAll(simulator.functionSettings());
        Config config = Config.of(settings);
        assertThat(module.isConfigured(config)).as(carrier + " configured by its simulator's parameters").isTrue();
        JsonNode secret = simulator.secret();
        CarrierContext.CarrierSecret fields = field -> () -> secret.path(field).asText();
        Consumer<OperationRecord> log = operations::add;
        return module.connect(new CarrierContext(config, fields, HttpSender.of(HttpClient.newHttpClient()),
                log::accept, time, duration -> { }));
    }

    /** Globals' environment of template.yaml, each parameter given the simulator's value or its default. */
    private static Map<String, String> environment(Map<String, String> parameters) {
        CloudFormationTemplate template = CloudFormationTemplate.read(CloudFormationTemplate.locate());
        Map<String, String> environment = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> variables = template.section("Globals").path("Function")
                .path("Environment").path("Variables").fields();
        while (variables.hasNext()) {
            Map.Entry<String, JsonNode> variable = variables.next();
            String parameter = variable.getValue().path("Ref").asText("");
            if (parameters.containsKey(parameter)) {
                environment.put(variable.getKey(), parameters.get(parameter));
            } else if (template.section("Parameters").path(parameter).has("Default")) {
                environment.put(variable.getKey(), template.section("Parameters").path(parameter).path("Default")
                        .asText());
            }
        }
        return environment;
    }

    private static String reference() {
        return "SIM" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "-A";
    }

    /** A carrier that takes the day's shipments over together: hands this one over, so the courier collects it. */
    private static void handOver(Carrier client, String reference, CreatedShipment created) {
        client.dailyHandover().ifPresent(handover -> assertThat(handover.handOver(LocalDate.of(2026, 11, 20),
                List.of(new DailyHandover.PendingShipment(reference, created.trackingNumber(),
                        created.carrierShipmentId(), LocalDate.of(2026, 11, 20)))).references()).isNotEmpty());
    }

    private static boolean canadian(String carrier) {
        return carrier.equals("canadapost");
    }

    /** A shipment within the carrier's country, to an address that exists or to a postcode that does not. */
    private static ShipmentRequest request(String carrier, String reference, boolean deliverable) {
        if (canadian(carrier)) {
            return new ShipmentRequest(reference,
                    new Address("Shipbridge Demo Seller Inc.", "Shipbridge Demo Seller Inc.", "1200 Bay Street",
                            "M5R 2A5", "Toronto", "CA", "+1 416 555 0100", null, "ON"),
                    new Address("Émilie Tremblay", "Émilie Tremblay", "350 rue Saint-Paul Est", deliverable
                            ? "H2Y 1H2" : "D9D 9D9", "Montréal", "CA", "+1 514 555 0199", null, "Québec"),
                    new ArrayList<>(List.of(new Parcel(1, new BigDecimal("2.4")))), LocalDate.of(2026, 11, 20),
                    reference);
        }
        return request(reference, deliverable ? "28014" : "99999", "ES");
    }

    private static ShipmentRequest request(String reference, String postcode, String country) {
        return new ShipmentRequest(reference,
                new Address("Shipbridge Demo Seller SL", "Almacén", "Polígono Industrial Norte, Nave 7", "46001",
                        "Valencia", "ES", "+34 960 000 000", null),
                new Address("Lucía García Pérez", "Lucía García Pérez", "Calle Mayor 12 3º B", postcode, "Madrid",
                        country, "+34 600 000 000", null),
                new ArrayList<>(List.of(new Parcel(1, new BigDecimal("2.4")))), LocalDate.of(2026, 11, 20),
                reference);
    }
}
