package io.shipbridge.local.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.shipbridge.config.Json;
import io.shipbridge.local.time.SimulatedTime;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Mirakl marketplace's seller API, with state: OR11 (filters, offset paging, Mirakl's margin on
 * {@code start_update_date}), OR21, OR23, OR24 and SH21, behind the seller's API key. Accepted orders go through
 * WAITING_DEBIT_PAYMENT to SHIPPING after the customer's debit, gaining their shipping address only then; a debit
 * can fail (the order is cancelled); calls the real API refuses are refused the same way.
 *
 * <p>Orders can be seeded from a JSON file in OR11's format. An order may carry an {@code x-simulation} object (never
 * served) telling what happens to it: {@code "debit": "fails"} (the order is cancelled) or {@code "never"} (it waits
 * for its debit for ever), {@code "cancelAfterMinutes": 30} (from its placement) or
 * {@code "cancelAfterAcceptanceMinutes": 30} (from OR21), {@code "reject": ["OR23"]} (those calls for it are
 * refused with a 400), {@code "carrier": "down"} and the like (for the carrier simulator, see
 * {@link io.shipbridge.local.sim.carrier.Trouble}), and the final state its story should end in, {@code "expect": "CANCELLED"}.
 * Two more script passing troubles: {@code "faults": {"OR21": ["throttle", "server_error", "late"]}} (the order's
 * next calls of that operation meet these faults, in turn, before any drawn at random; under {@code "OR11"}, the next
 * OR11 pages that would show the order) and
 * {@code "visibleAfterMinutes": 30} (OR11 does not show the order until then, while its {@code last_updated_date}
 * stays the instant it was placed: a search index that lags behind, which a fetch reading from its cursor misses).
 *
 * <p>The API key can be rotated as a seller does it: a new key is generated (both work), the old one is revoked later.
 */
public final class MiraklSimulator implements AutoCloseable {
    /** How far Mirakl reaches back before {@code start_update_date}, as its documentation warns it does. */
    private static final Duration UPDATE_MARGIN = Duration.ofMinutes(1);
    private static final int MAX_PAGE = 100;
    private static final Pattern ORDER_OPERATION = Pattern.compile("/api/orders/([^/]+)/(accept|tracking|ship)");
    private static final Set<String> BEFORE_SHIPPING = Set.of("STAGING", "WAITING_ACCEPTANCE", "WAITING_DEBIT",
            "WAITING_DEBIT_PAYMENT", "REFUSED");

    private final SimulatedTime time;
    private final RandomGenerator random;
    /** Each order's debit delay, drawn by order: the same in every run of a seed, whatever order they come in. */
    private final KeyedRandom debits;
    /** The keys Mirakl accepts now: the current one first, during a rotation the previous one too. */
    private final List<String> apiKeys = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Duration debitDelay;
    private final List<Map<String, String>> carriers;
    private final Map<String, SimOrder> orders = new ConcurrentHashMap<>();
    private final CallLog calls = new CallLog();
    private volatile Faults faults = Faults.NONE;
    /** Whether an order scripts OR11 faults: only then is a page worked out twice (its faults, then its answer). */
    private volatile boolean pageFaultsScripted;
    private final HttpService http;

    /** An order as the simulator keeps it: the full document (address included) and its scripted story. */
    private static final class SimOrder {
        final ObjectNode document;
        final ObjectNode simulation;
        /** When OR11 starts showing it. */
        final Instant visibleFrom;

        SimOrder(ObjectNode document, ObjectNode simulation, Instant visibleFrom) {
            this.document = document;
            this.simulation = simulation;
            this.visibleFrom = visibleFrom;
        }

        String state() {
            return document.path("order_state").asText();
        }
    }

    /**
     * @param debitDelay how long after acceptance the customer is debited (each order a little more or less)
     * @param carriers   the carriers the marketplace knows (SH21): code, label, tracking_url
     */
    public MiraklSimulator(SimulatedTime time, RandomGenerator random, String apiKey, Duration debitDelay,
            List<Map<String, String>> carriers, int port) {
        this(time, random, apiKey, debitDelay, carriers, Binding.LOOPBACK, port);
    }

    /** @param binding where it listens and the host its base URL names */
    public MiraklSimulator(SimulatedTime time, RandomGenerator random, String apiKey, Duration debitDelay,
            List<Map<String, String>> carriers, Binding binding, int port) {
        this.time = time;
        this.random = random;
        this.debits = new KeyedRandom(random);
        this.apiKeys.add(apiKey);
        this.debitDelay = debitDelay;
        this.carriers = List.copyOf(carriers);
        this.http = HttpService.start(binding, port, this::handle);
    }

