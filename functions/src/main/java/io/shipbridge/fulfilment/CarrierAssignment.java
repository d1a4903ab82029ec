package io.shipbridge.fulfilment;

import io.shipbridge.carrier.CarrierAvailability;
import io.shipbridge.order.CarrierChoice;
import io.shipbridge.order.IllegalTransitionException;
import io.shipbridge.order.Order;
import io.shipbridge.order.OrderCancelledException;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.order.Parcel;
import io.shipbridge.order.ShippingAddress;
import io.shipbridge.selection.CarrierRuleSet;
import io.shipbridge.selection.CarrierSelection;
import io.shipbridge.selection.NoCarrierAvailableException;
import io.shipbridge.selection.OrderWeigher;
import io.shipbridge.selection.OrderWeight;
import io.shipbridge.selection.ShipmentFacts;
import io.shipbridge.storage.OrderStore;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Weighs an order and runs the carrier rules on it; the choice, and why, is recorded on the order. */
public final class CarrierAssignment {
    private static final Logger LOG = LoggerFactory.getLogger(CarrierAssignment.class);

    private final OrderStore orders;
    private final OrderWeigher weigher;
    private final Supplier<CarrierRuleSet> rules;
    private final CarrierAvailability availability;
    private final String shipFromCountry;

    public CarrierAssignment(OrderStore orders, OrderWeigher weigher, Supplier<CarrierRuleSet> rules,
            CarrierAvailability availability, String shipFromCountry) {
        this.orders = orders;
        this.weigher = weigher;
        this.rules = rules;
        this.availability = availability;
        this.shipFromCountry = shipFromCountry;
    }

    /** @throws NoCarrierAvailableException when the order cannot be placed with any available carrier */
    public CarrierChoice assign(String orderId) {
        OrderView view = orders.get(orderId);
        if (view.state() == OrderState.CANCELLED) {
            throw new OrderCancelledException(orderId);
        }
        if (view.state() == OrderState.PENDING_POST && view.carrierChoice() != null
                && view.shipmentAttemptedAt() != null) {
            return view.carrierChoice(); // Asked of that carrier already: it is found there, never re-routed.
        }
        if (view.state() != OrderState.PENDING_POST) {
            if (view.carrierChoice() != null && !view.state().isFailure() && view.state().hasReached(OrderState.POSTED)) {
                return view.carrierChoice();
            }
            throw new IllegalTransitionException(orderId, view.state(), OrderState.POSTED);
        }
        Order order = view.order();
        ShippingAddress address = order.shippingAddress();
        if (address == null || address.countryCode() == null) {
            throw new NoCarrierAvailableException(orderId, address == null ? "the order has no shipping address"
                    : "the shipping address has no recognizable country", List.of());
        }
        OrderWeight weight = weigher.weigh(order);
        CarrierRuleSet ruleSet = rules.get();
        String preferred = ruleSet.preferredCarrierField() == null ? null
                : order.additionalFields().get(ruleSet.preferredCarrierField());
        ShipmentFacts facts = new ShipmentFacts(weight.kilograms(), address.countryCode(), address.postcode(),
                order.shippingType(), preferred, shipFromCountry);
        CarrierSelection selection = ruleSet.select(orderId, facts, availability::whyUnavailable);
        if (!weight.unknownSkus().isEmpty()) {
            LOG.warn("Order {} has SKUs missing from the catalog, weighed at the default weight: {}", orderId,
                    weight.unknownSkus());
        }
        CarrierChoice choice = new CarrierChoice(selection.carrier(), selection.rule(), weight.kilograms(),
                weight.unknownSkus(), List.of(new Parcel(1, weight.kilograms(), weight.dimensionsCm())));
        orders.recordCarrierChoice(orderId, choice);
        return choice;
    }
}
