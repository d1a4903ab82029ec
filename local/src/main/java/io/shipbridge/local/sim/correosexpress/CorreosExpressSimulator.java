package io.shipbridge.local.sim.correosexpress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.shipbridge.config.Json;
import io.shipbridge.local.sim.CallLog;
import io.shipbridge.local.sim.carrier.HttpCarrierSimulator;
import io.shipbridge.local.sim.carrier.LabelBytes;
import io.shipbridge.local.sim.carrier.Milestone;
import io.shipbridge.local.sim.carrier.SimulatedEndpoint.Reply;
import io.shipbridge.local.sim.carrier.SimulatedEndpoint;
import io.shipbridge.local.sim.carrier.SimulatedShipment;
import io.shipbridge.local.sim.carrier.SimulatorContext;
import io.shipbridge.local.time.SimulatedTime;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Correos Express's REST web services under {@code /wspsc/}, with state: HTTP Basic, shipments
 * ({@code grabacionEnvio}) checked field by field with CEX's return codes and messages, products checked against the
 * destination (peninsular products do not reach the islands, international ones need a foreign country), labels
 * inline (PDF base64 twice unless {@code codificacionUnicaB64}, or ZPL), tracking by shipment number or reference
 * ({@code seguimientoEnvio}, 409 when unknown, numbers space-padded as CEX pads them), label reprints
 * ({@code etiquetaTransporte}). Refusals come with HTTP 200 and a code; there is no cancellation.
 */
public final class CorreosExpressSimulator extends HttpCarrierSimulator {
    static final String USER = "123450001_WS";
    static final String PASSWORD = "local-cex-password";
    static final String REQUESTER = "I123450001";
    static final String CLIENT_CODE = "123450001";
    private static final String ROOT = "/wspsc/";
    private static final ZoneId SPAIN = ZoneId.of("Europe/Madrid");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("ddMMuuuu").withZone(SPAIN);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HHmmss").withZone(SPAIN);
    private static final Map<Milestone, StatusCode> CODES = Map.of(
            Milestone.RECORDED, new StatusCode("1", "SIN RECEPCION"),
            Milestone.PICKED_UP, new StatusCode("2", "EN ARRASTRE"),
            Milestone.OUT_FOR_DELIVERY, new StatusCode("8", "EN REPARTO"),
            Milestone.DELIVERED, new StatusCode("12", "ENTREGADO"));
    private static final Set<String> PENINSULAR = Set.of("93", "63", "61", "62", "92");
    private static final Set<String> ISLANDS = Set.of("26", "66", "67", "68", "69", "79");
    private static final Set<String> INTERNATIONAL = Set.of("90", "91");
    private static final Set<String> NATIONAL_COUNTRIES = Set.of("ES", "PT", "AD");

    private final SimulatedTime time;
    private final AtomicLong sequence = new AtomicLong(1_000_000L);

    CorreosExpressSimulator(SimulatorContext context) {
        super(CorreosExpressSimulatorModule.ID, context, SimulatedEndpoint.Failures.of(
                Reply.of(503, "text/html", "<html><head><title>503 Service Temporarily Unavailable</title></head>"
                        + "<body><h1>Service Temporarily Unavailable</h1></body></html>", CallLog.Outcome.FAULT),
                Reply.of(500, "text/html", "<html><head><title>Error 500</title></head><body><h1>Internal Server"
                        + " Error</h1></body></html>", CallLog.Outcome.FAULT)), CODES);
        this.time = context.time();
    }

    @Override
    public URI baseUrl() {
        return URI.create(http.baseUrl() + ROOT);
    }

    @Override
    public Map<String, String> templateParameters() {
        return Map.of("CorreosExpressBaseUrl", baseUrl().toString(), "CorreosExpressUser", USER,
                "CorreosExpressRequester", REQUESTER, "CorreosExpressClientCode", CLIENT_CODE);
    }

