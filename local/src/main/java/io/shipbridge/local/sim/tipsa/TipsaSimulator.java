package io.shipbridge.local.sim.tipsa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.shipbridge.config.Json;
import io.shipbridge.local.sim.CallLog;
import io.shipbridge.local.sim.HttpService;
import io.shipbridge.local.sim.carrier.HttpCarrierSimulator;
import io.shipbridge.local.sim.carrier.LabelBytes;
import io.shipbridge.local.sim.carrier.Milestone;
import io.shipbridge.local.sim.carrier.SimulatedEndpoint;
import io.shipbridge.local.sim.carrier.SimulatedEndpoint.Reply;
import io.shipbridge.local.sim.carrier.SimulatedShipment;
import io.shipbridge.local.sim.carrier.SimulatorContext;
import io.shipbridge.local.sim.carrier.SpanishPostcodes;
import io.shipbridge.local.time.SimulatedTime;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * TIPSA's SOAP web services, with state: login sessions, shipments (GrabaEnvio24) with their labels
 * (ConsEtiquetaEnvio8), tracking that advances in simulated time (ConsEnvEstados), lookup by reference
 * (ConsEnvEstadosRef) and deletion (BorraEnvio). It answers in TIPSA's wire format, SOAP faults and its proxy's 502
 * page included, and refuses what TIPSA would (a session that is not valid, a Spanish postcode that does not exist).
 */
public final class TipsaSimulator extends HttpCarrierSimulator {
    static final String AGENCY = "000123";
    static final String CLIENT = "33333";
    static final String PASSWORD = "local-tipsa-password";
    private static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final DateTimeFormatter TIPSA_TIME =
            DateTimeFormatter.ofPattern("MM/dd/uuuu HH:mm:ss").withZone(ZoneId.of("Europe/Madrid"));
    private static final Duration SESSION_LIFE = Duration.ofMinutes(15);
    private static final Reply BAD_GATEWAY = Reply.of(502, "text/html", "<!DOCTYPE html><html><head><title>502 Bad"
            + " Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>", CallLog.Outcome.FAULT);
    private static final Map<Milestone, StatusCode> CODES = Map.of(
            Milestone.RECORDED, new StatusCode("0", "Documentado"),
            Milestone.PICKED_UP, new StatusCode("1", "Tránsito"),
            Milestone.OUT_FOR_DELIVERY, new StatusCode("2", "Reparto"),
            Milestone.DELIVERED, new StatusCode("3", "Entregado"));

    private final SimulatedTime time;
    private final Map<String, Instant> sessions = new ConcurrentHashMap<>();
    private final AtomicLong nextAlbaran = new AtomicLong(128_400_000L);

    TipsaSimulator(SimulatorContext context) {
        super(TipsaSimulatorModule.ID, context, SimulatedEndpoint.Failures.of(BAD_GATEWAY, BAD_GATEWAY), CODES);
        this.time = context.time();
    }

    /** The SOAP root, as TIPSA_BASE_URL takes it. */
    @Override
    public URI baseUrl() {
        return URI.create(http.baseUrl() + "/SOAP");
    }

    @Override
    public Map<String, String> templateParameters() {
        return Map.of("TipsaBaseUrl", baseUrl().toString(), "TipsaAgencyCode", AGENCY, "TipsaClientCode", CLIENT);
    }

    @Override
    public ObjectNode secret() {
        return Json.MAPPER.createObjectNode().put("password", PASSWORD);
    }

