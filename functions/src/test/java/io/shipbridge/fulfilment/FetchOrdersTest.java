package io.shipbridge.fulfilment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.app.Components;
import io.shipbridge.config.Json;
import io.shipbridge.mirakl.MiraklUnavailableException;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.operations.OperationStatus;
import io.shipbridge.order.OrderCancelledException;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.order.TransitionRequest;
import io.shipbridge.storage.FetchCursorStore;
import io.shipbridge.storage.OrderStore;
import io.shipbridge.testing.MiraklOrders;
import io.shipbridge.testing.TestStack;
import io.shipbridge.workflow.WaitKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FetchOrdersTest {
    @RegisterExtension
    static final TestStack STACK = new TestStack();

    @Test
    void aRunOutOfTimeTakesInThePagesItReadAndTheNextRunReadsOnWithTheCursorKept() {
        String batch = TestStack.newOrderId().substring(0, 6);
        List<ObjectNode> orders = waitingAcceptance(batch, "B", 250);
        STACK.mirakl().listing(orders);
        Components components = STACK.components();
        Optional<Instant> cursorBefore = new FetchCursorStore(
                STACK.aws().dynamoDb(), STACK.settings().get("TABLE_NAME")).get(FetchOrders.CURSOR);

        FetchOrders.Summary cut = components.fetchOrders().run(new FetchOrders.Request("schedule", null),
                Duration.ZERO);

        assertThat(cut.complete()).isFalse();
        assertThat(cut.pages()).as("the first page is always read").isEqualTo(1);
        assertThat(cut.outcomes()).containsEntry(OrderIntake.Outcome.CREATED, 100);
        assertThat(new FetchCursorStore(STACK.aws().dynamoDb(),
                STACK.settings().get("TABLE_NAME")).get(FetchOrders.CURSOR)).isEqualTo(cursorBefore);

        FetchOrders.Summary next = components.fetchOrders().run(new FetchOrders.Request("schedule", null));

        assertThat(next.complete()).isTrue();
        assertThat(next.outcomes()).containsEntry(OrderIntake.Outcome.CREATED, 150)
                .containsEntry(OrderIntake.Outcome.UNCHANGED, 100);
        assertThat(STACK.stepFunctions().startedExecutionNames()).filteredOn(n -> n.startsWith(batch)).hasSize(250)
                .doesNotHaveDuplicates();
    }

    @Test
    void aMiraklFailureOnALaterPageKeepsTheOrdersOfTheEarlierPages() {
        String batch = TestStack.newOrderId().substring(0, 6);
        List<ObjectNode> orders = waitingAcceptance(batch, "C", 150);
        STACK.mirakl().listing(orders);
        STACK.mirakl().server().stubFor(get(
                urlPathEqualTo("/api/orders")).atPriority(1)
                .withQueryParam("offset", equalTo("100"))
                .willReturn(aResponse().withStatus(503)));
        Components components = STACK.components();
        java.util.concurrent.atomic.AtomicInteger counted = new java.util.concurrent.atomic.AtomicInteger();

        assertThatThrownBy(() -> components.fetchOrders().run(new FetchOrders.Request("schedule", null),
                java.time.Duration.ofMinutes(5), counted::addAndGet)).isInstanceOf(MiraklUnavailableException.class);

        assertThat(counted).as("the orders taken in are counted although the run failed").hasValue(100);
        assertThat(orders.subList(0, 100)).allSatisfy(order -> assertThat(components.orders()
                .find(order.path("order_id").asText())).isPresent());
        assertThat(components.orders().find(orders.get(100).path("order_id").asText())).isEmpty();
        assertThat(components.fetchOrders().lastRun()).hasValueSatisfying(run -> {
            assertThat(run.ok()).isFalse();
            assertThat(run.result()).contains("MiraklUnavailableException");
        });
    }

    @Test
    void takesInEachOf250OrdersExactlyOnceAcrossPagesDuplicatesAndOverlappingWindows() {
        String batch = TestStack.newOrderId().substring(0, 6);
        List<ObjectNode> orders = waitingAcceptance(batch, "A", 250);
        // Mirakl's pages shift while they are read: the second page repeats the last five orders of the first.
        List<ObjectNode> served = new ArrayList<>(orders.subList(0, 100));
        served.addAll(orders.subList(95, 195));
        served.addAll(orders.subList(195, 250));
        STACK.mirakl().listing(served);
        Components components = STACK.components();

        FetchOrders.Summary first = components.fetchOrders().run(new FetchOrders.Request("schedule", null));

        assertThat(first.pages()).isEqualTo(3);
        assertThat(first.received()).isEqualTo(255);
        assertThat(first.duplicates()).isEqualTo(5);
        assertThat(first.outcomes()).containsEntry(OrderIntake.Outcome.CREATED, 250).hasSize(1);

        // Five minutes later the next run looks back past the first one's start: the last 50 come again, some twice.
        STACK.clock().advance(Duration.ofMinutes(5));
        List<ObjectNode> again = new ArrayList<>(orders.subList(200, 250));
        again.addAll(orders.subList(230, 240));
        STACK.mirakl().listing(again);

        FetchOrders.Summary second = components.fetchOrders().run(new FetchOrders.Request("schedule", null));

        assertThat(second.since()).isEqualTo(TestStack.START.minus(Duration.ofMinutes(10)));
        assertThat(second.duplicates()).isEqualTo(10);
        assertThat(second.outcomes()).containsEntry(OrderIntake.Outcome.UNCHANGED, 50).hasSize(1);

        List<String> ids = orders.stream().map(o -> o.path("order_id").asText()).toList();
        List<String> started = STACK.stepFunctions().startedExecutionNames();
        assertThat(started).hasSize(250).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        OrderStore store = components.orders();
        for (String id : ids) {
            assertThat(store.history(id)).as("history of " + id).hasSize(1);
            assertThat(store.get(id).state()).isEqualTo(OrderState.PENDING_ACCEPTANCE);
            assertThat(components.operations().forOrder(id)).as("fetch rows of " + id)
                    .filteredOn(r -> r.action().equals("fetch_order")).hasSize(1);
        }
        JsonNode input = STACK.stepFunctions().requests("StartExecution").get(0);
        assertThat(input.path("stateMachineArn").asText()).isEqualTo(TestStack.STATE_MACHINE_ARN);
        JsonNode executionInput = Json.read(input.path("input").asText(), JsonNode.class);
        assertThat(executionInput.size()).as("a new order: no step to resume at").isEqualTo(1);
        assertThat(ids).contains(executionInput.path("orderId").asText());
    }

    @Test
    void asksMiraklForUpdatesSinceTheLastRunMinusTheOverlap() {
        STACK.mirakl().listing(List.of());
        Components components = STACK.components();

        components.fetchOrders().run(new FetchOrders.Request("schedule", null));
        STACK.clock().advance(Duration.ofMinutes(5));
        components.fetchOrders().run(new FetchOrders.Request("schedule", null));

        var calls = STACK.mirakl().listCalls();
        String lastStart = calls.get(calls.size() - 1).queryParameter("start_update_date").firstValue();
        assertThat(Instant.parse(lastStart)).isAfterOrEqualTo(TestStack.START.minus(Duration.ofMinutes(10)));
        assertThat(calls.get(calls.size() - 1).queryParameter("order_state_codes").firstValue())
                .isEqualTo("WAITING_ACCEPTANCE,WAITING_DEBIT,WAITING_DEBIT_PAYMENT,SHIPPING,CANCELED,REFUSED");
        assertThat(calls.get(calls.size() - 1).queryParameter("max").firstValue()).isEqualTo("100");
    }

    @Test
    void recordsAMalformedOrderAndTakesInTheRest() {
        String good = TestStack.newOrderId();
        String bad = TestStack.newOrderId();
        ObjectNode malformed = MiraklOrders.waitingAcceptance(bad, TestStack.START, "SKU-1", 1);
        malformed.putArray("order_lines");
        STACK.mirakl().listing(List.of(malformed, MiraklOrders.waitingAcceptance(good, TestStack.START, "SKU-1", 1)));
        Components components = STACK.components();

        FetchOrders.Summary summary = components.fetchOrders().run(new FetchOrders.Request("schedule", null));

        assertThat(summary.outcomes()).containsEntry(OrderIntake.Outcome.CREATED, 1)
                .containsEntry(OrderIntake.Outcome.NOT_TAKEN_IN, 1);
        assertThat(components.orders().get(bad).state()).isEqualTo(OrderState.NOT_TAKEN_IN);
        assertThat(components.orders().get(bad).failureReason()).isEqualTo("no order lines");
        assertThat(components.operations().forOrder(bad)).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(OperationStatus.ERROR);
            assertThat(row.message()).contains("no order lines");
        });
        assertThat(STACK.stepFunctions().startedExecutionNames()).containsExactly(good);
    }

    @Test
    void aStartedExecutionOfTheSameNameIsTheOrdersExecution() {
        String id = TestStack.newOrderId();
        STACK.stepFunctions().executionsAlreadyExist();
        STACK.mirakl().listing(List.of(MiraklOrders.waitingAcceptance(id, TestStack.START, "SKU-1", 1)));
        Components components = STACK.components();

        components.fetchOrders().run(new FetchOrders.Request("schedule", null));

        assertThat(components.orders().get(id).executionName()).isEqualTo(id);
    }

    @Test
    void startsTheExecutionOfAnOrderRecordedByARunThatStoppedHalfway() {
        String id = TestStack.newOrderId();
        ObjectNode order = MiraklOrders.waitingAcceptance(id, TestStack.START, "SKU-1", 1);
        Components components = STACK.components();
        components.orders().create(io.shipbridge.mirakl.MiraklOrderMapper.toOrder(
                io.shipbridge.config.Json.MAPPER.convertValue(order, io.shipbridge.mirakl.MiraklOrder.class)),
                "WAITING_ACCEPTANCE", TestStack.START, "mirakl", "fetched");
        STACK.mirakl().listing(List.of(order));

        components.fetchOrders().run(new FetchOrders.Request("schedule", null));

        assertThat(STACK.stepFunctions().startedExecutionNames()).containsExactly(id);
        assertThat(components.orders().get(id).executionName()).isEqualTo(id);
    }

    @Test
    void anOrderReachingShippingGetsItsAddressMovesOnAndResumesItsExecution() {
        String id = TestStack.newOrderId();
        Components components = STACK.components();
        ObjectNode waiting = MiraklOrders.waitingAcceptance(id, TestStack.START, "SKU-1", 1);
        acceptedAndWaitingForShipping(components, waiting, "token-shipping-" + id);

        STACK.mirakl().listing(List.of(MiraklOrders.shipping(waiting, TestStack.START.plusSeconds(600), "ES", "28014")));
        FetchOrders.Summary summary = components.fetchOrders().run(new FetchOrders.Request("schedule", null));

        assertThat(summary.outcomes()).containsEntry(OrderIntake.Outcome.UPDATED, 1);
        OrderView view = components.orders().get(id);
        assertThat(view.state()).isEqualTo(OrderState.PENDING_POST);
        assertThat(view.order().shippingAddress().postcode()).isEqualTo("28014");
        assertThat(STACK.stepFunctions().resumedTokens()).containsExactly("token-shipping-" + id);
        assertThat(components.orders().history(id)).extracting(h -> h.to()).containsExactly(
                OrderState.PENDING_ACCEPTANCE, OrderState.ACCEPTED, OrderState.PENDING_POST);
    }

    @Test
    void anOrderCancelledOnMiraklIsCancelledAndItsWaitingExecutionStopped() {
        String id = TestStack.newOrderId();
        Components components = STACK.components();
        ObjectNode waiting = MiraklOrders.waitingAcceptance(id, TestStack.START, "SKU-1", 1);
        acceptedAndWaitingForShipping(components, waiting, "token-cancel-" + id);

        ObjectNode cancelled = MiraklOrders.inState(waiting, "CANCELED", TestStack.START.plusSeconds(600));
        cancelled.put("order_state_reason_code", "CUSTOMER_REQUEST");
        STACK.mirakl().listing(List.of(cancelled));
        components.fetchOrders().run(new FetchOrders.Request("schedule", null));

        assertThat(components.orders().get(id).state()).isEqualTo(OrderState.CANCELLED);
        assertThat(components.orders().history(id).get(2).reason()).contains("CANCELED").contains("CUSTOMER_REQUEST");
        assertThat(STACK.stepFunctions().failures()).singleElement().satisfies(f -> {
            assertThat(f.path("taskToken").asText()).isEqualTo("token-cancel-" + id);
            assertThat(f.path("error").asText()).isEqualTo(OrderCancelledException.class.getName());
        });
    }

    @Test
    void aCancellationOfTheSameSecondAsTheVersionTakenInIsTakenInToo() {
        String id = TestStack.newOrderId();
        Components components = STACK.components();
        ObjectNode waiting = MiraklOrders.waitingAcceptance(id, TestStack.START, "SKU-1", 1);
        acceptedAndWaitingForShipping(components, waiting, "token-same-second-" + id);

        // Mirakl's dates are to the second: cancelled within the second the order was read in.
        STACK.mirakl().listing(List.of(MiraklOrders.inState(waiting, "CANCELED", TestStack.START)));
        components.fetchOrders().run(new FetchOrders.Request("schedule", null));

        assertThat(components.orders().get(id).state()).isEqualTo(OrderState.CANCELLED);
        assertThat(STACK.stepFunctions().failures()).singleElement().satisfies(f -> assertThat(f.path("taskToken")
                .asText()).isEqualTo("token-same-second-" + id));
    }

    @Test
    void anOrderFirstSeenCancelledOrShippedIsNotTakenIn() {
        String cancelled = TestStack.newOrderId();
        String shipped = TestStack.newOrderId();
        STACK.mirakl().listing(List.of(
                MiraklOrders.inState(MiraklOrders.waitingAcceptance(cancelled, TestStack.START, "S", 1), "CANCELED",
                        TestStack.START),
                MiraklOrders.inState(MiraklOrders.waitingAcceptance(shipped, TestStack.START, "S", 1), "SHIPPED",
                        TestStack.START)));
        Components components = STACK.components();

        FetchOrders.Summary summary = components.fetchOrders().run(new FetchOrders.Request("schedule", null));

        assertThat(summary.outcomes()).containsEntry(OrderIntake.Outcome.IGNORED, 2);
        assertThat(components.orders().find(cancelled)).isEmpty();
        assertThat(STACK.stepFunctions().startedExecutionNames()).isEmpty();
        assertThat(new HashSet<>(components.operations().forOrder(shipped).stream().map(OperationRecord::status)
                .toList())).containsExactly(OperationStatus.SKIPPED);
    }

    private static void acceptedAndWaitingForShipping(Components components, ObjectNode waiting, String token) {
        STACK.mirakl().listing(List.of(waiting));
        components.fetchOrders().run(new FetchOrders.Request("schedule", null));
        OrderStore orders = components.orders();
        String id = waiting.path("order_id").asText();
        orders.transition(orders.get(id), TransitionRequest.to(OrderState.ACCEPTED, "test", "accepted"));
        components.waitRegistration().register(id, WaitKind.SHIPPING, token);
        assertThat(STACK.stepFunctions().resumedTokens()).isEmpty();
    }

    /** {@code count} orders waiting for acceptance, {@code <batch>-000-<suffix>}…, a second apart, the last at START. */
    private static List<ObjectNode> waitingAcceptance(String batch, String suffix, int count) {
        return IntStream.range(0, count).mapToObj(i -> MiraklOrders.waitingAcceptance(
                batch + "-" + String.format("%03d", i) + "-" + suffix, TestStack.START.minusSeconds(count - i),
                "SKU-1", 1)).toList();
    }
}