    public URI baseUrl() {
        return http.baseUrl();
    }

    /** The current API key (the newest one generated). */
    public String apiKey() {
        return apiKeys.get(0);
    }

    /** The seller generates a new API key in the back office: it works from now on, and so does the old one. */
    public synchronized void generateApiKey(String newKey) {
        apiKeys.add(0, newKey);
    }

    /** The seller revokes a key: a call made with it is refused (401) from now on. */
    public synchronized void revokeApiKey(String key) {
        if (apiKeys.size() > 1) {
            apiKeys.remove(key);
        }
    }

    /** The template parameters that point a deployment at this marketplace. */
    public Map<String, String> templateParameters() {
        return Map.of("MiraklBaseUrl", baseUrl().toString(), "MiraklShopId", "");
    }

    /** The Mirakl API key secret's value, as an operator would put it; the simulator accepts this key. */
    public ObjectNode secret() {
        return Json.MAPPER.createObjectNode().put("apiKey", apiKey());
    }

    public CallLog calls() {
        return calls;
    }

    public void faults(Faults injected) {
        this.faults = injected;
    }

    /**
     * Adds a new order, as a customer placing it, last updated now; {@code simulation} scripts what happens to it (may
     * be empty).
     */
    public void addOrder(ObjectNode order, ObjectNode simulation) {
        ObjectNode document = order.deepCopy();
        String now = time.instant().toString();
        if (!document.hasNonNull("created_date")) {
            document.put("created_date", now);
        }
        // Whatever dates a seed file gives, the order reaches the marketplace now: that is when OR11 sees it change.
        document.put("last_updated_date", now);
        if (!document.hasNonNull("order_state")) {
            document.put("order_state", "WAITING_ACCEPTANCE");
        }
        ObjectNode script = simulation == null ? Json.MAPPER.createObjectNode() : simulation.deepCopy();
        SimOrder added = new SimOrder(document, script, time.instant().plus(Duration.ofMinutes(script
                .path("visibleAfterMinutes").asLong(0))));
        orders.put(document.path("order_id").asText(), added);
        pageFaultsScripted |= added.simulation.path("faults").has("OR11");
        if (added.simulation.has("cancelAfterMinutes")) {
            time.schedule(Duration.ofMinutes(added.simulation.get("cancelAfterMinutes").asLong()),
                    () -> cancel(document.path("order_id").asText(), "CUSTOMER_CANCELLATION"));
        }
    }

    /** Seeds orders from a file in OR11's format ({@code {"orders": [...], "total_count": n}}). */
    public List<String> seed(Path file) throws IOException {
        JsonNode root = Json.MAPPER.readTree(Files.readString(file));
        List<String> ids = new ArrayList<>();
        for (JsonNode order : root.path("orders")) {
            ObjectNode copy = (ObjectNode) order.deepCopy();
            JsonNode simulation = copy.remove("x-simulation");
            addOrder(copy, simulation instanceof ObjectNode object ? object : null);
            ids.add(copy.path("order_id").asText());
        }
        return ids;
    }

    /** What the order's {@code x-simulation} says happens to it (empty when nothing special). */
    public JsonNode simulation(String orderId) {
        SimOrder order = orders.get(orderId);
        return order == null ? Json.MAPPER.createObjectNode() : order.simulation.deepCopy();
    }

    /** The final state the order's script says Shipbridge should bring it to (COMPLETE unless scripted). */
    public String expectedOutcome(String orderId) {
        SimOrder order = orders.get(orderId);
        return order == null ? null : order.simulation.path("expect").asText("COMPLETE");
    }

    /** The order as Mirakl has it now. */
    public ObjectNode order(String orderId) {
        SimOrder order = orders.get(orderId);
        synchronized (order) {
            return served(order);
        }
    }

    public List<String> orderIds() {
        return List.copyOf(orders.keySet());
    }

    /** The refusals scripted for the order ({@code "reject"}) are over: its calls are answered as any other's. */
    public void lift(String orderId) {
        SimOrder order = orders.get(orderId);
        synchronized (order) {
            order.simulation.remove("reject");
        }
    }

