package io.shipbridge.hostile;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.shipbridge.app.Components;
import io.shipbridge.config.Json;
import io.shipbridge.handler.FetchOrdersHandler;
import io.shipbridge.http.PathSegment;
import io.shipbridge.mirakl.MiraklOrder;
import io.shipbridge.mirakl.MiraklOrderMapper;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.order.StatusChange;
import io.shipbridge.standins.LambdaContext;
import io.shipbridge.testing.MiraklOrders;
import io.shipbridge.testing.TestStack;
import io.shipbridge.workflow.OrderWorkflow;
import io.shipbridge.workflow.WaitKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue's hostile and malformed OR11 orders ({@code hostile/orders.json}), each fetched twice through the real
 * FetchOrders function (handler, intake, DynamoDB Local, WireMock as Mirakl) in one page with an order already taken
 * in and a new well-formed one. Each case checks its expected record, metric and Mirakl call, and that nothing else
 * changed: the neighbours are taken in as usual, no execution starts but theirs, no Mirakl call but the expected
 * refusal, the day's operations log holds only the expected rows (each case runs on a day of its own), and the second
 * fetch records, counts and sends nothing more.
 *
 * <p>A case: {@code order} (any JSON; {@code {id}}, {@code {created}} and {@code {updated}} in its strings are
 * replaced), optional {@code action} ({@code MALFORMED_ORDER_ACTION}), and {@code expect}: {@code outcome} (the
 * intake's), {@code state} (the order's view, when it is recorded), {@code reason} (a fragment of the recorded
 * reason), {@code refused} (OR21 with every line refused, once), {@code why} (a fragment of why it was held),
 * {@code titleLength} (the stored first line's title), {@code shipment} (a fragment of why its shipment fails at
 * the carrier's field check, before the carrier is asked).
 */
class OrdersCatalogueTest {
    @RegisterExtension
    static final TestStack STACK = new TestStack();

    private static final String NOT_TAKEN_IN = "OrdersNotTakenIn";
    private static final AtomicInteger DAY = new AtomicInteger(400);

    static Stream<Arguments> cases() {
        return HostileCaseFile.cases("orders");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersAsTheCatalogueSaysAndChangesNothingElse(JsonNode c) {
        // A day of its own: the day's operations log partition then holds this case's rows only.
        STACK.clock().set(TestStack.START.plus(Duration.ofDays(DAY.getAndIncrement())));
        Instant now = STACK.clock().instant();
        if (c.has("action")) {
            STACK.with("MALFORMED_ORDER_ACTION", c.path("action").asText());
        }
        STACK.with("MALFORMED_ORDER_REFUSAL_REASON", "Catalogue refusal reason");
        Components components = STACK.components();
        JsonNode expect = c.path("expect");
        String outcome = expect.path("outcome").asText();
        String id = "OC" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        JsonNode hostile = substitute(c.path("order"), id, now);
        String hostileId = hostile.path("order_id").isTextual() ? hostile.path("order_id").asText() : null;

        String bystander = TestStack.newOrderId();
        ObjectNode bystanderOrder = MiraklOrders.waitingAcceptance(bystander, now.minusSeconds(600), "SKU-1", 1);
        components.orders().create(MiraklOrderMapper.toOrder(Json.MAPPER.convertValue(bystanderOrder,
                MiraklOrder.class)), "WAITING_ACCEPTANCE", now.minusSeconds(600), "mirakl", "fetched earlier");
        components.orders().recordExecution(bystander, bystander);
        OrderView bystanderBefore = components.orders().get(bystander);
        List<StatusChange> bystanderHistory = components.orders().history(bystander);
        String neighbour = TestStack.newOrderId();
        STACK.mirakl().listing(List.of(bystanderOrder, hostile,
                MiraklOrders.waitingAcceptance(neighbour, now, "SKU-1", 1)));
        double countedBefore = TestStack.METRICS.total(NOT_TAKEN_IN);

        JsonNode first = fetch(components);

        Map<String, Integer> expectedOutcomes = new HashMap<>(Map.of("UNCHANGED", 1, "CREATED", 1));
        expectedOutcomes.merge(outcome, 1, Integer::sum);
        assertThat(outcomes(first)).as("first fetch").isEqualTo(expectedOutcomes);
        boolean counted = outcome.equals("NOT_TAKEN_IN") || outcome.equals("UNIDENTIFIED");
        assertThat(TestStack.METRICS.total(NOT_TAKEN_IN) - countedBefore).as(NOT_TAKEN_IN)
                .isEqualTo(counted ? 1 : 0);
        checkRecord(components, expect, hostileId);
        checkMiraklCalls(components, expect, hostile, hostileId);
        checkExecutions(outcome, hostileId, neighbour);
        List<OperationRecord> rowsAfterFirst = dayRows(components, now);
        checkOperationsLog(rowsAfterFirst, expect, hostileId, neighbour, bystander);
        List<StatusChange> hostileHistory = hostileId == null || outcome.equals("UNIDENTIFIED") ? List.of()
                : components.orders().history(hostileId);

        double countedAfterFirst = TestStack.METRICS.total(NOT_TAKEN_IN);
        JsonNode second = fetch(components);

        Map<String, Integer> again = new HashMap<>(Map.of("UNCHANGED", 2));
        again.merge(outcome.equals("UNIDENTIFIED") || outcome.equals("IGNORED") ? outcome : "UNCHANGED", 1,
                Integer::sum);
        assertThat(outcomes(second)).as("second fetch of the same versions").isEqualTo(again);
        assertThat(TestStack.METRICS.total(NOT_TAKEN_IN) - countedAfterFirst).as("counted again")
                .isEqualTo(outcome.equals("UNIDENTIFIED") ? 1 : 0);
        checkMiraklCalls(components, expect, hostile, hostileId);
        checkExecutions(outcome, hostileId, neighbour);
        if (!hostileHistory.isEmpty()) {
            assertThat(components.orders().history(hostileId)).as("history after the second fetch")
                    .isEqualTo(hostileHistory);
        }
        List<OperationRecord> added = new ArrayList<>(dayRows(components, now));
        added.removeAll(rowsAfterFirst);
        assertThat(added).as("operations rows of the second fetch").allSatisfy(row -> {
            if (row.action().equals("fetch_order")) {
                assertThat(outcome).as("only orders that cannot be recognised are logged again: " + row.message())
                        .isIn("UNIDENTIFIED", "IGNORED");
                assertThat(row.orderId()).isEqualTo(outcome.equals("UNIDENTIFIED") ? null : hostileId);
            } else {
                assertThat(row.action()).isEqualTo("list_orders");
            }
        });

        assertThat(components.orders().get(bystander)).as("the order taken in earlier").isEqualTo(bystanderBefore);
        assertThat(components.orders().history(bystander)).isEqualTo(bystanderHistory);
        assertThat(components.orders().get(neighbour).state()).isEqualTo(OrderState.PENDING_ACCEPTANCE);
        assertThat(components.orders().history(neighbour)).hasSize(1);
        if (expect.has("shipment")) {
            checkShipmentRefusedBeforeTheCarrier(components, hostileId, expect.path("shipment").asText());
        }
    }

    /**
     * An order taken in whose address a carrier cannot take: driven as the state machine drives it (accepted, its
     * SHIPPING wait over, carrier chosen), its shipment fails before the carrier is asked, with the reason.
     */
    private static void checkShipmentRefusedBeforeTheCarrier(Components components, String id, String reason) {
        components.orderAcceptance().accept(id);
        components.waitRegistration().register(id, WaitKind.SHIPPING, "shipping-" + id);
        assertThat(components.orders().get(id).state()).isEqualTo(OrderState.PENDING_POST);
        int carrierCalls = STACK.tipsa().calls("GrabaEnvio");

        assertThatThrownBy(() -> {
            components.carrierAssignment().assign(id);
            components.shipmentCreation().create(id);
        }).hasMessageContaining(reason).message().doesNotContain("García", "Alcalá", "600");

        assertThat(STACK.tipsa().calls("GrabaEnvio")).as("nothing asked of the carrier").isEqualTo(carrierCalls);
        assertThat(components.orders().get(id).shipmentAttemptedAt()).isNull();
        assertThat(STACK.mirakl().server().findAll(putRequestedFor(anyUrl()))).as("no OR21: Mirakl accepted it")
                .isEmpty();
    }

    private static void checkRecord(Components components, JsonNode expect, String hostileId) {
        String outcome = expect.path("outcome").asText();
        String reason = expect.path("reason").asText(null);
        if (!expect.has("state")) {
            if (hostileId != null) {
                assertThat(components.orders().find(hostileId)).as("no record of " + hostileId).isEmpty();
            }
            return;
        }
        OrderView view = components.orders().get(hostileId);
        OrderState state = OrderState.valueOf(expect.path("state").asText());
        assertThat(view.state()).isEqualTo(state);
        List<StatusChange> history = components.orders().history(hostileId);
        if (!outcome.equals("NOT_TAKEN_IN")) {
            assertThat(history).extracting(StatusChange::to).containsExactly(state);
            if (expect.has("titleLength")) {
                assertThat(view.order().lines().get(0).title()).hasSize(expect.path("titleLength").asInt())
                        .doesNotContain("\u0000", "\u001b");
            }
            return;
        }
        assertThat(view.failureReason()).contains(reason).doesNotContain("García", "Lucía", "Alcalá");
        StatusChange recorded = history.get(0);
        assertThat(recorded.from()).isNull();
        assertThat(recorded.to()).isEqualTo(OrderState.NOT_TAKEN_IN);
        assertThat(recorded.actor()).isEqualTo("mirakl");
        assertThat(recorded.reason()).startsWith("Not taken in: ").contains(reason);
        if (expect.has("why")) {
            assertThat(recorded.details().get("why")).contains(expect.path("why").asText());
        }
        if (expect.path("refused").asBoolean()) {
            assertThat(history).extracting(StatusChange::to)
                    .containsExactly(OrderState.NOT_TAKEN_IN, OrderState.CANCELLED);
            assertThat(history.get(1).actor()).isEqualTo("shipbridge");
            assertThat(history.get(1).reason()).contains("Catalogue refusal reason");
        } else {
            assertThat(history).hasSize(1);
        }
    }

    private static void checkMiraklCalls(Components components, JsonNode expect, JsonNode hostile,
            String hostileId) {
        List<LoggedRequest> puts = STACK.mirakl().server().findAll(putRequestedFor(anyUrl()));
        if (!expect.path("refused").asBoolean()) {
            assertThat(puts).as("calls that change something on Mirakl").isEmpty();
            return;
        }
        assertThat(puts).singleElement().satisfies(put -> {
            assertThat(put.getUrl()).isEqualTo("/api/orders/" + PathSegment.encode(hostileId) + "/accept");
            JsonNode lines = Json.read(put.getBodyAsString(), JsonNode.class).path("order_lines");
            assertThat(lines).hasSize(hostile.path("order_lines").size());
            for (int i = 0; i < lines.size(); i++) {
                assertThat(lines.get(i).path("id").asText())
                        .isEqualTo(hostile.path("order_lines").get(i).path("order_line_id").asText());
                assertThat(lines.get(i).path("accepted").asBoolean(true)).isFalse();
            }
        });
    }

    private static void checkExecutions(String outcome, String hostileId, String neighbour) {
        List<String> expected = new ArrayList<>(List.of(neighbour));
        if (outcome.equals("CREATED")) {
            expected.add(OrderWorkflow.executionName(hostileId));
        }
        assertThat(STACK.stepFunctions().startedExecutionNames()).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static void checkOperationsLog(List<OperationRecord> rows, JsonNode expect, String hostileId,
            String neighbour, String bystander) {
        String outcome = expect.path("outcome").asText();
        String reason = expect.path("reason").asText(null);
        List<OperationRecord> fetched = rows.stream().filter(r -> r.action().equals("fetch_order")).toList();
        assertThat(fetched).filteredOn(r -> neighbour.equals(r.orderId())).singleElement()
                .satisfies(r -> assertThat(r.message()).startsWith("New order fetched"));
        assertThat(fetched).filteredOn(r -> bystander.equals(r.orderId())).isEmpty();
        List<OperationRecord> hostileRows = fetched.stream().filter(r -> !neighbour.equals(r.orderId())).toList();
        switch (outcome) {
            case "UNIDENTIFIED" -> assertThat(hostileRows).singleElement().satisfies(r -> {
                assertThat(r.orderId()).isNull();
                assertThat(r.status().name()).isEqualTo("ERROR");
                assertThat(r.message()).startsWith("Order without a usable order_id not taken in (fingerprint ")
                        .contains(reason).doesNotContain("García", "\u0007", "\u001b");
                if (hostileId != null && !hostileId.isBlank()) {
                    assertThat(r.message()).doesNotContain(hostileId.strip());
                }
            });
            case "IGNORED" -> assertThat(hostileRows).singleElement().satisfies(r -> {
                assertThat(r.status().name()).isEqualTo("SKIPPED");
                assertThat(r.message()).contains(reason);
            });
            case "CREATED" -> assertThat(hostileRows).singleElement()
                    .satisfies(r -> assertThat(r.message()).startsWith("New order fetched"));
            default -> {
                assertThat(hostileRows).allSatisfy(r -> assertThat(r.orderId()).isEqualTo(hostileId));
                assertThat(hostileRows).filteredOn(r -> r.message().startsWith("Order not taken in: "))
                        .singleElement().satisfies(r -> {
                            assertThat(r.status().name()).isEqualTo("ERROR");
                            assertThat(r.message()).contains(reason).doesNotContain("García", "Lucía", "Alcalá");
                        });
                boolean refused = expect.path("refused").asBoolean();
                assertThat(hostileRows).hasSize(refused ? 2 : 1);
                if (refused) {
                    assertThat(hostileRows).extracting(OperationRecord::message)
                            .contains("Order refused on Mirakl: Catalogue refusal reason");
                }
            }
        }
        assertThat(rows).filteredOn(r -> !r.action().equals("fetch_order")).allSatisfy(r -> {
            if (r.action().equals("refuse_order")) {
                assertThat(expect.path("refused").asBoolean()).as("a refusal was expected").isTrue();
                assertThat(r.orderId()).isEqualTo(hostileId);
            } else {
                assertThat(r.action()).isEqualTo("list_orders");
            }
        });
    }

    /** The day's rows, oldest first (the partition is this case's alone). */
    private static List<OperationRecord> dayRows(Components components, Instant day) {
        List<OperationRecord> rows = new ArrayList<>(components.operations().page(day, null, null, null, 1000)
                .items());
        rows.sort((a, b) -> a.timestamp().compareTo(b.timestamp()));
        return rows;
    }

    private static JsonNode fetch(Components components) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String request = "{\"trigger\":\"manual\",\"since\":\"" + STACK.clock().instant().minusSeconds(3600) + "\"}";
        try {
            new FetchOrdersHandler(components).handleRequest(
                    new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8)), out,
                    LambdaContext.of("FetchOrdersFunction"));
            return Json.MAPPER.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Integer> outcomes(JsonNode summary) {
        Map<String, Integer> outcomes = new HashMap<>();
        summary.path("outcomes").fields().forEachRemaining(e -> outcomes.put(e.getKey(), e.getValue().asInt()));
        return outcomes;
    }

    /** The case's order with its placeholders filled in, in every string value. */
    private static JsonNode substitute(JsonNode node, String id, Instant now) {
        if (node.isTextual()) {
            return TextNode.valueOf(node.asText().replace("{id}", id)
                    .replace("{created}", now.minusSeconds(60).toString()).replace("{updated}", now.toString()));
        }
        JsonNode copy = node.deepCopy();
        if (copy.isObject()) {
            ObjectNode object = (ObjectNode) copy;
            for (Iterator<Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Entry<String, JsonNode> field = fields.next();
                object.set(field.getKey(), substitute(field.getValue(), id, now));
            }
        } else if (copy.isArray()) {
            for (int i = 0; i < copy.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) copy).set(i, substitute(node.get(i), id, now));
            }
        }
        return copy;
    }
}
