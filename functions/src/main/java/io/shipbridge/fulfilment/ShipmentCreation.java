package io.shipbridge.fulfilment;

import io.shipbridge.carrier.Address;
import io.shipbridge.carrier.Carrier;
import io.shipbridge.carrier.CarrierModule;
import io.shipbridge.carrier.CarrierRejectedException;
import io.shipbridge.carrier.Carriers;
import io.shipbridge.carrier.CreatedShipment;
import io.shipbridge.carrier.FieldLimitCheck;
import io.shipbridge.carrier.FieldLimits;
import io.shipbridge.carrier.Label;
import io.shipbridge.carrier.LabelCheck;
import io.shipbridge.carrier.ShipmentRequest;
import io.shipbridge.handover.HandoverCalendar;
import io.shipbridge.order.CarrierChoice;
import io.shipbridge.order.IllegalTransitionException;
import io.shipbridge.order.OrderCancelledException;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.order.Shipment;
import io.shipbridge.order.ShippingAddress;
import io.shipbridge.order.TransitionRequest;
import io.shipbridge.storage.LabelStore;
import io.shipbridge.storage.OrderStore;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates the order's shipment and label at the chosen carrier, exactly once. The carrier is given the order id as
 * reference, and the first attempt is recorded before the call; any later attempt (a retry after a timeout whose
 * shipment may well exist) looks the reference up at the carrier and adopts what it finds instead of creating again.
 * The label is checked before it is stored: a label that is not a printable document stores nothing and fails the
 * step with the reason.
 */
public final class ShipmentCreation {
    private static final String STEP = "CreateShipment";

    private final OrderStore orders;
    private final Carriers carriers;
    private final LabelStore labels;
    private final Address shipFrom;
    private final HandoverCalendar calendar;
    private final Clock clock;

    public ShipmentCreation(OrderStore orders, Carriers carriers, LabelStore labels, Address shipFrom,
            HandoverCalendar calendar, Clock clock) {
        this.orders = orders;
        this.carriers = carriers;
        this.labels = labels;
        this.shipFrom = shipFrom;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * @param processing from the carrier being chosen to the label being stored; null when the shipment already
     *                   existed (a repeated call)
     */
    public record Created(Shipment shipment, Duration processing) {
    }

    public Created create(String orderId) {
        OrderView view = orders.get(orderId);
        if (view.state() == OrderState.CANCELLED) {
            throw new OrderCancelledException(orderId);
        }
        if (view.shipment() != null && !view.state().isFailure() && view.state().hasReached(OrderState.POSTED)) {
            return new Created(view.shipment(), null);
        }
        if (view.state() != OrderState.PENDING_POST) {
            throw new IllegalTransitionException(orderId, view.state(), OrderState.POSTED);
        }
        CarrierChoice choice = view.carrierChoice();
        if (choice == null) {
            throw new IllegalStateException("Order " + orderId + " has no carrier selected");
        }
        Carrier carrier = carriers.get(choice.carrier());
        Optional<CreatedShipment> existing = Optional.empty();
        if (view.shipmentAttemptedAt() != null) {
            existing = carrier.findShipment(orderId);
        } else {
            checkFieldLimits(carrier, view); // Before the attempt is recorded: nothing is asked of the carrier.
            orders.recordShipmentAttempt(orderId, clock.instant());
        }
        // One day for the request and the record: a cut-off passing during the call must not split them.
        LocalDate handoverDay = calendar.handoverDay(clock.instant());
        CreatedShipment created = existing.orElseGet(() -> carrier.createShipment(request(view, choice,
                handoverDay)));
        Label label = created.label() != null ? created.label() : carrier.label(created, orderId);
        LabelCheck.verify(carrier.id(), created.trackingNumber(), label);
        String labelKey = labels.put(carrier.id(), orderId, created.trackingNumber(), label);
        Shipment shipment = new Shipment(carrier.id(), created.trackingNumber(), created.carrierShipmentId(), labelKey,
                label.format().name(), clock.instant(), carrier.dailyHandover().isPresent() ? handoverDay : null);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("trackingNumber", created.trackingNumber());
        details.put("rule", choice.rule());
        details.put("weightKg", choice.weightKg().toPlainString());
        details.put("labelKey", labelKey);
        if (!choice.unknownSkus().isEmpty()) {
            details.put("unknownSkus", String.join(",", choice.unknownSkus()));
        }
        if (existing.isPresent()) {
            details.put("adopted", "found at the carrier under the order's reference after an interrupted attempt");
        }
        orders.transition(view, TransitionRequest.to(OrderState.POSTED, Actors.workflow(STEP),
                "Shipment created at " + carrier.profile().displayName()).withDetails(details).withShipment(shipment));
        return new Created(shipment, Duration.between(view.updatedAt(), shipment.createdAt()));
    }

    /** An address the carrier would refuse, or have to cut, fails the shipment as the carrier's refusal would. */
    private void checkFieldLimits(Carrier carrier, OrderView view) {
        FieldLimits limits = carriers.modules().stream().filter(m -> m.id().equals(carrier.id())).findFirst()
                .map(CarrierModule::fieldLimits).orElse(FieldLimits.ANY);
        List<String> problems = FieldLimitCheck.problems(limits, shipTo(view));
        if (!problems.isEmpty()) {
            throw new CarrierRejectedException(carrier.id(), "the address does not fit "
                    + carrier.profile().displayName() + "'s limits, not sent: " + String.join("; ", problems), null);
        }
    }

    private static Address shipTo(OrderView view) {
        ShippingAddress to = view.order().shippingAddress();
        String name = to.company() != null && !to.company().isBlank() ? to.company() : to.fullName();
        return new Address(name, to.fullName(), to.street(), to.postcode(), to.city(), to.countryCode(),
                to.phone(), null, to.region());
    }

    private ShipmentRequest request(OrderView view, CarrierChoice choice, LocalDate shipDate) {
        Address shipTo = shipTo(view);
        String notes = view.order().commercialId() == null ? view.orderId() : view.order().commercialId();
        return new ShipmentRequest(view.orderId(), shipFrom, shipTo, choice.parcels(), shipDate, notes);
    }
}
