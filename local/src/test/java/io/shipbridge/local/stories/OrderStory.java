package io.shipbridge.local.stories;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import io.shipbridge.local.demo.OrderGenerator;
import io.shipbridge.local.demo.OrderGenerator.Kind;
import io.shipbridge.order.OrderState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The end-to-end stories of a Spanish seller's orders, told once for every cloud that runs them (the offline cloud's
 * {@code EndToEndTest}, LocalStack's {@code SpanishSellerDockerIT}): the kind of order, what is changed in it, its
 * {@code x-simulation} script for the simulated Mirakl and carriers, and how it must end.
 *
 * <p>A few need hours of simulated time and so run on the offline cloud only ({@link #onWallClock} false): a run on
 * the wall clock, as LocalStack's is, would wait that long.
 */
public enum OrderStory {
    SHIPS_WITH_TIPSA("shipped with TIPSA", Kind.DOMESTIC_1_TO_5_KG, OrderStory::asIs, "{}", true,
            StoryOutcome.completesWith("tipsa")),
    SHIPS_WITH_SEUR("shipped with SEUR", Kind.DOMESTIC_OVER_5_KG, OrderStory::asIs, "{}", true,
            StoryOutcome.completesWith("seur")),
    SHIPS_WITH_CORREOS_EXPRESS("shipped with Correos Express", Kind.EUROPE, OrderStory::asIs, "{}", true,
            StoryOutcome.completesWith("correosexpress")),
    /** OnTime has no API: its parcels are collected once the day's manifest reaches it. */
    SHIPS_WITH_ONTIME("shipped with OnTime", Kind.DOMESTIC_UNDER_1_KG, OrderStory::asIs, "{}", true,
            StoryOutcome.completesWith("ontime")),
    ACCEPTANCE_REFUSED("acceptance refused", Kind.DOMESTIC_1_TO_5_KG, OrderStory::asIs,
            "{\"reject\": [\"OR21\"]}", true,
            StoryOutcome.fails(OrderState.ACCEPTANCE_FAILED, "Shipbridge.AcceptanceFailed", "OR21 is refused")),
    DEBIT_NEVER_COMES("debit never comes", Kind.DOMESTIC_1_TO_5_KG, OrderStory::asIs, "{\"debit\": \"never\"}", true,
            StoryOutcome.fails(OrderState.ACCEPTANCE_FAILED, "Shipbridge.AcceptanceFailed", "Timed out")),
    DEBIT_FAILS("debit fails", Kind.DOMESTIC_1_TO_5_KG, OrderStory::asIs, "{\"debit\": \"fails\"}", true,
            StoryOutcome.cancelled()),
    /** Counted from acceptance, not placement: a cold first fetch can take hours of simulated time. */
    CANCELLED_WAITING_FOR_DEBIT("cancelled while waiting for the debit", Kind.DOMESTIC_1_TO_5_KG, OrderStory::asIs,
            "{\"debit\": \"never\", \"cancelAfterAcceptanceMinutes\": 40}", false, StoryOutcome.cancelled()),
    UNROUTABLE("unroutable", Kind.DOMESTIC_1_TO_5_KG, OrderStory::shipToKosovo, "{}", true,
            StoryOutcome.fails(OrderState.FAILED_POST, "Shipbridge.PostFailed", "no recognizable country")),
    POSTCODE_TIPSA_REFUSES("postcode TIPSA refuses", Kind.DOMESTIC_1_TO_5_KG,
            order -> address(order).put("zip_code", "00000"), "{}", true,
            StoryOutcome.fails(OrderState.FAILED_POST, "Shipbridge.PostFailed", "Código postal de destino erróneo")),
    /** The recovery window is 24 hours: it fails only once they have passed. */
    TIPSA_DOWN("TIPSA down", Kind.DOMESTIC_1_TO_5_KG, OrderStory::asIs, "{\"carrier\": \"down\"}", false,
            StoryOutcome.fails(OrderState.FAILED_POST, "Shipbridge.RetriesExhausted", "CarrierUnavailable")),
    UNKNOWN_SKU("unknown SKU", Kind.DOMESTIC_1_TO_5_KG, order -> ((ObjectNode) order.path("order_lines").get(0))
            .put("offer_sku", "NOT-IN-CATALOG-1"), "{}", true, StoryOutcome.completes()),
    NEVER_COLLECTED("never collected", Kind.DOMESTIC_1_TO_5_KG, OrderStory::asIs,
            "{\"carrier\": \"not_collected\"}", true,
            StoryOutcome.fails(OrderState.FAILED_TRACKING, "Shipbridge.TrackingFailed", "Timed out")),
    TRACKING_REFUSED("tracking refused", Kind.DOMESTIC_1_TO_5_KG, OrderStory::asIs, "{\"reject\": [\"OR23\"]}", true,
            StoryOutcome.fails(OrderState.FAILED_PUSH, "Shipbridge.PushFailed", "OR23 is refused")),
    /** Confirmed on Mirakl, then the delivery wait times out: the order stays MIRAKL_OK. */
    NEVER_DELIVERED("never delivered", Kind.DOMESTIC_1_TO_5_KG, OrderStory::asIs,
            "{\"carrier\": \"not_delivered\"}", true,
            StoryOutcome.fails(OrderState.MIRAKL_OK, "Shipbridge.DeliveryNotConfirmed", null)),
    /** Mirakl answers 404 to an id whose space was sent as '+' or whose slash split the path. */
    ID_WITH_SPACE_AND_SLASH("id with a space and a slash", Kind.DOMESTIC_1_TO_5_KG, order -> order.put("order_id",
            order.path("order_id").asText().replace("-A", " 7/8-A")), "{}", true, StoryOutcome.completes());

    private final String label;
    private final Kind kind;
    private final Consumer<ObjectNode> twist;
    private final String simulation;
    private final boolean onWallClock;
    private final StoryOutcome outcome;

    OrderStory(String label, Kind kind, Consumer<ObjectNode> twist, String simulation, boolean onWallClock,
            StoryOutcome outcome) {
        this.label = label;
        this.kind = kind;
        this.twist = twist;
        this.simulation = simulation;
        this.onWallClock = onWallClock;
        this.outcome = outcome;
    }

    /** The stories a run on the wall clock can tell within minutes. */
    public static List<OrderStory> onWallClock() {
        return Arrays.stream(values()).filter(story -> story.onWallClock).toList();
    }

    /** This story's order, new on the marketplace now. */
    public ObjectNode order(OrderGenerator generator, Instant now) {
        ObjectNode order = generator.next(now, kind);
        twist.accept(order);
        return order;
    }

    /** Its {@code x-simulation} script (a fresh copy). */
    public ObjectNode simulation() {
        try {
            return (ObjectNode) Json.MAPPER.readTree(simulation);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public StoryOutcome outcome() {
        return outcome;
    }

    @Override
    public String toString() {
        return label;
    }

    private static void asIs(ObjectNode order) {
    }

    /** Kosovo's code (XK) is not in ISO 3166-1: no rule can place a parcel whose country it cannot tell. */
    private static void shipToKosovo(ObjectNode order) {
        address(order).put("zip_code", "10000").put("city", "Prishtinë").put("country", "Kosovo")
                .put("country_iso_code", "XK");
    }

    private static ObjectNode address(ObjectNode order) {
        return (ObjectNode) order.path("customer").path("shipping_address");
    }
}
