package io.shipbridge.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipbridge.local.sim.CallLog;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.operations.OperationStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Holds the operations log against what the simulators saw arrive: one row per call that reached Mirakl or a
 * carrier for an order, with the seed's columns filled, its status and HTTP status those of the answer as the
 * function received it (none for an answer lost on the way).
 *
 * <p>The calls checked are the ones an order's execution makes: OR21, OR23 and OR24 at Mirakl, and the shipment's
 * creation at each carrier with an HTTP API (OnTime's goes in a file).
 */
final class OperationsLogCheck {
    /** The simulator's name of each Mirakl call, and the operations log's (OR21 accepts or refuses the lines). */
    private static final Map<String, List<String>> MIRAKL_ACTIONS = Map.of("OR21", List.of("accept_order",
            "refuse_order"), "OR23", List.of("update_tracking"), "OR24", List.of("confirm_shipment"));
    /** Each carrier simulator's name of the request that creates a shipment, keyed there by the order's reference. */
    private static final Map<String, List<String>> CARRIER_CREATES = Map.of("tipsa", List.of("GrabaEnvio24"), "seur",
            List.of("shipments"), "correosexpress", List.of("grabacionEnvio"), "canadapost",
            List.of("create_shipment", "create_nc_shipment"));
    private static final String LOST = "answer lost on the way";

    private OperationsLogCheck() {
    }

    /** Every order's rows match the calls for it, row for call; returns how many rows were matched. */
    static int assertOneRowPerCall(OfflineCloud cloud, Instant storyStart, List<String> orderIds) {
        int matched = 0;
        for (String id : orderIds) {
            List<OperationRecord> rows = cloud.components().operations().forOrder(id);
            for (OperationRecord row : rows) {
                assertColumns(row, id, storyStart, cloud.time().instant());
            }
            for (Map.Entry<String, List<String>> call : MIRAKL_ACTIONS.entrySet()) {
                matched += assertRowPerCall(id, "mirakl " + call.getValue(), callsTo(cloud.mirakl().calls(),
                        List.of(call.getKey()), id), rows.stream().filter(r -> r.scope().equals("mirakl")
                                && call.getValue().contains(r.action())).toList());
            }
            for (Map.Entry<String, List<String>> carrier : CARRIER_CREATES.entrySet()) {
                if (cloud.carriers().find(carrier.getKey()).isEmpty()) {
                    continue;
                }
                matched += assertRowPerCall(id, carrier.getKey() + " create_shipment", callsTo(cloud.carriers()
                        .get(carrier.getKey()).calls(), carrier.getValue(), id), rows.stream().filter(r -> r.scope()
                                .equals("carrier") && r.action().equals("create_shipment")
                                && carrier.getKey().equals(r.carrier())).toList());
            }
        }
        return matched;
    }

    private static List<CallLog.Call> callsTo(CallLog log, List<String> operations, String key) {
        return log.all().stream().filter(c -> operations.contains(c.operation()) && key.equals(c.key())).toList();
    }

    /** Row for call: the same count, and the same answers, in any order (rows of one instant have no order). */
    private static int assertRowPerCall(String id, String what, List<CallLog.Call> calls, List<OperationRecord> rows) {
        List<String> expected = new ArrayList<>();
        for (CallLog.Call call : calls) {
            boolean lost = LOST.equals(call.note());
            boolean ok = !lost && call.status() >= 200 && call.status() < 300;
            expected.add((ok ? "OK" : "not OK") + " " + (lost ? 0 : call.status()));
        }
        List<String> logged = rows.stream().map(r -> (r.status() == OperationStatus.OK ? "OK" : "not OK") + " "
                + Integer.parseInt(String.valueOf(r.meta().get("http_status")))).toList();
        assertThat(logged).as(what + " rows of " + id + " against the calls the simulator received")
                .containsExactlyInAnyOrderElementsOf(expected);
        return rows.size();
    }

    /** The seed's columns: timestamp, scope, action, order_id, carrier, status, message, meta. */
    private static void assertColumns(OperationRecord row, String id, Instant from, Instant to) {
        assertThat(row.timestamp()).as("timestamp of " + row).isBetween(from, to);
        assertThat(row.scope()).as("scope of " + row).isNotBlank();
        assertThat(row.action()).as("action of " + row).isNotBlank();
        assertThat(row.orderId()).as("order_id of " + row).isEqualTo(id);
        assertThat(row.status()).as("status of " + row).isNotNull();
        assertThat(row.message()).as("message of " + row).isNotBlank();
        if (row.scope().equals("carrier") && !row.action().equals("void_shipment_by_hand")) {
            assertThat(row.carrier()).as("carrier of " + row).isNotBlank();
        }
        if (row.meta().containsKey("http_status")) {
            assertThat(row.meta()).as("meta of " + row).containsKeys("attempt", "duration_ms");
        }
    }
}