    @Override
    public ObjectNode secret() {
        return Json.MAPPER.createObjectNode().put("password", PASSWORD);
    }

    @Override
    public Map<String, String> functionSettings() {
        return Map.of("CORREOSEXPRESS_TIMEOUT_SECONDS", "2");
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String operation = path.startsWith(ROOT) ? path.substring(path.lastIndexOf('/') + 1) : "unknown";
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        JsonNode json = parse(body);
        String key = json == null ? null : switch (operation) {
            case "grabacionEnvio" -> json.path("ref").asText(null);
            case "seguimientoEnvio" -> json.path("dato").asText(null);
            default -> json.path("nenvio").asText(null);
        };
        SimulatedEndpoint.Scripted down = book.scripted(key, operation.equals("grabacionEnvio"));
        boolean authorized = authorized(exchange.getRequestHeaders().getFirst("Authorization"));
        endpoint.answer(exchange, operation, key, down, () -> {
            if (!authorized) {
                return new Reply(401, null, new byte[0], CallLog.Outcome.REJECTED, "bad credentials");
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                return Reply.of(405, "text/html", "<html><body>Method Not Allowed</body></html>",
                        CallLog.Outcome.REJECTED);
            }
            return switch (path) {
                case ROOT + "apiRestGrabacionEnviok8s/json/grabacionEnvio" -> create(json);
                case ROOT + "apiRestSeguimientoEnviosk8s/json/seguimientoEnvio" -> tracking(json);
                case ROOT + "apiRestEtiquetaTransporte/json/etiquetaTransporte" -> reprint(json);
                default -> Reply.of(404, "text/html", "<html><body><h1>404 Not Found</h1></body></html>",
                        CallLog.Outcome.REJECTED);
            };
        });
    }