    /** Mirakl cancels the order (the customer, the operator, or a failed debit), if it has not shipped. */
    public void cancel(String orderId, String reason) {
        SimOrder order = orders.get(orderId);
        synchronized (order) {
            if (BEFORE_SHIPPING.contains(order.state()) || order.state().equals("SHIPPING")) {
                setState(order, "CANCELED");
                order.document.put("order_state_reason_code", reason);
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        URI uri = exchange.getRequestURI();
        // Matched on the raw path, the id decoded after: an id's encoded slash must not split it into two segments,
        // and a '+' is a plus in a path (Mirakl answers 404 for an id form-encoded with '+' for its spaces).
        String path = uri.getRawPath();
        Matcher orderCall = ORDER_OPERATION.matcher(path);
        String operation = path.equals("/api/orders") ? "OR11" : path.equals("/api/shipping/carriers") ? "SH21"
                : orderCall.matches() ? switch (orderCall.group(2)) {
                    case "accept" -> "OR21";
                    case "tracking" -> "OR23";
                    default -> "OR24";
                } : "unknown";
        String key = orderCall.matches() ? decodeSegment(orderCall.group(1)) : null;
        String presented = exchange.getRequestHeaders().getFirst("Authorization");
        if (presented == null || !apiKeys.contains(presented)) {
            answer(exchange, operation, key, 401, CallLog.Outcome.REJECTED, error(401, "Unauthorized"));
            return;
        }
        Faults.Kind scripted = pageFaultsScripted && operation.equals("OR11") && method.equals("GET") ? pageFault(uri)
                : scriptedFault(key, operation);
        Faults.Kind fault = scripted != Faults.Kind.NONE ? scripted : faults.draw(random);
        if (fault == Faults.Kind.THROTTLE) {
            exchange.getResponseHeaders().set("Retry-After", "2");
            answer(exchange, operation, key, 429, CallLog.Outcome.FAULT, error(429, "Too many requests"));
            return;
        }
        if (fault == Faults.Kind.SERVER_ERROR) {
            answer(exchange, operation, key, 503, CallLog.Outcome.FAULT, error(503, "Service Unavailable"));
            return;
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        Response response;
        if (operation.equals("OR11") && method.equals("GET")) {
            response = listOrders(HttpService.query(uri));
        } else if (operation.equals("SH21") && method.equals("GET")) {
            response = new Response(200, CallLog.Outcome.NO_CHANGE, Json.MAPPER.createObjectNode()
                    .set("carriers", Json.MAPPER.valueToTree(carriers)), null);
        } else if (orderCall.matches() && method.equals("PUT")) {
            response = orderOperation(operation, key, body);
        } else {
            response = new Response(404, CallLog.Outcome.REJECTED, error(404, "Not found: " + method + " " + path),
                    null);
        }
        if (fault == Faults.Kind.LATE) {
            // Carried out, but the answer is lost on the way.
            calls.add(new CallLog.Call(time.instant(), operation, key, response.status,
                    response.outcome == CallLog.Outcome.APPLIED ? CallLog.Outcome.APPLIED : CallLog.Outcome.FAULT,
                    "answer lost on the way"));
            HttpService.loseAnswer(exchange, response.status, "application/json", bytes(response.body));
            return;
        }
        answer(exchange, operation, key, response.status, response.outcome, response.body);
    }

    /** The next fault the order's script has for this operation, used up; NONE when it has none left. */
    private Faults.Kind scriptedFault(String orderId, String operation) {
        SimOrder order = orderId == null ? null : orders.get(orderId);
        if (order == null) {
            return Faults.Kind.NONE;
        }
        synchronized (order) {
            if (order.simulation.path("faults").path(operation) instanceof ArrayNode planned && !planned.isEmpty()) {
                return Faults.Kind.valueOf(planned.remove(0).asText().toUpperCase(java.util.Locale.ROOT));
            }
            return Faults.Kind.NONE;
        }
    }

    /**
     * The next OR11 fault scripted for an order the requested page would show, used up (the first such order's, in
     * the page's order); NONE when none has one left. A page, not an order, fails: the whole answer is the fault.
     */
    private Faults.Kind pageFault(URI uri) {
        for (JsonNode shown : listOrders(HttpService.query(uri)).body.path("orders")) {
            Faults.Kind fault = scriptedFault(shown.path("order_id").asText(), "OR11");
            if (fault != Faults.Kind.NONE) {
                return fault;
            }
        }
        return Faults.Kind.NONE;
    }

    /** RFC 3986 percent-decoding of one path segment ({@code +} stays a plus). */
    private static String decodeSegment(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** What one request does: the status, how the log classes it, the body (null for 204). */
    private record Response(int status, CallLog.Outcome outcome, JsonNode body, String note) {
    }

    private Response listOrders(Map<String, String> query) {
        List<String> ids = query.containsKey("order_ids") ? Arrays.asList(query.get("order_ids").split(",")) : null;
        List<String> states = query.containsKey("order_state_codes")
                ? Arrays.asList(query.get("order_state_codes").split(",")) : null;
        Instant since = query.containsKey("start_update_date")
                ? Instant.parse(query.get("start_update_date")).minus(UPDATE_MARGIN) : null;
        int max = Math.min(MAX_PAGE, Integer.parseInt(query.getOrDefault("max", "10")));
        int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
        List<ObjectNode> matching = new ArrayList<>();
        for (SimOrder order : orders.values()) {
            synchronized (order) {
                if (visible(order) && (ids == null || ids.contains(order.document.path("order_id").asText()))
                        && (states == null || states.contains(order.state()))
                        && (since == null || !Instant.parse(order.document.path("last_updated_date").asText())
                                .isBefore(since))) {
                    matching.add(served(order));
                }
            }
        }
        matching.sort(Comparator.comparing((ObjectNode o) -> o.path("created_date").asText())
                .thenComparing(o -> o.path("order_id").asText()));
        ObjectNode page = Json.MAPPER.createObjectNode();
        ArrayNode out = page.putArray("orders");
        matching.subList(Math.min(offset, matching.size()), Math.min(offset + max, matching.size())).forEach(out::add);
        page.put("total_count", matching.size());
        return new Response(200, CallLog.Outcome.NO_CHANGE, page, null);
    }

    /** Whether OR11 shows the order yet (see {@code visibleAfterMinutes}). */
    private boolean visible(SimOrder order) {
        return !time.instant().isBefore(order.visibleFrom);
    }

    private Response orderOperation(String operation, String orderId, byte[] body) {
        SimOrder order = orders.get(orderId);
        if (order == null) {
            return new Response(404, CallLog.Outcome.REJECTED, error(404, "Order " + orderId + " not found"), null);
        }
        JsonNode request;
        try {
            request = body.length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return new Response(400, CallLog.Outcome.REJECTED, error(400, "Malformed JSON body"), null);
        }
        synchronized (order) {
            for (JsonNode rejected : order.simulation.path("reject")) {
                if (rejected.asText().equals(operation)) {
                    return refused(operation + " is refused for order " + orderId + " (scripted by x-simulation)");
                }
            }
            return switch (operation) {
                case "OR21" -> accept(order, request);
                case "OR23" -> tracking(order, request);
                default -> ship(order);
            };
        }
    }

    private Response accept(SimOrder order, JsonNode request) {
        if (!order.state().equals("WAITING_ACCEPTANCE")) {
            return refused("Order is not in WAITING_ACCEPTANCE state (current state: " + order.state() + ")");
        }
        ArrayNode lines = (ArrayNode) order.document.path("order_lines");
        JsonNode decisions = request.path("order_lines");
        if (!decisions.isArray() || decisions.size() != lines.size()) {
            return refused("Every order line must be accepted or refused: " + lines.size() + " lines, "
                    + decisions.size() + " decisions");
        }
        boolean anyAccepted = false;
        for (JsonNode decision : decisions) {
            ObjectNode line = line(lines, decision.path("id").asText());
            if (line == null) {
                return refused("Order line " + decision.path("id").asText() + " does not belong to the order");
            }
            boolean accepted = decision.path("accepted").asBoolean(false);
            line.put("order_line_state", accepted ? "WAITING_DEBIT_PAYMENT" : "REFUSED");
            anyAccepted |= accepted;
        }
        if (!anyAccepted) {
            setState(order, "REFUSED");
            return new Response(204, CallLog.Outcome.APPLIED, null, "refused");
        }
        setState(order, "WAITING_DEBIT_PAYMENT");
        order.document.put("acceptance_decision_date", time.instant().toString());
        String id = order.document.path("order_id").asText();
        Duration delay = debitDelay.plusSeconds((long) (debits.forKey(id).nextDouble() * debitDelay.toSeconds()));
        time.schedule(delay, () -> debit(id));
        if (order.simulation.has("cancelAfterAcceptanceMinutes")) {
            time.schedule(Duration.ofMinutes(order.simulation.get("cancelAfterAcceptanceMinutes").asLong()),
                    () -> cancel(id, "CUSTOMER_CANCELLATION"));
        }
        return new Response(204, CallLog.Outcome.APPLIED, null, null);
    }

    private void debit(String orderId) {
        SimOrder order = orders.get(orderId);
        synchronized (order) {
            if (!order.state().equals("WAITING_DEBIT_PAYMENT")) {
                return;
            }
            if (order.simulation.path("debit").asText("").equals("never")) {
                return;
            }
            if (order.simulation.path("debit").asText("").equals("fails")) {
                setState(order, "CANCELED");
                order.document.put("order_state_reason_code", "PAYMENT_REFUSED");
                return;
            }
            order.document.put("customer_debited_date", time.instant().toString());
            for (JsonNode line : order.document.path("order_lines")) {
                if (line.path("order_line_state").asText().equals("WAITING_DEBIT_PAYMENT")) {
                    ((ObjectNode) line).put("order_line_state", "SHIPPING");
                }
            }
            setState(order, "SHIPPING");
        }
    }

    private Response tracking(SimOrder order, JsonNode request) {
        if (!order.state().equals("SHIPPING") && !order.state().equals("SHIPPED")) {
            return refused("Order is not in SHIPPING or SHIPPED state (current state: " + order.state() + ")");
        }
        String code = request.path("carrier_code").asText(null);
        String name = request.path("carrier_name").asText(null);
        String number = request.path("tracking_number").asText(null);
        if (code != null && carriers.stream().noneMatch(c -> c.get("code").equals(code))) {
            return refused("Unknown carrier code " + code);
        }
        if (code == null && (name == null || request.path("carrier_url").asText("").isBlank())) {
            return refused("carrier_name and carrier_url are mandatory for a carrier the marketplace does not know");
        }
        if (number == null || number.isBlank()) {
            return refused("tracking_number is mandatory");
        }
        String company = code != null ? code : name;
        if (number.equals(order.document.path("shipping_tracking").asText(null))
                && company.equals(order.document.path("shipping_company").asText(null))) {
            return new Response(204, CallLog.Outcome.NO_CHANGE, null, "same tracking again");
        }
        order.document.put("shipping_tracking", number);
        order.document.put("shipping_company", company);
        if (code != null) {
            order.document.put("shipping_carrier_code", code);
        } else {
            order.document.put("shipping_tracking_url", request.path("carrier_url").asText());
        }
        touch(order);
        return new Response(204, CallLog.Outcome.APPLIED, null, null);
    }

    private Response ship(SimOrder order) {
        if (!order.state().equals("SHIPPING")) {
            return refused("Order is not in SHIPPING state (current state: " + order.state() + ")");
        }
        for (JsonNode line : order.document.path("order_lines")) {
            if (line.path("order_line_state").asText().equals("SHIPPING")) {
                ((ObjectNode) line).put("order_line_state", "SHIPPED");
                ((ObjectNode) line).put("shipped_date", time.instant().toString());
            }
        }
        setState(order, "SHIPPED");
        return new Response(204, CallLog.Outcome.APPLIED, null, null);
    }

    private void setState(SimOrder order, String state) {
        order.document.put("order_state", state);
        touch(order);
    }

    private void touch(SimOrder order) {
        order.document.put("last_updated_date", time.instant().toString());
    }

    /** The order as the API shows it: no shipping address before the customer is debited. */
    private static ObjectNode served(SimOrder order) {
        ObjectNode copy = order.document.deepCopy();
        if (BEFORE_SHIPPING.contains(order.state()) || (order.state().equals("CANCELED")
                && !order.document.hasNonNull("customer_debited_date"))) {
            JsonNode customer = copy.get("customer");
            if (customer instanceof ObjectNode object) {
                object.remove("shipping_address");
            }
        }
        return copy;
    }

    private static ObjectNode line(ArrayNode lines, String id) {
        for (JsonNode line : lines) {
            if (line.path("order_line_id").asText().equals(id)) {
                return (ObjectNode) line;
            }
        }
        return null;
    }

    private static Response refused(String message) {
        return new Response(400, CallLog.Outcome.REJECTED, error(400, message), message);
    }

    private static ObjectNode error(int status, String message) {
        return Json.MAPPER.createObjectNode().put("message", message).put("status", status);
    }

    private void answer(HttpExchange exchange, String operation, String key, int status, CallLog.Outcome outcome,
            JsonNode body) {
        calls.add(new CallLog.Call(time.instant(), operation, key, status, outcome,
                body != null && body.has("message") ? body.get("message").asText() : null));
        HttpService.respond(exchange, status, body == null ? null : "application/json", bytes(body));
    }

    private static byte[] bytes(JsonNode body) {
        return body == null ? new byte[0] : body.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        http.close();
    }
}