    @Override
    public Map<String, String> functionSettings() {
        return Map.of("TIPSA_TIMEOUT_SECONDS", "2");
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        String service = HttpService.query(exchange.getRequestURI()).getOrDefault("service", "");
        Document request;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            request = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                    exchange.getRequestBody().readAllBytes()));
        } catch (Exception e) {
            endpoint.answer(exchange, "unknown", null, false, () -> fault("Mensaje SOAP mal formado"));
            return;
        }
        Element call = operation(request);
        String name = call == null ? "" : call.getLocalName();
        String operation = name.contains("___") ? name.substring(name.indexOf("___") + 3) : name;
        boolean byReference = operation.startsWith("GrabaEnvio") || operation.equals("ConsEnvEstadosRef");
        String key = text(call, byReference ? "strRef" : "strAlbaran");
        SimulatedEndpoint.Scripted down = byReference ? book.scripted(key, operation.startsWith("GrabaEnvio"))
                : SimulatedEndpoint.Scripted.NONE;
        endpoint.answer(exchange, operation, key, down, () -> {
            if (service.equals("LoginWSService") && operation.equals("LoginCli2")) {
                return login(call);
            }
            if (!service.equals("WebServService")) {
                return fault("Servicio desconocido: " + service);
            }
            if (!validSession(request)) {
                return fault("Sesión no válida o caducada");
            }
            return switch (operation) {
                case "GrabaEnvio24" -> record(call);
                case "ConsEtiquetaEnvio8" -> label(call);
                case "ConsEnvEstados" -> states(call);
                case "ConsEnvEstadosRef" -> findByReference(call);
                case "BorraEnvio" -> delete(call);
                default -> fault("Método desconocido: " + operation);
            };
        });
    }

    private Reply login(Element call) {
        if (!AGENCY.equals(text(call, "strCodAge")) || !CLIENT.equals(text(call, "strCod"))
                || !PASSWORD.equals(text(call, "strPass"))) {
            return ok(CallLog.Outcome.REJECTED, "LoginWSService___LoginCli2Response",
                    "<v1:Result>false</v1:Result><v1:strError>2</v1:strError><v1:strSesion></v1:strSesion>");
        }
        String session = "{" + UUID.randomUUID().toString().toUpperCase() + "}";
        sessions.put(session, time.instant().plus(SESSION_LIFE));
        return ok(CallLog.Outcome.APPLIED, "LoginWSService___LoginCli2Response",
                "<v1:Result>true</v1:Result><v1:strCodAgeOut>" + AGENCY + "</v1:strCodAgeOut><v1:strCod>" + CLIENT
                        + "</v1:strCod><v1:strError>0</v1:strError><v1:strSesion>" + session + "</v1:strSesion>");
    }

    private Reply record(Element call) {
        String postcode = text(call, "strCPDes");
        String country = text(call, "strCodPais");
        if ((blank(country) || country.equals("ES")) && !SpanishPostcodes.exists(postcode)) {
            return fault("Código postal de destino erróneo: " + postcode);
        }
        if (blank(text(call, "strNomDes")) || blank(text(call, "strDirDes"))) {
            return fault("Faltan datos del destinatario");
        }
        String albaran = String.format("%010d", nextAlbaran.getAndIncrement());
        String guid = "{" + UUID.randomUUID().toString().toUpperCase() + "}";
        int parcels = Integer.parseInt(text(call, "intPaq") == null ? "1" : text(call, "intPaq"));
        book.record(albaran, guid, text(call, "strRef"), postcode, blank(country) ? "ES" : country, parcels,
                fields(call));
        return ok(CallLog.Outcome.APPLIED, "WebServService___GrabaEnvio24Response",
                "<v1:strAlbaranOut>" + albaran + "</v1:strAlbaranOut><v1:strCodTipoServOut>"
                        + xml(text(call, "strCodTipoServ")) + "</v1:strCodTipoServOut><v1:dtFecEntrOut>"
                        + "1900-01-01T00:00:00</v1:dtFecEntrOut><v1:strGuidOut>" + guid + "</v1:strGuidOut>");
    }

    private Reply label(Element call) {
        SimulatedShipment shipment = book.byTrackingNumber(text(call, "strAlbaran")).orElse(null);
        if (shipment == null) {
            return fault("No existe el envío " + text(call, "strAlbaran"));
        }
        List<String> lines = List.of("TIPSA " + shipment.trackingNumber(), "Ref " + shipment.reference(),
                "CP " + shipment.postcode());
        byte[] label = "zpl".equalsIgnoreCase(text(call, "strFormato")) ? LabelBytes.zpl(lines) : LabelBytes.pdf(lines);
        return ok(CallLog.Outcome.NO_CHANGE, "WebServService___ConsEtiquetaEnvio8Response",
                "<v1:strEtiqueta>" + Base64.getMimeEncoder().encodeToString(label) + "</v1:strEtiqueta>");
    }

    private Reply states(Element call) {
        StringBuilder rows = new StringBuilder("<CONSULTA>");
        book.byTrackingNumber(text(call, "strAlbaran")).ifPresent(shipment -> {
            int id = 1;
            for (Map.Entry<Milestone, Instant> reached : shipment.reachedBy(time.instant())) {
                rows.append("<ENV_ESTADOS I_ID=\"").append(id++).append("\" V_COD_TIPO_EST=\"")
                        .append(CODES.get(reached.getKey()).code()).append("\" D_FEC_HORA_ALTA=\"")
                        .append(TIPSA_TIME.format(reached.getValue())).append("\" V_COD_AGE_ALTA=\"").append(AGENCY)
                        .append("\"/>");
            }
        });
        rows.append("</CONSULTA>");
        return ok(CallLog.Outcome.NO_CHANGE, "WebServService___ConsEnvEstadosResponse",
                "<v1:strEnvEstados>" + xml(rows.toString()) + "</v1:strEnvEstados>");
    }

    private Reply findByReference(Element call) {
        StringBuilder rows = new StringBuilder("<CONSULTA>");
        for (SimulatedShipment shipment : book.forReference(text(call, "strRef"))) {
            rows.append("<ENV_ESTADOS_REF V_COD_AGE_CARGO=\"").append(AGENCY).append("\" V_COD_AGE_ORI=\"")
                    .append(AGENCY).append("\" V_ALBARAN=\"").append(shipment.trackingNumber())
                    .append("\" V_COD_TIPO_EST=\"0\" D_FEC_HORA_ALTA=\"")
                    .append(TIPSA_TIME.format(shipment.recordedAt())).append("\"/>");
        }
        rows.append("</CONSULTA>");
        return ok(CallLog.Outcome.NO_CHANGE, "WebServService___ConsEnvEstadosRefResponse",
                "<v1:strEnvEstadosRef>" + xml(rows.toString()) + "</v1:strEnvEstadosRef>");
    }

    private Reply delete(Element call) {
        SimulatedShipment shipment = book.byTrackingNumber(text(call, "strAlbaran")).orElse(null);
        int code;
        if (shipment == null || shipment.isCancelled()) {
            code = 1;
        } else {
            code = book.cancel(shipment) ? 0 : 2;
        }
        return ok(code == 0 ? CallLog.Outcome.APPLIED : CallLog.Outcome.NO_CHANGE,
                "WebServService___BorraEnvioResponse", "<v1:intCodErrorOut>" + code + "</v1:intCodErrorOut>");
    }

    private boolean validSession(Document request) {
        Node id = request.getElementsByTagNameNS("*", "ID").item(0);
        Instant expires = id == null ? null : sessions.get(id.getTextContent().trim());
        return expires != null && expires.isAfter(time.instant());
    }

    private static Element operation(Document request) {
        Node body = request.getElementsByTagNameNS(SOAP_NS, "Body").item(0);
        if (body == null) {
            return null;
        }
        for (Node child = body.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                return element;
            }
        }
        return null;
    }

    /** The call's fields, by name, as the request sent them. */
    private static ObjectNode fields(Element call) {
        ObjectNode fields = Json.MAPPER.createObjectNode();
        for (Node child = call.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                fields.put(element.getLocalName(), element.getTextContent().trim());
            }
        }
        return fields;
    }

    private static String text(Element call, String field) {
        if (call == null) {
            return null;
        }
        Node node = call.getElementsByTagNameNS("*", field).item(0);
        return node == null ? null : node.getTextContent().trim();
    }

    private static Reply ok(CallLog.Outcome outcome, String element, String content) {
        return Reply.of(200, "text/xml; charset=utf-8", "<?xml version=\"1.0\" encoding=\"utf-8\"?><SOAP-ENV:Envelope"
                + " xmlns:SOAP-ENV=\"" + SOAP_NS + "\" xmlns:v1=\"http://tempuri.org/\">"
                + "<SOAP-ENV:Body><v1:" + element + ">" + content + "</v1:" + element + "></SOAP-ENV:Body>"
                + "</SOAP-ENV:Envelope>", outcome);
    }

    private static Reply fault(String message) {
        return Reply.of(500, "text/xml; charset=utf-8", "<?xml version=\"1.0\" encoding=\"utf-8\"?><SOAP-ENV:Envelope"
                + " xmlns:SOAP-ENV=\"" + SOAP_NS + "\"><SOAP-ENV:Body><SOAP-ENV:Fault>"
                + "<faultcode>SOAP-ENV:Server</faultcode><faultstring>" + xml(message) + "</faultstring>"
                + "</SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>", CallLog.Outcome.REJECTED);
    }

    private static String xml(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
