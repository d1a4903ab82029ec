package io.shipbridge.local.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipbridge.local.cloud.Seller;
import io.shipbridge.local.demo.Demo;
import io.shipbridge.local.demo.OrderSource;
import io.shipbridge.local.sim.canadapost.CanadaPostSimulator;
import io.shipbridge.local.stories.StoryOutcome;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Canadian seller's story of the offline cloud's CanadianSellerTest, against the stack deployed to LocalStack in
 * Docker for a Best Buy Canada seller: two orders get Canada Post contract shipments; one is cancelled on Mirakl before
 * the cut-off and its shipment voided; the cut-off, fired by the test ({@link DailyHandOver}), transmits the other,
 * whose scans then begin, and it completes with its tracking pushed under the marketplace's code for Canada Post.
 */
class CanadianSellerDockerIT {
    private static final Duration PLACEMENT_GAP = Duration.ofSeconds(3);
    private static final Duration STEP_WITHIN = Duration.ofMinutes(5);

    private static SellerStack stack;
    private static String shipped;
    private static String cancelled;
    private static Map<String, StoryOutcome.Ended> ended;

    @BeforeAll
    static void oneOrderIsCancelledBeforeTheCutoffAndTheOtherTransmittedAtIt() throws Exception {
        stack = SellerStack.of(Seller.CANADA);
        OrderSource orders = Demo.orders(Seller.CANADA, 20261203L);
        shipped = stack.place(orders.next(stack.world().time().instant()), null);
        Thread.sleep(PLACEMENT_GAP.toMillis());
        cancelled = stack.place(orders.next(stack.world().time().instant()), null);
        stack.runs().awaitState(List.of(shipped, cancelled), OrderState.AWAITING_TRACKING, STEP_WITHIN);

        stack.world().mirakl().cancel(cancelled, "CUSTOMER_CANCELLATION");
        stack.runs().awaitState(cancelled, OrderState.CANCELLED, STEP_WITHIN);
        stack.handOver().close(stack.runs().view(shipped).shipment().handoverDay());
        ended = stack.runs().awaitEnded(List.of(shipped, cancelled), STEP_WITHIN);
    }

    @Test
    void theTransmittedOrderCompletesWithCanadaPostItsTrackingUnderTheMarketplacesCode() {
        assertThat(ended).as(stack.runs().whereItStands(shipped)).containsKey(shipped);
        StoryOutcome.completesWith("canadapost").check(shipped, ended.get(shipped));
        OrderView view = ended.get(shipped).view();
        assertThat(stack.world().mirakl().order(shipped).path("shipping_carrier_code").asText())
                .as("OR23 names Canada Post by the marketplace's own code").isEqualTo("CPCL");
        assertThat(stack.world().mirakl().order(shipped).path("shipping_tracking").asText())
                .isEqualTo(view.shipment().trackingNumber());
    }

    @Test
    void theOrderCancelledBeforeTheCutoffHasItsShipmentVoidedAndStaysOutOfTheManifest() {
        assertThat(ended).as(stack.runs().whereItStands(cancelled)).containsKey(cancelled);
        StoryOutcome.cancelled().check(cancelled, ended.get(cancelled));
        CanadaPostSimulator canadaPost = (CanadaPostSimulator) stack.world().carriers().get("canadapost");
        assertThat(canadaPost.shipments().forReference(cancelled)).as("voided").isEmpty();
        assertThat(canadaPost.manifests().values()).as("manifests").singleElement()
                .satisfies(references -> assertThat(references).containsExactly(shipped));
        assertThat(canadaPost.notHandedOver()).isEmpty();
    }
}
