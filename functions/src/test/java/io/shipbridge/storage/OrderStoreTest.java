package io.shipbridge.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipbridge.order.ConcurrentTransitionException;
import io.shipbridge.order.IllegalTransitionException;
import io.shipbridge.order.Order;
import io.shipbridge.order.OrderLine;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.order.StatusChange;
import io.shipbridge.order.TransitionRequest;
import io.shipbridge.testing.TestStack;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class OrderStoreTest {
    @RegisterExtension
    static final TestStack STACK = new TestStack();

    private OrderStore orders;

    @BeforeEach
    void setUp() {
        orders = STACK.components().orders();
    }

    @Test
    void createsTheViewAndItsFirstHistoryRowOnce() {
        String id = TestStack.newOrderId();

        assertThat(orders.create(order(id), "WAITING_ACCEPTANCE", TestStack.START, "mirakl", "fetched")).isTrue();
        assertThat(orders.create(order(id), "WAITING_ACCEPTANCE", TestStack.START, "mirakl", "fetched")).isFalse();

        OrderView view = orders.get(id);
        assertThat(view.state()).isEqualTo(OrderState.PENDING_ACCEPTANCE);
        assertThat(view.version()).isEqualTo(1);
        assertThat(view.order().lines()).extracting(OrderLine::sku).containsExactly("SKU-1");
        assertThat(orders.history(id)).singleElement().satisfies(row -> {
            assertThat(row.from()).isNull();
            assertThat(row.to()).isEqualTo(OrderState.PENDING_ACCEPTANCE);
            assertThat(row.actor()).isEqualTo("mirakl");
            assertThat(row.sequence()).isEqualTo(1);
        });
    }

    static Stream<Arguments> everyPair() {
        return Arrays.stream(OrderState.values()).flatMap(from -> Arrays.stream(OrderState.values())
                .map(to -> Arguments.of(from, to)));
    }

    /** 196 cases of the calls the other tests make: the LocalStack backend's run leaves them out (50 s there). */
    @Tag("every-transition-pair")
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void writesEveryLegalTransitionAsViewPlusOneHistoryRowAndRefusesEveryIllegalOneWritingNothing(OrderState from,
            OrderState to) {
        OrderView current = orderIn(from);
        List<StatusChange> before = orders.history(current.orderId());

        if (from.canMoveTo(to)) {
            OrderView after = orders.transition(current, TransitionRequest.to(to, "test", "because")
                    .withDetails(Map.of("key", "value")));

            OrderView stored = orders.get(current.orderId());
            assertThat(stored.state()).isEqualTo(to).isEqualTo(after.state());
            assertThat(stored.version()).isEqualTo(current.version() + 1);
            assertThat(stored.previousState()).isEqualTo(from);
            List<StatusChange> history = orders.history(current.orderId());
            assertThat(history).hasSize(before.size() + 1);
            StatusChange row = history.get(history.size() - 1);
            assertThat(row.from()).isEqualTo(from);
            assertThat(row.to()).isEqualTo(to);
            assertThat(row.actor()).isEqualTo("test");
            assertThat(row.reason()).isEqualTo("because");
            assertThat(row.details()).containsEntry("key", "value");
            assertThat(row.sequence()).isEqualTo(stored.version());
            assertThat(orders.inState(to, 1000)).extracting(OrderView::orderId).contains(current.orderId());
        } else {
            assertThatThrownBy(() -> orders.transition(current, TransitionRequest.to(to, "test", "because")))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessageContaining("cannot move from " + from + " to " + to);

            OrderView stored = orders.get(current.orderId());
            assertThat(stored.state()).isEqualTo(from);
            assertThat(stored.version()).isEqualTo(current.version());
            assertThat(orders.history(current.orderId())).isEqualTo(before);
        }
    }

    @Test
    void ofTwoConflictingTransitionsFromTheSameReadExactlyOneIsWritten() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                OrderView read = orderIn(OrderState.PENDING_POST);
                CyclicBarrier together = new CyclicBarrier(2);
                Callable<OrderView> post = () -> {
                    together.await();
                    return orders.transition(read, TransitionRequest.to(OrderState.POSTED, "carrier", "posted"));
                };
                Callable<OrderView> cancel = () -> {
                    together.await();
                    return orders.transition(read, TransitionRequest.to(OrderState.CANCELLED, "mirakl", "cancelled"));
                };
                List<Future<OrderView>> results = List.of(pool.submit(post), pool.submit(cancel));

                List<OrderView> won = new ArrayList<>();
                List<Throwable> lost = new ArrayList<>();
                for (Future<OrderView> result : results) {
                    try {
                        won.add(result.get());
                    } catch (java.util.concurrent.ExecutionException e) {
                        lost.add(e.getCause());
                    }
                }
                assertThat(won).hasSize(1);
                assertThat(lost).singleElement().isInstanceOf(ConcurrentTransitionException.class);
                OrderView stored = orders.get(read.orderId());
                List<StatusChange> history = orders.history(read.orderId());
                assertThat(stored.state()).isEqualTo(won.get(0).state());
                assertThat(stored.version()).isEqualTo(read.version() + 1);
                assertThat(history).hasSize((int) stored.version());
                assertThat(history.get(history.size() - 1).to()).isEqualTo(stored.state());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesATransitionFromAStaleReadAndWritesNothing() {
        OrderView stale = orderIn(OrderState.ACCEPTED);
        orders.transition(stale, TransitionRequest.to(OrderState.PENDING_POST, "mirakl", "debited"));

        assertThatThrownBy(() -> orders.transition(stale, TransitionRequest.to(OrderState.CANCELLED, "mirakl", "x")))
                .isInstanceOf(ConcurrentTransitionException.class)
                .hasMessageContaining("found PENDING_POST");
        assertThat(orders.get(stale.orderId()).state()).isEqualTo(OrderState.PENDING_POST);
        assertThat(orders.history(stale.orderId())).extracting(StatusChange::to).doesNotContain(OrderState.CANCELLED);
    }

    @Test
    void leavesTheViewUntouchedWhenItsHistoryRowCannotBeWritten() {
        OrderView current = orderIn(OrderState.ACCEPTED);
        // Another writer already holds the next history row: the transaction must fail as a whole.
        STACK.aws().dynamoDb().putItem(p -> p.tableName(STACK.settings().get("TABLE_NAME")).item(Map.of(
                "pk", AttributeValue.fromS("ORDER#" + current.orderId()),
                "sk", AttributeValue.fromS(String.format("HISTORY#%08d", current.version() + 1)),
                "to", AttributeValue.fromS("CANCELLED"))));

        assertThatThrownBy(() -> orders.transition(current, TransitionRequest.to(OrderState.PENDING_POST, "m", "x")))
                .isInstanceOf(ConcurrentTransitionException.class);
        OrderView stored = orders.get(current.orderId());
        assertThat(stored.state()).isEqualTo(OrderState.ACCEPTED);
        assertThat(stored.version()).isEqualTo(current.version());
    }

    @Test
    void aTransitionThatLosesARaceIsDecidedAgainOnTheOrderAsTheWinnerLeftIt() {
        OrderView accepted = orderIn(OrderState.ACCEPTED);
        long v = accepted.version();
        List<String> seen = new ArrayList<>();

        Optional<OrderView> cancelled = orders.transitionIf(accepted.orderId(), current -> {
            seen.add(current.state() + "@" + current.version());
            if (seen.size() == 1) {
                // Between this writer's read and its write, another function moves the order on.
                moveByAnotherFunction(current.orderId(), OrderState.PENDING_POST);
            }
            return current.state().isCancellable()
                    ? Optional.of(TransitionRequest.to(OrderState.CANCELLED, "operator:ana", "customer called"))
                    : Optional.empty();
        });

        assertThat(seen).containsExactly("ACCEPTED@" + v, "PENDING_POST@" + (v + 1));
        assertThat(cancelled).get().extracting(OrderView::state, OrderView::version)
                .containsExactly(OrderState.CANCELLED, v + 2);
        OrderView stored = orders.get(accepted.orderId());
        assertThat(stored.state()).isEqualTo(OrderState.CANCELLED);
        assertThat(stored.previousState()).isEqualTo(OrderState.PENDING_POST);
        assertThat(stored.version()).isEqualTo(v + 2);
        assertThat(lastRows(accepted.orderId(), 2)).containsExactly(
                "ACCEPTED->PENDING_POST by other-function", "PENDING_POST->CANCELLED by operator:ana");
    }

    @Test
    void aTransitionThatLosesEveryRaceGivesUpAfterFiveAttemptsWritingNothing() {
        OrderView pendingPost = orderIn(OrderState.PENDING_POST);
        long v = pendingPost.version();
        List<String> seen = new ArrayList<>();

        assertThatThrownBy(() -> orders.transitionIf(pendingPost.orderId(), current -> {
            seen.add(current.state() + "@" + current.version());
            flipByAnotherFunction(current);
            return Optional.of(TransitionRequest.to(OrderState.CANCELLED, "operator:ana", "customer called"));
        })).isInstanceOf(ConcurrentTransitionException.class).hasMessage("Order " + pendingPost.orderId()
                + " changed concurrently: expected PENDING_POST at version " + (v + 4) + ", found FAILED_POST at"
                + " version " + (v + 5) + "; nothing was written");

        assertThat(seen).containsExactly("PENDING_POST@" + v, "FAILED_POST@" + (v + 1), "PENDING_POST@" + (v + 2),
                "FAILED_POST@" + (v + 3), "PENDING_POST@" + (v + 4));
        OrderView stored = orders.get(pendingPost.orderId());
        assertThat(stored.state()).isEqualTo(OrderState.FAILED_POST);
        assertThat(stored.version()).isEqualTo(v + 5);
        assertThat(orders.history(pendingPost.orderId())).hasSize((int) (v + 5))
                .extracting(StatusChange::to).doesNotContain(OrderState.CANCELLED);
    }

    @Test
    void movingOnFromAStaleReadStartsAgainFromTheOrderAsItIsNowAndKeepsGoing() {
        OrderView stale = orderIn(OrderState.ACCEPTED);
        long v = stale.version();
        // After the caller's read: another function posts the order and the carrier refuses it.
        moveByAnotherFunction(stale.orderId(), OrderState.PENDING_POST);
        moveByAnotherFunction(stale.orderId(), OrderState.FAILED_POST);
        List<String> seen = new ArrayList<>();

        OrderView after = orders.transitionWhileDue(stale, current -> {
            seen.add(current.state() + "@" + current.version());
            return towardsPosted(current);
        });

        assertThat(seen).containsExactly("ACCEPTED@" + v, "FAILED_POST@" + (v + 2), "PENDING_POST@" + (v + 3),
                "POSTED@" + (v + 4));
        assertThat(after.state()).isEqualTo(OrderState.POSTED);
        assertThat(orders.get(stale.orderId()).version()).isEqualTo(v + 4).isEqualTo(after.version());
        assertThat(lastRows(stale.orderId(), 4)).containsExactly("ACCEPTED->PENDING_POST by other-function",
                "PENDING_POST->FAILED_POST by other-function", "FAILED_POST->PENDING_POST by progress",
                "PENDING_POST->POSTED by progress");
    }

    @Test
    void movingOnGivesUpAtTheFifthConflictWritingNothingOfItsOwn() {
        OrderView pendingPost = orderIn(OrderState.PENDING_POST);
        long v = pendingPost.version();
        List<String> seen = new ArrayList<>();

        assertThatThrownBy(() -> orders.transitionWhileDue(pendingPost, current -> {
            seen.add(current.state() + "@" + current.version());
            flipByAnotherFunction(current);
            return towardsPosted(current);
        })).isInstanceOf(ConcurrentTransitionException.class).hasMessage("Order " + pendingPost.orderId()
                + " changed concurrently: expected PENDING_POST at version " + (v + 4) + ", found FAILED_POST at"
                + " version " + (v + 5) + "; nothing was written");

        assertThat(seen).hasSize(5);
        assertThat(orders.get(pendingPost.orderId()).version()).isEqualTo(v + 5);
        assertThat(orders.history(pendingPost.orderId())).extracting(StatusChange::actor)
                .doesNotContain("progress");
    }

    @Test
    void keepsOnlyNewerMiraklNews() {
        String id = TestStack.newOrderId();
        orders.create(order(id), "WAITING_ACCEPTANCE", TestStack.START, "mirakl", "fetched");

        assertThat(orders.recordMiraklUpdate(order(id), "SHIPPING", TestStack.START.plusSeconds(60))).isTrue();
        assertThat(orders.recordMiraklUpdate(order(id), "WAITING_DEBIT", TestStack.START.plusSeconds(30))).isFalse();
        assertThat(orders.recordMiraklUpdate(order(id), "SHIPPING", TestStack.START.plusSeconds(60))).isFalse();
        assertThat(orders.get(id).miraklState()).isEqualTo("SHIPPING");
    }

    @Test
    void takesNewsOfTheSameSecondOnlyWhenItIsFurtherAlongMiraklsOrderLife() {
        String id = TestStack.newOrderId();
        orders.create(order(id), "WAITING_ACCEPTANCE", TestStack.START, "mirakl", "fetched");
        assertThat(orders.recordMiraklUpdate(order(id), "WAITING_DEBIT_PAYMENT", TestStack.START.plusSeconds(60)))
                .isTrue();

        // Mirakl's dates are to the second: a cancellation in the second of the acceptance carries the same date.
        assertThat(orders.recordMiraklUpdate(order(id), "WAITING_DEBIT", TestStack.START.plusSeconds(60))).isFalse();
        assertThat(orders.recordMiraklUpdate(order(id), "CANCELED", TestStack.START.plusSeconds(60))).isTrue();
        assertThat(orders.recordMiraklUpdate(order(id), "CANCELED", TestStack.START.plusSeconds(60))).isFalse();
        assertThat(orders.recordMiraklUpdate(order(id), "SHIPPING", TestStack.START.plusSeconds(60))).isFalse();
        assertThat(orders.get(id).miraklState()).isEqualTo("CANCELED");
    }

    @Test
    void keepsTheOrderApartFromTheViewThatEveryStepRewrites() {
        String id = TestStack.newOrderId();
        orders.create(order(id), "WAITING_ACCEPTANCE", TestStack.START, "mirakl", "fetched");

        assertThat(rawItem(id, "VIEW")).doesNotContainKey("order").containsKey("state");
        assertThat(rawItem(id, "VIEW#ORDER")).containsKey("order").doesNotContainKeys("gsi1pk", "state");
        assertThat(orders.get(id).order().lines()).extracting(OrderLine::sku).containsExactly("SKU-1");
        assertThat(orders.inState(OrderState.PENDING_ACCEPTANCE, 1000)).filteredOn(v -> v.orderId().equals(id))
                .singleElement().satisfies(v -> assertThat(v.order().lines()).hasSize(1));
    }

    @Test
    void readsAViewThatStillHoldsItsOrderAndMovesTheOrderOutAtMiraklsNextVersion() {
        String id = TestStack.newOrderId();
        orders.create(order(id), "WAITING_ACCEPTANCE", TestStack.START, "mirakl", "fetched");
        // As a view was stored before the order was kept apart: in the view, no order item.
        Map<String, AttributeValue> old = new HashMap<>(rawItem(id, "VIEW"));
        old.put("order", rawItem(id, "VIEW#ORDER").get("order"));
        dynamoDb().putItem(p -> p.tableName(table()).item(old));
        dynamoDb().deleteItem(d -> d.tableName(table()).key(key(id, "VIEW#ORDER")));

        assertThat(orders.get(id).order().lines()).hasSize(1);
        assertThat(orders.inState(OrderState.PENDING_ACCEPTANCE, 1000)).filteredOn(v -> v.orderId().equals(id))
                .singleElement().satisfies(v -> assertThat(v.order().lines()).hasSize(1));

        assertThat(orders.recordMiraklUpdate(order(id), "SHIPPING", TestStack.START.plusSeconds(60))).isTrue();
        assertThat(rawItem(id, "VIEW")).doesNotContainKey("order");
        assertThat(rawItem(id, "VIEW#ORDER")).containsKey("order");
        assertThat(orders.get(id).miraklState()).isEqualTo("SHIPPING");
    }

    /** A transition written through another function's store (its own components) on the same table. */
    private static void moveByAnotherFunction(String orderId, OrderState to) {
        OrderStore other = STACK.components().orders();
        other.transition(other.get(orderId), TransitionRequest.to(to, "other-function", "raced"));
    }

    /** Another function moves the order between PENDING_POST and FAILED_POST (a post failing, then retried). */
    private static void flipByAnotherFunction(OrderView current) {
        moveByAnotherFunction(current.orderId(), current.state() == OrderState.PENDING_POST ? OrderState.FAILED_POST
                : OrderState.PENDING_POST);
    }

    private static Optional<TransitionRequest> towardsPosted(OrderView current) {
        return switch (current.state()) {
            case ACCEPTED, FAILED_POST -> Optional.of(TransitionRequest.to(OrderState.PENDING_POST, "progress", "on"));
            case PENDING_POST -> Optional.of(TransitionRequest.to(OrderState.POSTED, "progress", "on"));
            default -> Optional.empty();
        };
    }

    private List<String> lastRows(String orderId, int count) {
        List<StatusChange> history = orders.history(orderId);
        return history.subList(history.size() - count, history.size()).stream()
                .map(row -> row.from() + "->" + row.to() + " by " + row.actor()).toList();
    }

    private static DynamoDbClient dynamoDb() {
        return TestStack.localAws().dynamoDb();
    }

    private static String table() {
        return TestStack.localAws().resources().tableName("ShipbridgeTable");
    }

    private static Map<String, AttributeValue> key(String id, String sk) {
        return Map.of("pk", AttributeValue.fromS("ORDER#" + id), "sk", AttributeValue.fromS(sk));
    }

    private static Map<String, AttributeValue> rawItem(String id, String sk) {
        return dynamoDb().getItem(g -> g.tableName(table()).key(key(id, sk)).consistentRead(true)).item();
    }

    /** A new order moved along legal transitions to {@code target}, by the shortest path. */
    private OrderView orderIn(OrderState target) {
        String id = TestStack.newOrderId();
        if (target == OrderState.NOT_TAKEN_IN) {
            orders.createNotTakenIn(order(id), "WAITING_ACCEPTANCE", TestStack.START, "mirakl", "no order lines",
                    Map.of());
            return orders.get(id);
        }
        orders.create(order(id), "WAITING_ACCEPTANCE", TestStack.START, "mirakl", "fetched");
        OrderView view = orders.get(id);
        for (OrderState step : pathTo(target)) {
            view = orders.transition(view, TransitionRequest.to(step, "setup", "reach " + target));
        }
        assertThat(view.state()).isEqualTo(target);
        return orders.get(id);
    }

    private static List<OrderState> pathTo(OrderState target) {
        Map<OrderState, OrderState> cameFrom = new EnumMap<>(OrderState.class);
        Deque<OrderState> queue = new ArrayDeque<>(List.of(OrderState.PENDING_ACCEPTANCE));
        cameFrom.put(OrderState.PENDING_ACCEPTANCE, null);
        while (!queue.isEmpty()) {
            OrderState state = queue.poll();
            for (OrderState next : state.nextStates()) {
                if (!cameFrom.containsKey(next)) {
                    cameFrom.put(next, state);
                    queue.add(next);
                }
            }
        }
        List<OrderState> path = new ArrayList<>();
        for (OrderState at = target; at != OrderState.PENDING_ACCEPTANCE; at = cameFrom.get(at)) {
            path.add(0, at);
        }
        return path;
    }

    static Order order(String id) {
        return new Order(id, id, TestStack.START, "STD", "EUR", new BigDecimal("59.90"),
                List.of(new OrderLine(id + "-1", "SKU-1", "Product", 1, new BigDecimal("59.90"), "WAITING_ACCEPTANCE")),
                null, Map.of());
    }
}
