package io.shipbridge.local.sim.seur;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.shipbridge.config.Json;
import io.shipbridge.local.sim.CallLog;
import io.shipbridge.local.sim.HttpService;
import io.shipbridge.local.sim.carrier.HttpCarrierSimulator;
import io.shipbridge.local.sim.carrier.LabelBytes;
import io.shipbridge.local.sim.carrier.Milestone;
import io.shipbridge.local.sim.carrier.SimulatedEndpoint.Reply;
import io.shipbridge.local.sim.carrier.SimulatedEndpoint;
import io.shipbridge.local.sim.carrier.SimulatedShipment;
import io.shipbridge.local.sim.carrier.SimulatorContext;
import io.shipbridge.local.sim.carrier.SpanishPostcodes;
import io.shipbridge.local.time.SimulatedTime;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SEUR's REST API ("PIC"), with state: OAuth2 password-grant tokens that expire after an hour of simulated time,
 * shipments in either field dialect SEUR accepts ({@code reference}/{@code ref}, {@code charges}/{@code paymentType},
 * {@code comments}/{@code observations}), labels per parcel (base64 PDF or ZPL text), extended and simplified
 * tracking by ECB or reference (204 when there is nothing), and cancellation before pickup. Errors come as
 * {@code {"errors": [...]}}: with a 4xx for bad data, and with a 200 when a product is not offered for the
 * destination (SEUR's official modules check the body whatever the status, and so must a client); the gateway
 * answers 429 text when throttling, a 503 page when failing, and "No Mapping Rule matched" for an unknown path.
 */
public final class SeurSimulator extends HttpCarrierSimulator {
    static final String CLIENT_ID = "shipbridge-local";
    static final String CLIENT_SECRET = "local-seur-client-secret";
    static final String USERNAME = "seur-local";
    static final String PASSWORD = "local-seur-password";
    static final String ACCOUNT = "12345-46";
    static final String ID_NUMBER = "B46000000";
    private static final Duration TOKEN_LIFE = Duration.ofHours(1);
    private static final ZoneId SPAIN = ZoneId.of("Europe/Madrid");
    private static final DateTimeFormatter SITUATION_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS")
            .withZone(SPAIN);
    private static final DateTimeFormatter CODE_DATE = DateTimeFormatter.ofPattern("uuuuMMdd").withZone(SPAIN);
    private static final Map<Milestone, StatusCode> CODES = Map.of(
            Milestone.RECORDED, new StatusCode("SX010", "ENVÍO REGISTRADO"),
            Milestone.PICKED_UP, new StatusCode("LT859", "TRANSITO"),
            Milestone.OUT_FOR_DELIVERY, new StatusCode("LC001", "EN REPARTO CONFIRMADO"),
            Milestone.DELIVERED, new StatusCode("LL001", "ENTREGADO"));
    /** Products by service: national B2C / B2B, international Classic. */
    private static final Map<Integer, List<Integer>> NATIONAL = Map.of(31, List.of(2), 1, List.of(2, 48));
    private static final Map<Integer, List<Integer>> INTERNATIONAL = Map.of(77, List.of(104, 70));

    private final SimulatedTime time;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong(1_000_000L);

    SeurSimulator(SimulatorContext context) {
        super(SeurSimulatorModule.ID, context, SimulatedEndpoint.Failures.of(
                Reply.of(429, "text/plain", "Usage limit exceeded", CallLog.Outcome.FAULT),
                Reply.of(503, "text/html", "<html><body><h1>503 Service Unavailable</h1>No server is available to"
                        + " handle this request.</body></html>", CallLog.Outcome.FAULT)), CODES);
        this.time = context.time();
    }

    @Override
    public URI baseUrl() {
        return http.baseUrl();
    }

    @Override
    public Map<String, String> templateParameters() {
        return Map.of("SeurBaseUrl", baseUrl().toString(), "SeurClientId", CLIENT_ID, "SeurUsername", USERNAME,
                "SeurAccount", ACCOUNT, "SeurIdNumber", ID_NUMBER);
    }

    @Override
    public ObjectNode secret() {
        return Json.MAPPER.createObjectNode().put("clientSecret", CLIENT_SECRET).put("password", PASSWORD);
    }

    @Override
    public Map<String, String> functionSettings() {
        return Map.of("SEUR_TIMEOUT_SECONDS", "2");
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = HttpService.query(exchange.getRequestURI());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String route = method + " " + path;
        if (route.equals("POST /pic_token")) {
            endpoint.answer(exchange, "token", null, false, () -> token(HttpService.query(URI.create("?" + body))));
            return;
        }
        JsonNode json = body.isBlank() ? Json.MAPPER.createObjectNode() : parse(body);
        String reference = json == null ? null : json.path("reference").asText(json.path("ref").asText(null));
        String key = switch (route) {
            case "POST /pic/v1/shipments" -> reference;
            case "POST /pic/v1/shipments/cancel" -> json == null ? null : json.path("codes").path(0).asText(null);
            default -> query.getOrDefault("code", query.get("ref"));
        };
        SimulatedEndpoint.Scripted down = book.scripted(key, route.equals("POST /pic/v1/shipments"));
        endpoint.answer(exchange, operation(route), key, down, () -> {
            if (operation(route).equals("unknown")) {
                return Reply.of(404, "text/plain", "No Mapping Rule matched", CallLog.Outcome.REJECTED);
            }
            if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
                return error(401, "UNAUTHORIZED", "Invalid or expired token");
            }
            if (json == null) {
                return error(400, "BAD_REQUEST", "Malformed JSON request");
            }
            return switch (route) {
                case "POST /pic/v1/shipments" -> create(json);
                case "GET /pic/v1/labels" -> labels(query);
                case "GET /pic/v1/tracking-services/extended" -> tracking(query, true);
                case "GET /pic/v1/tracking-services/simplified" -> tracking(query, false);
                default -> cancel(json);
            };
        });
    }

    private static String operation(String route) {
        return switch (route) {
            case "POST /pic/v1/shipments" -> "shipments";
            case "GET /pic/v1/labels" -> "labels";
            case "GET /pic/v1/tracking-services/extended" -> "tracking-extended";
            case "GET /pic/v1/tracking-services/simplified" -> "tracking-simplified";
            case "POST /pic/v1/shipments/cancel" -> "shipments-cancel";
            default -> "unknown";
        };
    }

    private Reply token(Map<String, String> form) {
        if (!"password".equals(form.get("grant_type")) || !CLIENT_ID.equals(form.get("client_id"))
                || !CLIENT_SECRET.equals(form.get("client_secret")) || !USERNAME.equals(form.get("username"))
                || !PASSWORD.equals(form.get("password"))) {
            return Reply.of(401, "application/json", "{\"error\":\"invalid_grant\",\"error_description\":"
                    + "\"Invalid user credentials\"}", CallLog.Outcome.REJECTED);
        }
        String token = "eyJ" + UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, time.instant().plus(TOKEN_LIFE));
        ObjectNode answer = Json.MAPPER.createObjectNode().put("access_token", token)
                .put("expires_in", TOKEN_LIFE.toSeconds()).put("refresh_expires_in", 1800)
                .put("token_type", "Bearer").put("scope", "profile email");
        return Reply.of(200, "application/json", answer.toString(), CallLog.Outcome.APPLIED);
    }

    private boolean authorized(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        Instant expires = tokens.get(header.substring("Bearer ".length()).trim());
        return expires != null && expires.isAfter(time.instant());
    }

    private Reply create(JsonNode request) {
        String reference = request.path("reference").asText(request.path("ref").asText(""));
        JsonNode sender = request.path("sender");
        JsonNode receiver = request.path("receiver");
        JsonNode to = receiver.path("address");
        String country = to.path("country").asText("");
        String postcode = to.path("postalCode").asText("");
        String city = to.path("cityName").asText(to.path("city").asText(""));
        Optional<String> invalid = firstProblem(reference, sender, receiver, to, city, request.path("parcels"));
        if (invalid.isPresent()) {
            return error(400, "BAD_REQUEST", invalid.get());
        }
        if (country.equals("ES") && !SpanishPostcodes.exists(postcode)) {
            return error(400, "BAD_REQUEST", "Error trying to retrieve cities from API catalogue");
        }
        int service = request.path("serviceCode").asInt(-1);
        int product = request.path("productCode").asInt(-1);
        boolean abroad = !country.equals(sender.path("address").path("country").asText("ES"));
        if (!(abroad ? INTERNATIONAL : NATIONAL).getOrDefault(service, List.of()).contains(product)) {
            // Refused in the body of a 200, as SEUR's own modules expect it may be.
            return error(200, "BAD_REQUEST", "El servicio " + service + " / producto " + product + " no está"
                    + " disponible para el destino " + country);
        }
        long number = sequence.getAndIncrement();
        int parcels = request.path("parcels").size();
        String shipmentCode = "046" + String.format("%010d", number) + CODE_DATE.format(time.instant());
        ObjectNode answer = Json.MAPPER.createObjectNode();
        ObjectNode data = answer.putObject("data").put("shipmentCode", shipmentCode);
        ArrayNode ecbs = data.putArray("ecbs");
        ArrayNode parcelNumbers = data.putArray("parcelNumbers");
        for (int i = 0; i < parcels; i++) {
            ecbs.add("2828" + String.format("%010d", number * 100 + i));
            parcelNumbers.add("0728" + String.format("%010d", number * 100 + i));
        }
        book.record(ecbs.get(0).asText(), shipmentCode, reference, postcode, country, parcels, (ObjectNode) request);
        return Reply.of(200, "application/json", answer.toString(), CallLog.Outcome.APPLIED);
    }

    private static Optional<String> firstProblem(String reference, JsonNode sender, JsonNode receiver, JsonNode to,
            String city, JsonNode parcels) {
        if (reference.isBlank() || reference.length() > 50) {
            return Optional.of("reference is required (at most 50 characters)");
        }
        String account = sender.path("accountNumber").asText(sender.path("ccc").asText(""));
        if (!account.equals(ACCOUNT)) {
            return Optional.of("sender.accountNumber " + account + " is not an account of this customer");
        }
        String name = receiver.path("name").asText("");
        if (name.isBlank() || name.length() > 50) {
            return Optional.of("receiver.name is required (at most 50 characters)");
        }
        if (to.path("streetName").asText("").isBlank() || to.path("streetName").asText("").length() > 70
                || city.isBlank() || to.path("postalCode").asText("").isBlank()
                || to.path("country").asText("").isBlank()) {
            return Optional.of("receiver.address needs streetName (at most 70), cityName, postalCode and country");
        }
        if (!parcels.isArray() || parcels.isEmpty()) {
            return Optional.of("parcels are required");
        }
        for (JsonNode parcel : parcels) {
            if (!(parcel.path("weight").asDouble(0) > 0)) {
                return Optional.of("every parcel needs a weight");
            }
        }
        return Optional.empty();
    }

    private Reply labels(Map<String, String> query) {
        String type = query.getOrDefault("type", "");
        if (!List.of("PDF", "ZPL", "A4_3").contains(type)
                || !List.of("EXPEDITIONS", "SHIPMENTS").contains(query.getOrDefault("entity", ""))) {
            return error(400, "BAD_REQUEST", "type must be PDF, ZPL or A4_3 and entity EXPEDITIONS or SHIPMENTS");
        }
        SimulatedShipment shipment = book.byCarrierId(query.getOrDefault("code", "")).orElse(null);
        if (shipment == null) {
            return error(404, "NOT_FOUND", "Expedition " + query.get("code") + " not found");
        }
        ObjectNode answer = Json.MAPPER.createObjectNode();
        ArrayNode data = answer.putArray("data");
        for (int parcel = 1; parcel <= shipment.parcels(); parcel++) {
            List<String> lines = List.of("SEUR " + shipment.trackingNumber(), "Ref " + shipment.reference(),
                    "Bulto " + parcel + "/" + shipment.parcels(), "CP " + shipment.postcode());
            ObjectNode item = data.addObject().put("ecb", shipment.trackingNumber())
                    .put("packs", parcel + "/" + shipment.parcels());
            if (type.equals("ZPL")) {
                item.put("label", new String(LabelBytes.zpl(lines), StandardCharsets.US_ASCII));
            } else {
                item.put("pdf", Base64.getEncoder().encodeToString(LabelBytes.pdf(lines)));
            }
        }
        return Reply.of(200, "application/json", answer.toString(), CallLog.Outcome.NO_CHANGE);
    }

    private Reply tracking(Map<String, String> query, boolean extended) {
        if (!ACCOUNT.equals(query.get("accountNumber") + "-" + query.get("businessUnit"))
                || !ID_NUMBER.equals(query.get("idNumber"))) {
            return Reply.of(204, null, "", CallLog.Outcome.NO_CHANGE);
        }
        String ref = query.getOrDefault("ref", "");
        List<SimulatedShipment> found = switch (query.getOrDefault("refType", "")) {
            case "ECB" -> book.byTrackingNumber(ref).stream().toList();
            case "REFERENCE" -> book.forReference(ref);
            default -> List.of();
        };
        if (found.isEmpty()) {
            return Reply.of(204, null, "", CallLog.Outcome.NO_CHANGE);
        }
        ObjectNode answer = Json.MAPPER.createObjectNode();
        ArrayNode data = answer.putArray("data");
        for (SimulatedShipment shipment : found) {
            List<ObjectNode> situations = new ArrayList<>();
            for (Map.Entry<Milestone, Instant> reached : shipment.reachedBy(time.instant())) {
                StatusCode code = CODES.get(reached.getKey());
                situations.add(Json.MAPPER.createObjectNode().put("eventCode", code.code())
                        .put("description", code.description())
                        .put("situationDate", SITUATION_DATE.format(reached.getValue())));
            }
            if (shipment.isCancelled()) {
                situations.add(Json.MAPPER.createObjectNode().put("eventCode", "LK522")
                        .put("description", "ENVIO ANULADO").put("situationDate",
                                SITUATION_DATE.format(time.instant())));
            }
            ObjectNode item = data.addObject().put("refType", query.get("refType")).put("ref", ref);
            if (extended) {
                item.put("shipmentRef", shipment.carrierShipmentId()).put("businessUnit", 46)
                        .put("postalCode", shipment.postcode()).put("type", "Exp");
                item.putArray("situations").addAll(situations);
                item.putArray("packs").addObject().put("ecb", shipment.trackingNumber());
            } else {
                ObjectNode latest = situations.get(situations.size() - 1);
                item.setAll(latest);
                item.put("type", "Exp").put("shipmentInternalCode", shipment.carrierShipmentId());
            }
        }
        return Reply.of(200, "application/json", answer.toString(), CallLog.Outcome.NO_CHANGE);
    }

    private Reply cancel(JsonNode request) {
        ObjectNode answer = Json.MAPPER.createObjectNode();
        ArrayNode data = answer.putArray("data");
        CallLog.Outcome outcome = CallLog.Outcome.NO_CHANGE;
        for (JsonNode code : request.path("codes")) {
            Optional<SimulatedShipment> shipment = book.byCarrierId(code.asText());
            if (shipment.isEmpty() || shipment.get().isCancelled()) {
                data.addObject().put("expeditionCode", code.asText()).put("description", "La expedición no existe"
                        + " o ya está anulada");
            } else if (!book.cancel(shipment.get())) {
                return error(400, "BAD_REQUEST", "La expedición " + code.asText() + " ya está en tránsito y no"
                        + " puede anularse");
            } else {
                outcome = CallLog.Outcome.APPLIED;
                data.addObject().put("expeditionCode", code.asText()).put("description", "Expedición anulada");
            }
        }
        return Reply.of(200, "application/json", answer.toString(), outcome);
    }

    private static Reply error(int status, String title, String detail) {
        ObjectNode answer = Json.MAPPER.createObjectNode();
        answer.putArray("errors").addObject().put("title", title).put("status", Integer.toString(status == 200 ? 400
                : status)).put("detail", detail);
        return Reply.of(status, "application/json", answer.toString(), CallLog.Outcome.REJECTED);
    }

    private static JsonNode parse(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

}
