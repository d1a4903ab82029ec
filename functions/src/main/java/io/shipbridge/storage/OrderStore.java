package io.shipbridge.storage;

import static io.shipbridge.storage.Attrs.instant;
import static io.shipbridge.storage.Attrs.number;
import static io.shipbridge.storage.Attrs.s;
import static io.shipbridge.storage.Attrs.string;
import static io.shipbridge.storage.Attrs.time;

import com.fasterxml.jackson.core.type.TypeReference;
import io.shipbridge.config.Json;
import io.shipbridge.mirakl.MiraklOrderStates;
import io.shipbridge.order.CarrierChoice;
import io.shipbridge.order.ConcurrentTransitionException;
import io.shipbridge.order.IllegalTransitionException;
import io.shipbridge.order.Order;
import io.shipbridge.order.OrderNotFoundException;
import io.shipbridge.order.OrderState;
import io.shipbridge.order.OrderView;
import io.shipbridge.order.Recovery;
import io.shipbridge.order.Shipment;
import io.shipbridge.order.StatusChange;
import io.shipbridge.order.TrackingProgress;
import io.shipbridge.order.TransitionRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Orders in DynamoDB: the current view and the status history, always written together in one transaction, so the
 * view never says something the history does not. A transition is conditional on the state and version the caller
 * read: an illegal or concurrent one writes nothing.
 *
 * <p>The order as Mirakl sent it (lines, addresses) is an item of its own beside the view ({@code VIEW#ORDER}),
 * written when Mirakl's version changes: DynamoDB bills every write of an item, and its copy in the state index, by
 * the item's whole size, and the view is written at every step while the order rarely changes. A view written
 * before the two were apart still holds its order, and is read as it is.
 */
public final class OrderStore {
    private static final int CONFLICT_ATTEMPTS = 5;
    private static final int BATCH_GET_LIMIT = 100;
    private static final String ORDER = "order";
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
    };

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    public OrderStore(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    /**
     * Creates the order in PENDING_ACCEPTANCE with its first history row.
     *
     * @return false when the order already exists (nothing written)
     */
    public boolean create(Order order, String miraklState, Instant miraklUpdatedAt, String actor, String reason) {
        return create(order, OrderState.PENDING_ACCEPTANCE, miraklState, miraklUpdatedAt, actor, reason, null,
                Map.of("miraklState", miraklState));
    }

    /**
     * Records an order Shipbridge cannot take in: its view in NOT_TAKEN_IN, with the reasons as failure reason and
     * in its first history row, so the operator finds it among the orders by state.
     *
     * @param order what could be read of the order (its id at least)
     * @return false when the order already exists (nothing written)
     */
    public boolean createNotTakenIn(Order order, String miraklState, Instant miraklUpdatedAt, String actor,
            String reasons, Map<String, String> details) {
        return create(order, OrderState.NOT_TAKEN_IN, miraklState, miraklUpdatedAt, actor,
                "Not taken in: " + reasons, reasons, details);
    }

    private boolean create(Order order, OrderState state, String miraklState, Instant miraklUpdatedAt, String actor,
            String reason, String failureReason, Map<String, String> details) {
        Instant now = clock.instant();
        Map<String, AttributeValue> view = new HashMap<>();
        view.put(Keys.PK, s(Keys.order(order.orderId())));
        view.put(Keys.SK, s(Keys.VIEW));
        view.put("orderId", s(order.orderId()));
        view.put("state", s(state.name()));
        view.put("version", Attrs.n(1));
        view.put("createdAt", time(now));
        view.put("updatedAt", time(now));
        if (miraklState != null) {
            view.put("miraklState", s(miraklState));
        }
        if (miraklUpdatedAt != null) {
            view.put("miraklUpdatedAt", time(miraklUpdatedAt));
        }
        if (failureReason != null) {
            view.put("failureReason", s(failureReason));
        }
        view.put(Keys.GSI1_PK, s(Keys.ordersInState(state)));
        view.put(Keys.GSI1_SK, s(Attrs.format(now) + "#" + order.orderId()));
        StatusChange created = new StatusChange(order.orderId(), 1, now, null, state, actor, reason, details);
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(
                    putIfAbsent(view),
                    put(orderItem(order, miraklUpdatedAt)),
                    putIfAbsent(historyItem(created))));
            return true;
        } catch (TransactionCanceledException e) {
            if (conditionFailed(e, 0)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * The order's view with its order, both read by one query of the order's partition ({@code VIEW} and
     * {@code VIEW#ORDER} sort together): one request, and the two small items billed as one read.
     */
    public Optional<OrderView> find(String orderId) {
        Map<String, AttributeValue> view = null;
        Map<String, AttributeValue> order = null;
        for (Map<String, AttributeValue> item : dynamoDb.query(q -> q.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :view)")
                .expressionAttributeValues(Map.of(":pk", s(Keys.order(orderId)), ":view", s(Keys.VIEW))))
                .items()) {
            switch (string(item, Keys.SK)) {
                case Keys.VIEW -> view = item;
                case Keys.VIEW_ORDER -> order = item;
                default -> {
                }
            }
        }
        if (view == null) {
            return Optional.empty();
        }
        return Optional.of(toView(view.containsKey(ORDER) ? view : withOrder(view, order)));
    }

    public OrderView get(String orderId) {
        return find(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
    }

    /**
     * Moves the order from the state and version in {@code current} to {@code request.to()}, writing the view change
     * and one history row atomically.
     *
     * @throws IllegalTransitionException    when the lifecycle does not allow the move (nothing written)
     * @throws ConcurrentTransitionException when the order changed since {@code current} was read (nothing written)
     */
    public OrderView transition(OrderView current, TransitionRequest request) {
        OrderState from = current.state();
        OrderState to = request.to();
        if (!from.canMoveTo(to)) {
            throw new IllegalTransitionException(current.orderId(), from, to);
        }
        long version = current.version() + 1;
        Instant now = clock.instant();
        StringBuilder set = new StringBuilder(
                "SET #state = :to, #version = :version, previousState = :from, updatedAt = :now, "
                        + "gsi1pk = :stateKey, gsi1sk = :stateSort");
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":to", s(to.name()));
        values.put(":from", s(from.name()));
        values.put(":version", Attrs.n(version));
        values.put(":expectedVersion", Attrs.n(current.version()));
        values.put(":now", time(now));
        values.put(":stateKey", s(Keys.ordersInState(to)));
        values.put(":stateSort", s(Attrs.format(now) + "#" + current.orderId()));
        if (request.shipment() != null) {
            set.append(", shipment = :shipment");
            values.put(":shipment", s(Json.write(request.shipment())));
        }
        // Any move ends a wait for a passing fault: the step got past it, or the order failed or ended.
        String remove = " REMOVE recovery";
        if (request.failureReason() != null) {
            set.append(", failureReason = :failureReason");
            values.put(":failureReason", s(request.failureReason()));
        } else if (!to.isFailure()) {
            remove += ", failureReason";
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(Update.builder()
                .tableName(table)
                .key(viewKey(current.orderId()))
                .updateExpression(set + remove)
                .conditionExpression("#state = :from AND #version = :expectedVersion")
                .expressionAttributeNames(Map.of("#state", "state", "#version", "version"))
                .expressionAttributeValues(values)
                .build()).build());
        StatusChange change = new StatusChange(current.orderId(), version, now, from, to, request.actor(),
                request.reason(), request.details());
        writes.add(putIfAbsent(historyItem(change)));
        Shipment shipment = request.shipment() != null ? request.shipment() : current.shipment();
        if (request.shipment() != null) {
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(ShipmentIndex.lookupItem(shipment, current.orderId()))
                    .conditionExpression("attribute_not_exists(pk) OR orderId = :orderId")
                    .expressionAttributeValues(Map.of(":orderId", s(current.orderId()))).build()).build());
            if (shipment.handoverDay() != null) {
                writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                        .item(HandoverStore.pendingItem(shipment, current.orderId())).build()).build());
            }
        } else if (to.isTerminal() && shipment != null) {
            writes.add(ShipmentIndex.leaveFlight(table, shipment));
            if (to == OrderState.CANCELLED && shipment.handoverDay() != null) {
                writes.add(HandoverStore.forget(table, shipment));
            }
        }
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(writes));
        } catch (TransactionCanceledException e) {
            if (!e.hasCancellationReasons() || e.cancellationReasons().stream()
                    .noneMatch(reason -> "ConditionalCheckFailed".equals(reason.code()))) {
                throw e;
            }
            if (request.shipment() != null && conditionFailed(e, 2)) {
                throw new IllegalStateException("Tracking number " + shipment.trackingNumber() + " of "
                        + shipment.carrier() + " already belongs to another order; order " + current.orderId()
                        + " was not changed");
            }
            String found = find(current.orderId()).map(v -> v.state() + " at version " + v.version())
                    .orElse("no order");
            throw new ConcurrentTransitionException(current.orderId(), from, current.version(), found);
        }
        return new OrderView(current.orderId(), to, version, from, current.createdAt(), now, current.order(),
                current.miraklState(), current.miraklUpdatedAt(), current.carrierChoice(), shipment,
                current.shipmentAttemptedAt(), current.tracking(), current.trackingSentAt(), current.executionName(),
                request.failureReason() != null ? request.failureReason()
                        : to.isFailure() ? current.failureReason() : null, null);
    }

    /**
     * Reads the order, asks {@code decide} which transition it calls for, and writes it; when another writer got there
     * first, reads again and decides again (optimistic concurrency), a few times before giving up.
     *
     * @return the order after the transition, or empty when {@code decide} saw nothing to do
     * @throws ConcurrentTransitionException when the order kept changing under us (transient: try again later)
     */
    public Optional<OrderView> transitionIf(String orderId, Function<OrderView, Optional<TransitionRequest>> decide) {
        ConcurrentTransitionException lastConflict = null;
        for (int attempt = 0; attempt < CONFLICT_ATTEMPTS; attempt++) {
            OrderView current = get(orderId);
            Optional<TransitionRequest> request = decide.apply(current);
            if (request.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(transition(current, request.get()));
            } catch (ConcurrentTransitionException e) {
                lastConflict = e;
            }
        }
        throw lastConflict;
    }

    /**
     * Like {@link #transitionIf}, again and again while {@code decide} calls for a transition.
     *
     * @return the order as last read or written
     */
    public OrderView transitionWhileDue(String orderId, Function<OrderView, Optional<TransitionRequest>> decide) {
        return transitionWhileDue(get(orderId), decide);
    }

    /** As above, from the order as the caller last read it. */
    public OrderView transitionWhileDue(OrderView current, Function<OrderView, Optional<TransitionRequest>> decide) {
        String orderId = current.orderId();
        int conflicts = 0;
        while (true) {
            Optional<TransitionRequest> request = decide.apply(current);
            if (request.isEmpty()) {
                return current;
            }
            try {
                current = transition(current, request.get());
            } catch (ConcurrentTransitionException e) {
                if (++conflicts >= CONFLICT_ATTEMPTS) {
                    throw e;
                }
                current = get(orderId);
            }
        }
    }

    /** As the next, the order written again whether it changed or not. */
    public boolean recordMiraklUpdate(Order order, String miraklState, Instant miraklUpdatedAt) {
        return recordMiraklUpdate(order, miraklState, miraklUpdatedAt, true);
    }

    /**
     * Records what Mirakl said of the order, unless an equally new or newer fetch was recorded already.
     *
     * @param orderChanged whether the order itself changed (an address that came with SHIPPING): only then is it
     *                     written again, with the view, in one transaction; else the view's Mirakl state alone
     * @return false for a stale or duplicate fetch (nothing written)
     */
    public boolean recordMiraklUpdate(Order order, String miraklState, Instant miraklUpdatedAt,
            boolean orderChanged) {
        String set = "SET miraklState = :state, miraklUpdatedAt = :at";
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":state", s(miraklState), ":at",
                time(miraklUpdatedAt)));
        String newer = "attribute_exists(pk) AND (attribute_not_exists(miraklUpdatedAt) OR miraklUpdatedAt < :at"
                + sameSecondButFurtherAlong(miraklState, values) + ")";
        try {
            if (orderChanged) {
                // A view stored with its order (before the two were apart) loses it here: the item beside it has it.
                dynamoDb.transactWriteItems(t -> t.transactItems(TransactWriteItem.builder().update(Update.builder()
                        .tableName(table).key(viewKey(order.orderId())).updateExpression(set + " REMOVE #order")
                        .conditionExpression(newer).expressionAttributeNames(Map.of("#order", ORDER))
                        .expressionAttributeValues(values).build()).build(), put(orderItem(order, miraklUpdatedAt))));
            } else {
                dynamoDb.updateItem(u -> u.tableName(table).key(viewKey(order.orderId())).updateExpression(set)
                        .conditionExpression(newer).expressionAttributeValues(values));
            }
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (TransactionCanceledException e) {
            if (conditionFailed(e, 0)) {
                return false;
            }
            throw e;
        }
    }

    /** The condition's part for a version of the recorded one's second: taken when its state comes later. */
    private static String sameSecondButFurtherAlong(String miraklState, Map<String, AttributeValue> values) {
        List<String> before = MiraklOrderStates.statesBefore(miraklState);
        if (before.isEmpty()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            values.put(":before" + i, s(before.get(i)));
            names.add(":before" + i);
        }
        return " OR (miraklUpdatedAt = :at AND miraklState IN (" + String.join(", ", names) + "))";
    }

    /**
     * Records that Mirakl's latest version of the order could not be taken in: its Mirakl state and update time move
     * on (the order itself stays as last taken in), unless an equally new or newer fetch was recorded already. A
     * version without {@code last_updated_date} is never newer.
     *
     * @return false for a stale or repeated fetch (nothing written)
     */
    public boolean recordUnusableUpdate(String orderId, String miraklState, Instant miraklUpdatedAt) {
        if (miraklUpdatedAt == null) {
            return false;
        }
        try {
            dynamoDb.updateItem(u -> u.tableName(table).key(viewKey(orderId))
                    .updateExpression("SET miraklState = :state, miraklUpdatedAt = :at")
                    .conditionExpression("attribute_exists(pk) AND "
                            + "(attribute_not_exists(miraklUpdatedAt) OR miraklUpdatedAt < :at)")
                    .expressionAttributeValues(Map.of(":state", s(String.valueOf(miraklState)),
                            ":at", time(miraklUpdatedAt))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    public void recordCarrierChoice(String orderId, CarrierChoice choice) {
        setAttribute(orderId, "carrierChoice", s(Json.write(choice)));
    }

    public void recordExecution(String orderId, String executionName) {
        setAttribute(orderId, "executionName", s(executionName));
    }

    public void recordShipmentAttempt(String orderId, Instant at) {
        setAttribute(orderId, "shipmentAttemptedAt", time(at));
    }

    /**
     * Records the passing fault the order waits out, in its view only (no state changes, so no history row), unless
     * the order moved on since {@code current} was read.
     *
     * @throws ConcurrentTransitionException when it did (nothing written)
     */
    public void recordRecovery(OrderView current, Recovery recovery) {
        try {
            dynamoDb.updateItem(u -> u.tableName(table).key(viewKey(current.orderId()))
                    .updateExpression("SET recovery = :recovery")
                    .conditionExpression("#version = :version")
                    .expressionAttributeNames(Map.of("#version", "version"))
                    .expressionAttributeValues(Map.of(":recovery", s(Json.write(recovery)),
                            ":version", Attrs.n(current.version()))));
        } catch (ConditionalCheckFailedException e) {
            String found = find(current.orderId()).map(v -> v.state() + " at version " + v.version())
                    .orElse("no order");
            throw new ConcurrentTransitionException(current.orderId(), current.state(), current.version(), found);
        }
    }

    public void recordTrackingSent(String orderId, Instant at) {
        setAttribute(orderId, "trackingSentAt", time(at));
    }

    /**
     * Folds one carrier event into the view: first scan and delivery are kept once (the earliest report wins);
     * the latest status only moves forward in the carrier's event time, so a late, older event changes nothing.
     */
    public void recordCarrierProgress(String orderId, String status, String rawCode, Instant occurredAt,
            boolean scan, boolean delivered) {
        StringBuilder firsts = new StringBuilder();
        if (scan || delivered) {
            firsts.append("firstScanAt = if_not_exists(firstScanAt, :at)");
        }
        if (delivered) {
            firsts.append(", deliveredAt = if_not_exists(deliveredAt, :at)");
        }
        String latest = "carrierStatus = :status, carrierRawCode = :code, lastEventAt = :at";
        try {
            // One write in the usual case: the event is the newest yet, so it sets both the firsts and the latest.
            dynamoDb.updateItem(u -> u.tableName(table).key(viewKey(orderId))
                    .updateExpression("SET " + latest + (firsts.isEmpty() ? "" : ", " + firsts))
                    .conditionExpression("attribute_exists(pk) AND "
                            + "(attribute_not_exists(lastEventAt) OR lastEventAt < :at)")
                    .expressionAttributeValues(Map.of(":status", s(status), ":code", s(rawCode),
                            ":at", time(occurredAt))));
        } catch (ConditionalCheckFailedException olderThanWhatWeKnow) {
            // An out-of-order event: the view holds a newer status already, but this may still be the first scan.
            if (!firsts.isEmpty()) {
                dynamoDb.updateItem(u -> u.tableName(table).key(viewKey(orderId))
                        .updateExpression("SET " + firsts)
                        .conditionExpression("attribute_exists(pk)")
                        .expressionAttributeValues(Map.of(":at", time(occurredAt))));
            }
        }
    }

    public List<StatusChange> history(String orderId) {
        List<StatusChange> changes = new ArrayList<>();
        dynamoDb.queryPaginator(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(Keys.order(orderId)), ":prefix", s(Keys.HISTORY_PREFIX)))
                .build()).items().forEach(item -> changes.add(toChange(item)));
        return changes;
    }

    /** Orders currently in {@code state}, least recently changed first. */
    public List<OrderView> inState(OrderState state, int limit) {
        List<OrderView> views = new ArrayList<>();
        withOrders(dynamoDb.query(q -> q.tableName(table).indexName(Keys.GSI1)
                .keyConditionExpression("gsi1pk = :state")
                .expressionAttributeValues(Map.of(":state", s(Keys.ordersInState(state))))
                .limit(limit)).items()).forEach(item -> views.add(toView(item)));
        return views;
    }

    /**
     * Orders in {@code state}, most recently changed first, one page at a time.
     *
     * @param since  only orders that moved into the state at or after this instant; null for all
     * @param cursor the previous page's {@code next}; null for the first page
     * @throws IllegalArgumentException for a cursor of another listing
     */
    public Page<OrderView> pageInState(OrderState state, Instant since, String cursor, int limit) {
        String partition = Keys.ordersInState(state);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":state", s(partition));
        String condition = "gsi1pk = :state";
        if (since != null) {
            condition += " AND gsi1sk >= :since";
            values.put(":since", s(Attrs.format(since)));
        }
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
                .keyConditionExpression(condition).expressionAttributeValues(values).scanIndexForward(false)
                .limit(limit).exclusiveStartKey(PageCursor.decode(cursor, Keys.GSI1_PK, partition));
        QueryResponse response = dynamoDb.query(query.build());
        return new Page<>(withOrders(response.items()).stream().map(OrderStore::toView).toList(),
                PageCursor.encode(response.lastEvaluatedKey()));
    }

    /** Every order in {@code state}, page by page of the state index, never all in memory at once. */
    public void forEachInState(OrderState state, java.util.function.Consumer<OrderView> action) {
        for (QueryResponse page : dynamoDb.queryPaginator(q -> q.tableName(table).indexName(Keys.GSI1)
                .keyConditionExpression("gsi1pk = :state")
                .expressionAttributeValues(Map.of(":state", s(Keys.ordersInState(state)))))) {
            withOrders(page.items()).forEach(item -> action.accept(toView(item)));
        }
    }

    /** How many orders are in {@code state} now, page by page of the state index (items are counted, not read out). */
    public long countInState(OrderState state) {
        long count = 0;
        for (QueryResponse page : dynamoDb.queryPaginator(q -> q.tableName(table).indexName(Keys.GSI1)
                .keyConditionExpression("gsi1pk = :state")
                .expressionAttributeValues(Map.of(":state", s(Keys.ordersInState(state))))
                .select(Select.COUNT))) {
            count += page.count();
        }
        return count;
    }

    private void setAttribute(String orderId, String name, AttributeValue value) {
        dynamoDb.updateItem(u -> u.tableName(table).key(viewKey(orderId))
                .updateExpression("SET #name = :value")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeNames(Map.of("#name", name))
                .expressionAttributeValues(Map.of(":value", value)));
    }

    private Map<String, AttributeValue> viewKey(String orderId) {
        return Map.of(Keys.PK, s(Keys.order(orderId)), Keys.SK, s(Keys.VIEW));
    }

    private static Map<String, AttributeValue> orderKey(String orderId) {
        return Map.of(Keys.PK, s(Keys.order(orderId)), Keys.SK, s(Keys.VIEW_ORDER));
    }

    private static Map<String, AttributeValue> orderItem(Order order, Instant miraklUpdatedAt) {
        Map<String, AttributeValue> item = new HashMap<>(orderKey(order.orderId()));
        item.put(ORDER, s(Json.write(order)));
        if (miraklUpdatedAt != null) {
            item.put("miraklUpdatedAt", time(miraklUpdatedAt));
        }
        return item;
    }

    private static Map<String, AttributeValue> withOrder(Map<String, AttributeValue> view,
            Map<String, AttributeValue> order) {
        if (order == null || !order.containsKey(ORDER)) {
            throw new IllegalStateException("Order " + string(view, "orderId") + " has a view and no order item");
        }
        Map<String, AttributeValue> whole = new HashMap<>(view);
        whole.put(ORDER, order.get(ORDER));
        return whole;
    }

    /** Views from the state index with their orders, read in batches (a view of before the split has its own). */
    private List<Map<String, AttributeValue>> withOrders(List<Map<String, AttributeValue>> views) {
        Map<String, Map<String, AttributeValue>> orders = new HashMap<>();
        List<Map<String, AttributeValue>> keys = views.stream().filter(view -> !view.containsKey(ORDER))
                .map(view -> orderKey(string(view, "orderId"))).toList();
        for (int from = 0; from < keys.size(); from += BATCH_GET_LIMIT) {
            Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder()
                    .keys(keys.subList(from, Math.min(keys.size(), from + BATCH_GET_LIMIT)))
                    .projectionExpression("pk, #order").expressionAttributeNames(Map.of("#order", ORDER)).build());
            while (!pending.isEmpty()) {
                Map<String, KeysAndAttributes> asked = pending;
                BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(asked));
                response.responses().getOrDefault(table, List.of()).forEach(item -> orders.put(item.get(Keys.PK).s(),
                        item));
                pending = response.unprocessedKeys();
            }
        }
        return views.stream().map(view -> view.containsKey(ORDER) ? view
                : withOrder(view, orders.get(view.get(Keys.PK).s()))).toList();
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build();
    }

    private TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    private static boolean conditionFailed(TransactionCanceledException e, int index) {
        return e.hasCancellationReasons() && e.cancellationReasons().size() > index
                && "ConditionalCheckFailed".equals(e.cancellationReasons().get(index).code());
    }

    private static Map<String, AttributeValue> historyItem(StatusChange change) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(Keys.order(change.orderId())));
        item.put(Keys.SK, s(Keys.history(change.sequence())));
        item.put("orderId", s(change.orderId()));
        item.put("sequence", Attrs.n(change.sequence()));
        item.put("at", time(change.at()));
        if (change.from() != null) {
            item.put("from", s(change.from().name()));
        }
        item.put("to", s(change.to().name()));
        item.put("actor", s(change.actor()));
        item.put("reason", s(change.reason()));
        item.put("details", s(Json.write(change.details())));
        return item;
    }

    private static StatusChange toChange(Map<String, AttributeValue> item) {
        String from = string(item, "from");
        return new StatusChange(string(item, "orderId"), number(item, "sequence"), instant(item, "at"),
                from == null ? null : OrderState.valueOf(from), OrderState.valueOf(string(item, "to")),
                string(item, "actor"), string(item, "reason"), Json.read(string(item, "details"), DETAILS));
    }

    private static OrderView toView(Map<String, AttributeValue> item) {
        String previous = string(item, "previousState");
        String choice = string(item, "carrierChoice");
        String shipment = string(item, "shipment");
        String recovery = string(item, "recovery");
        return new OrderView(
                string(item, "orderId"),
                OrderState.valueOf(string(item, "state")),
                number(item, "version"),
                previous == null ? null : OrderState.valueOf(previous),
                instant(item, "createdAt"),
                instant(item, "updatedAt"),
                Json.read(string(item, ORDER), Order.class),
                string(item, "miraklState"),
                instant(item, "miraklUpdatedAt"),
                choice == null ? null : Json.read(choice, CarrierChoice.class),
                shipment == null ? null : Json.read(shipment, Shipment.class),
                instant(item, "shipmentAttemptedAt"),
                new TrackingProgress(string(item, "carrierStatus"), string(item, "carrierRawCode"),
                        instant(item, "lastEventAt"), instant(item, "firstScanAt"), instant(item, "deliveredAt")),
                instant(item, "trackingSentAt"),
                string(item, "executionName"),
                string(item, "failureReason"),
                recovery == null ? null : Json.read(recovery, Recovery.class));
    }
}