    private static boolean authorized(String header) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return expected.equals(header);
    }

    private Reply create(JsonNode request) {
        if (request == null) {
            return created(55, "FORMATO INCORRECTO", null);
        }
        Optional<Reply> refused = CreateChecks.firstRefusal(request, CLIENT_CODE);
        if (refused.isPresent()) {
            return refused.get();
        }
        String product = text(request, "producto");
        String country = text(request, "paisISODest").isEmpty() ? "ES" : text(request, "paisISODest");
        String postcode = country.equals("ES") ? text(request, "codPosNacDest") : text(request, "codPosIntDest");
        Optional<String> productProblem = productProblem(product, country, postcode);
        if (productProblem.isPresent()) {
            return created(140, productProblem.get(), null);
        }
        int parcels = Integer.parseInt(text(request, "numBultos"));
        String number = product + String.format("%014d", sequence.getAndIncrement());
        SimulatedShipment shipment = book.record(number, null, text(request, "ref"), postcode, country, parcels,
                (ObjectNode) request);
        ObjectNode answer = answer(0, "", number);
        ArrayNode bultos = answer.putArray("listaBultos");
        ArrayNode labels = answer.putArray("etiqueta");
        JsonNode extra = request.path("listaInformacionAdicional").path(0);
        String type = extra.path("tipoEtiqueta").asText("");
        boolean singleBase64 = "1".equals(extra.path("codificacionUnicaB64").asText(""));
        for (int parcel = 1; parcel <= parcels; parcel++) {
            bultos.addObject().put("orden", String.format("%02d", parcel)).put("codUnico", number.substring(0, 15)
                    + String.format("%02d", parcel) + String.format("%5s", postcode).replace(' ', '0') + "7");
            List<String> lines = lines(shipment, parcel);
            if (type.equals("2")) {
                labels.addObject().put("etiqueta2", new String(LabelBytes.zpl(lines), StandardCharsets.US_ASCII));
            } else if (type.equals("1")) {
                String once = Base64.getEncoder().encodeToString(LabelBytes.pdf(lines));
                labels.addObject().put("etiqueta1", singleBase64 ? once : Base64.getEncoder().encodeToString(
                        once.getBytes(StandardCharsets.US_ASCII)));
            } else {
                labels.addObject().put("etiqueta2", "Al no indicar el tipoEtiqueta no se ha generado etiqueta");
            }
        }
        return Reply.of(200, "application/json", answer.toString(), CallLog.Outcome.APPLIED);
    }

    /** Peninsular products do not reach the islands; island products only go there; international only abroad. */
    private static Optional<String> productProblem(String product, String country, String postcode) {
        boolean national = NATIONAL_COUNTRIES.contains(country);
        boolean islands = country.equals("ES") && (postcode.startsWith("07") || postcode.startsWith("35")
                || postcode.startsWith("38") || postcode.startsWith("51") || postcode.startsWith("52"));
        if (!PENINSULAR.contains(product) && !ISLANDS.contains(product) && !INTERNATIONAL.contains(product)) {
            return Optional.of("CLIENTE: " + CLIENT_CODE + " NO TIENE PRODUCTO CONTRATADO " + product);
        }
        if (INTERNATIONAL.contains(product) != !national) {
            return Optional.of(national ? "EL PRODUCTO " + product + " SOLO ADMITE DESTINOS INTERNACIONALES"
                    : "EL PRODUCTO " + product + " NO ADMITE DESTINOS INTERNACIONALES");
        }
        if (national && ISLANDS.contains(product) != islands) {
            return Optional.of("EL PRODUCTO " + product + " NO ADMITE EL CODIGO POSTAL DE DESTINO " + postcode);
        }
        return Optional.empty();
    }

    private Reply tracking(JsonNode request) {
        if (request == null || text(request, "codigoCliente").length() < 5) {
            return trackingError(408, "El codigoCliente debe tener una longitud de 5 dígitos");
        }
        String dato = text(request, "dato");
        if (dato.isEmpty()) {
            return trackingError(2, "ID_ENVIO DEL ENVIO VACIO");
        }
        Optional<SimulatedShipment> found = book.byTrackingNumber(dato)
                .or(() -> book.forReference(dato).stream().findFirst());
        if (found.isEmpty() || !text(request, "codigoCliente").equals(CLIENT_CODE)) {
            return trackingError(409, "NO EXISTE EL NÚMERO DE ENVÍO PARA EL CÓDIGO CLIENTE: "
                    + text(request, "codigoCliente"));
        }
        SimulatedShipment shipment = found.get();
        JsonNode sent = shipment.request();
        ObjectNode answer = Json.MAPPER.createObjectNode().put("error", 0).putNull("mensajeError").put("resultado", "1")
                .put("numEnvio", shipment.trackingNumber()).put("ref", text(sent, "ref"))
                .put("refCliente", text(sent, "refCliente"))
                .put("fecha", DateTimeFormatter.ofPattern("dd/MM/yy").withZone(SPAIN).format(shipment.recordedAt()))
                .put("codRte", text(sent, "codRte")).put("nomDest", text(sent, "nomDest"))
                .put("codPosNacDest", text(sent, "codPosNacDest"))
                .put("numBultos", String.format("%3s", text(sent, "numBultos")))
                .put("kilos", String.format("%10s", text(sent, "kilos")))
                .put("producto", String.format("%3s", text(sent, "producto"))).put("portes", text(sent, "portes"));
        List<Map.Entry<Milestone, Instant>> reached = shipment.reachedBy(time.instant());
        ArrayNode states = Json.MAPPER.createArrayNode();
        for (Map.Entry<Milestone, Instant> step : reached) {
            states.add(state(CODES.get(step.getKey()), step.getValue()));
        }
        answer.setAll(state(CODES.get(reached.get(reached.size() - 1).getKey()), reached.get(reached.size() - 1)
                .getValue()));
        answer.putArray("bultoSeguimiento").addObject().put("orden", "01").put("codUnico",
                shipment.trackingNumber() + "0100000").setAll(state(CODES.get(reached.get(reached.size() - 1)
                        .getKey()), reached.get(reached.size() - 1).getValue()));
        answer.set("estadoEnvios", states);
        return Reply.of(200, "application/json", answer.toString(), CallLog.Outcome.NO_CHANGE);
    }

    private static ObjectNode state(StatusCode code, Instant at) {
        String hour = HOUR.format(at);
        // CEX drops the hour's leading zero at times ("73000" for 07:30:00): so does the simulator.
        return Json.MAPPER.createObjectNode().put("codEstado", code.code()).put("descEstado", code.description())
                .put("fechaEstado", DATE.format(at)).put("horaEstado", hour.startsWith("0") ? hour.substring(1) : hour)
                .putNull("codIncEstado").putNull("descIncEstado");
    }

    private Reply reprint(JsonNode request) {
        if (request == null || text(request, "nenvio").isEmpty()) {
            return labelError(-10, "Debe de indicar el número de envío o el código de cliente.");
        }
        Optional<SimulatedShipment> found = book.byTrackingNumber(text(request, "nenvio"));
        if (found.isEmpty()) {
            return labelError(-998, "No se encontró el envío");
        }
        if (!text(request, "keyCli").equals(CLIENT_CODE)) {
            return labelError(-1, "El envío no pertenece al cliente");
        }
        String type = text(request, "tipo");
        if (!Set.of("1", "2", "3", "4", "5").contains(type)) {
            return labelError(-13, "El tipo indicado no existe. Introduzca tipo válido.");
        }
        SimulatedShipment shipment = found.get();
        ObjectNode answer = Json.MAPPER.createObjectNode();
        ArrayNode labels = answer.putArray("listaEtiquetas");
        for (int parcel = 1; parcel <= shipment.parcels(); parcel++) {
            List<String> lines = lines(shipment, parcel);
            labels.add(type.equals("2") ? new String(LabelBytes.zpl(lines), StandardCharsets.US_ASCII)
                    : Base64.getEncoder().encodeToString(LabelBytes.pdf(lines)));
        }
        answer.putNull("desErr").put("codErr", 0);
        return Reply.of(200, "application/json", answer.toString(), CallLog.Outcome.NO_CHANGE);
    }

    private static List<String> lines(SimulatedShipment shipment, int parcel) {
        return List.of("Correos Express " + shipment.trackingNumber(), "Ref " + shipment.reference(),
                "Bulto " + parcel + "/" + shipment.parcels(), "CP " + shipment.postcode() + " " + shipment.countryCode());
    }

    /** A shipment answer: CEX fills every data field with null when it refuses. */
    static Reply created(int code, String message, String number) {
        return Reply.of(200, "application/json", answer(code, message, number).toString(), code == 0
                ? CallLog.Outcome.APPLIED : CallLog.Outcome.REJECTED);
    }

    private static ObjectNode answer(int code, String message, String number) {
        ObjectNode answer = Json.MAPPER.createObjectNode().put("codigoRetorno", code).put("mensajeRetorno", message)
                .put("datosResultado", number);
        for (String field : List.of("listaBultos", "etiqueta", "numRecogida", "fechaRecogida", "horaRecogidaDesde",
                "horaRecogidaHasta", "direccionRecogida", "poblacionRecogida")) {
            answer.putNull(field);
        }
        return answer;
    }

    private static Reply trackingError(int code, String message) {
        ObjectNode answer = Json.MAPPER.createObjectNode().put("error", code).put("mensajeError", message)
                .put("resultado", "0").putNull("numEnvio").putNull("estadoEnvios");
        return Reply.of(200, "application/json", answer.toString(), CallLog.Outcome.REJECTED);
    }

    private static Reply labelError(int code, String message) {
        ObjectNode answer = Json.MAPPER.createObjectNode().putNull("listaEtiquetas").put("desErr", message)
                .put("codErr", code);
        return Reply.of(200, "application/json", answer.toString(), CallLog.Outcome.REJECTED);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? "" : value.asText().trim();
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
