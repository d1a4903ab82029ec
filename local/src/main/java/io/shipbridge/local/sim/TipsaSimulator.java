package io.shipbridge.local.sim;

import com.sun.net.httpserver.HttpExchange;
import io.shipbridge.local.time.SimulatedTime;
import java.io.ByteArrayInputStream;
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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * TIPSA's SOAP web services, with state: login sessions, shipments (GrabaEnvio24) with their labels
 * (ConsEtiquetaEnvio8), tracking that advances in simulated time (recorded, in transit, out for delivery,
 * delivered: ConsEnvEstados), lookup by reference (ConsEnvEstadosRef) and deletion (BorraEnvio). It answers in
 * TIPSA's wire format, SOAP faults included, and refuses what TIPSA would (a session that is not valid, a Spanish
 * postcode that does not exist).
 */
public final class TipsaSimulator implements AutoCloseable {
    private static final DateTimeFormatter TIPSA_TIME =
            DateTimeFormatter.ofPattern("MM/dd/uuuu HH:mm:ss").withZone(ZoneId.of("Europe/Madrid"));
    private static final Duration SESSION_LIFE = Duration.ofMinutes(15);
    private static final byte[] BAD_GATEWAY = ("<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
            + "<body><h1>502 Bad Gateway</h1></body></html>").getBytes(StandardCharsets.UTF_8);

    private final SimulatedTime time;
    private final RandomGenerator random;
    private final String agency;
    private final String client;
    private final String password;
    private final Timeline timeline;
    private final Map<String, Trouble> troubles = new ConcurrentHashMap<>();
    private final Map<String, Instant> sessions = new ConcurrentHashMap<>();
    private final List<Shipment> shipments = new CopyOnWriteArrayList<>();
    private final AtomicLong nextAlbaran = new AtomicLong(128_400_000L);
    private final CallLog calls = new CallLog();
    private volatile Faults faults = Faults.NONE;
    private final HttpService http;

    /** What goes wrong for one order's shipment, by its reference (the order id). */
    public enum Trouble {
        /** Every attempt to record it meets a 502 page, as when TIPSA's service is down. */
        DOWN,
        /** Recorded, but the courier never collects it: no scan ever. */
        NOT_COLLECTED,
        /** Collected and out for delivery, but never delivered. */
        NOT_DELIVERED;

        /** The trouble an {@code x-simulation} {@code "carrier"} value names ({@code "down"}, {@code "not_collected"}...). */
        public static Trouble named(String name) {
            return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** When a shipment's states come, after it is recorded; each shipment draws between base and base + spread. */
    public record Timeline(Duration pickup, Duration outForDelivery, Duration delivered, Duration spread) {
    }

    /** A shipment TIPSA recorded. */
    public record Shipment(String albaran, String guid, String reference, String postcode, Instant recordedAt,
            Instant pickedUpAt, Instant outForDeliveryAt, Instant deliveredAt, boolean[] deleted) {

        /** TIPSA's state codes up to {@code now}, with when each began. */
        public List<Map.Entry<String, Instant>> statesAt(Instant now) {
            List<Map.Entry<String, Instant>> states = new ArrayList<>();
            states.add(Map.entry("0", recordedAt));
            if (deleted[0]) {
                return states;
            }
            if (pickedUpAt != null && !pickedUpAt.isAfter(now)) {
                states.add(Map.entry("1", pickedUpAt));
            }
            if (outForDeliveryAt != null && !outForDeliveryAt.isAfter(now)) {
                states.add(Map.entry("2", outForDeliveryAt));
            }
            if (deliveredAt != null && !deliveredAt.isAfter(now)) {
                states.add(Map.entry("3", deliveredAt));
            }
            return states;
        }
    }

    /**
     */
    public TipsaSimulator(SimulatedTime time, RandomGenerator random, String agency, String client, String password,
            Timeline timeline, int port) {
        this.time = time;
        this.random = random;
        this.agency = agency;
        this.client = client;
        this.password = password;
        this.timeline = timeline;
        this.http = HttpService.start(port, this::handle);
    }

    /** The SOAP root, as TIPSA_BASE_URL takes it. */
    public URI baseUrl() {
        return URI.create(http.baseUrl() + "/SOAP");
    }

    public CallLog calls() {
        return calls;
    }

    public void faults(Faults injected) {
        this.faults = injected;
    }

    /** Scripts what goes wrong for the shipment of order {@code reference}. */
    public void trouble(String reference, Trouble trouble) {
        troubles.put(reference, trouble);
    }

    public List<Shipment> shipments() {
        return List.copyOf(shipments);
    }

    public List<Shipment> shipmentsFor(String reference) {
        return shipments.stream().filter(s -> s.reference().equals(reference) && !s.deleted()[0]).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String service = HttpService.query(exchange.getRequestURI()).getOrDefault("service", "");
        Document request;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            request = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                    exchange.getRequestBody().readAllBytes()));
        } catch (Exception e) {
            answer(exchange, "unknown", null, 500, CallLog.Outcome.REJECTED, fault("Mensaje SOAP mal formado"));
            return;
        }
        Element call = operation(request);
        String name = call == null ? "" : call.getLocalName();
        String operation = name.contains("___") ? name.substring(name.indexOf("___") + 3) : name;
        String key = text(call, operation.startsWith("GrabaEnvio") || operation.equals("ConsEnvEstadosRef")
                ? "strRef" : "strAlbaran");
        Faults.Kind fault = faults.draw(random);
        if (fault == Faults.Kind.THROTTLE || fault == Faults.Kind.SERVER_ERROR) {
            calls.add(new CallLog.Call(time.instant(), operation, key, 502, CallLog.Outcome.FAULT, "502 page"));
            HttpService.respond(exchange, 502, "text/html", BAD_GATEWAY);
            return;
        }
        if (operation.startsWith("GrabaEnvio") && key != null && troubles.get(key) == Trouble.DOWN) {
            calls.add(new CallLog.Call(time.instant(), operation, key, 502, CallLog.Outcome.FAULT,
                    "502 page (scripted: TIPSA is down for this shipment)"));
            HttpService.respond(exchange, 502, "text/html", BAD_GATEWAY);
            return;
        }
        Reply reply;
        if (service.equals("LoginWSService") && operation.equals("LoginCli2")) {
            reply = login(call);
        } else if (!service.equals("WebServService")) {
            reply = new Reply(500, CallLog.Outcome.REJECTED, fault("Servicio desconocido: " + service));
        } else if (!validSession(request)) {
            reply = new Reply(500, CallLog.Outcome.REJECTED, fault("Sesión no válida o caducada"));
        } else {
            reply = switch (operation) {
                case "GrabaEnvio24" -> record(call);
                case "ConsEtiquetaEnvio8" -> label(call);
                case "ConsEnvEstados" -> states(call);
                case "ConsEnvEstadosRef" -> byReference(call);
                case "BorraEnvio" -> delete(call);
                default -> new Reply(500, CallLog.Outcome.REJECTED, fault("Método desconocido: " + operation));
            };
        }
        if (fault == Faults.Kind.LATE) {
            calls.add(new CallLog.Call(time.instant(), operation, key, reply.status,
                    reply.outcome == CallLog.Outcome.APPLIED ? CallLog.Outcome.APPLIED : CallLog.Outcome.FAULT,
                    "answer delayed past the client's timeout"));
            faults.holdLateAnswer();
            HttpService.respond(exchange, reply.status, "text/xml; charset=utf-8",
                    reply.body.getBytes(StandardCharsets.UTF_8));
            return;
        }
        answer(exchange, operation, key, reply.status, reply.outcome, reply.body);
    }

    /** What one SOAP call does. */
    private record Reply(int status, CallLog.Outcome outcome, String body) {
    }

    private Reply login(Element call) {
        if (!agency.equals(text(call, "strCodAge")) || !client.equals(text(call, "strCod"))
                || !password.equals(text(call, "strPass"))) {
            return new Reply(200, CallLog.Outcome.REJECTED, response("LoginWSService___LoginCli2Response",
                    "<v1:Result>false</v1:Result><v1:strError>2</v1:strError><v1:strSesion></v1:strSesion>"));
        }
        String session = "{" + UUID.randomUUID().toString().toUpperCase() + "}";
        sessions.put(session, time.instant().plus(SESSION_LIFE));
        return new Reply(200, CallLog.Outcome.APPLIED, response("LoginWSService___LoginCli2Response",
                "<v1:Result>true</v1:Result><v1:strCodAgeOut>" + agency + "</v1:strCodAgeOut><v1:strCod>" + client
                        + "</v1:strCod><v1:strError>0</v1:strError><v1:strSesion>" + session + "</v1:strSesion>"));
    }

    private Reply record(Element call) {
        String reference = text(call, "strRef");
        String postcode = text(call, "strCPDes");
        String country = text(call, "strCodPais");
        if ((country == null || country.isBlank() || country.equals("ES")) && !spanishPostcode(postcode)) {
            return new Reply(500, CallLog.Outcome.REJECTED, fault("Código postal de destino erróneo: " + postcode));
        }
        if (blank(text(call, "strNomDes")) || blank(text(call, "strDirDes"))) {
            return new Reply(500, CallLog.Outcome.REJECTED, fault("Faltan datos del destinatario"));
        }
        Instant now = time.instant();
        Trouble trouble = reference == null ? null : troubles.get(reference);
        boolean collected = trouble != Trouble.NOT_COLLECTED;
        Instant pickup = collected ? now.plus(draw(timeline.pickup())) : null;
        Instant out = collected ? pickup.plus(draw(timeline.outForDelivery())) : null;
        Instant delivered = collected && trouble != Trouble.NOT_DELIVERED ? out.plus(draw(timeline.delivered()))
                : null;
        String albaran = String.format("%010d", nextAlbaran.getAndIncrement());
        String guid = "{" + UUID.randomUUID().toString().toUpperCase() + "}";
        shipments.add(new Shipment(albaran, guid, reference, postcode, now, pickup, out, delivered,
                new boolean[] {false}));
        return new Reply(200, CallLog.Outcome.APPLIED, response("WebServService___GrabaEnvio24Response",
                "<v1:strAlbaranOut>" + albaran + "</v1:strAlbaranOut><v1:strCodTipoServOut>"
                        + xml(text(call, "strCodTipoServ")) + "</v1:strCodTipoServOut><v1:dtFecEntrOut>"
                        + "1900-01-01T00:00:00</v1:dtFecEntrOut><v1:strGuidOut>" + guid + "</v1:strGuidOut>"));
    }

    private Reply label(Element call) {
        Shipment shipment = find(text(call, "strAlbaran"));
        if (shipment == null) {
            return new Reply(500, CallLog.Outcome.REJECTED, fault("No existe el envío " + text(call, "strAlbaran")));
        }
        String format = text(call, "strFormato");
        byte[] label = "zpl".equalsIgnoreCase(format)
                ? ("^XA^FO50,50^A0N,40,40^FDTIPSA " + shipment.albaran() + "^FS^XZ").getBytes(StandardCharsets.US_ASCII)
                : pdf("TIPSA " + shipment.albaran() + " ref " + shipment.reference());
        return new Reply(200, CallLog.Outcome.NO_CHANGE, response("WebServService___ConsEtiquetaEnvio8Response",
                "<v1:strEtiqueta>" + Base64.getMimeEncoder().encodeToString(label) + "</v1:strEtiqueta>"));
    }

    private Reply states(Element call) {
        Shipment shipment = find(text(call, "strAlbaran"));
        StringBuilder rows = new StringBuilder("<CONSULTA>");
        if (shipment != null) {
            int id = 1;
            for (Map.Entry<String, Instant> state : shipment.statesAt(time.instant())) {
                rows.append("<ENV_ESTADOS I_ID=\"").append(id++).append("\" V_COD_TIPO_EST=\"").append(state.getKey())
                        .append("\" D_FEC_HORA_ALTA=\"").append(TIPSA_TIME.format(state.getValue()))
                        .append("\" V_COD_AGE_ALTA=\"").append(agency).append("\"/>");
            }
        }
        rows.append("</CONSULTA>");
        return new Reply(200, CallLog.Outcome.NO_CHANGE, response("WebServService___ConsEnvEstadosResponse",
                "<v1:strEnvEstados>" + xml(rows.toString()) + "</v1:strEnvEstados>"));
    }

    private Reply byReference(Element call) {
        StringBuilder rows = new StringBuilder("<CONSULTA>");
        for (Shipment shipment : shipmentsFor(text(call, "strRef"))) {
            rows.append("<ENV_ESTADOS_REF V_COD_AGE_CARGO=\"").append(agency).append("\" V_COD_AGE_ORI=\"")
                    .append(agency).append("\" V_ALBARAN=\"").append(shipment.albaran())
                    .append("\" V_COD_TIPO_EST=\"0\" D_FEC_HORA_ALTA=\"")
                    .append(TIPSA_TIME.format(shipment.recordedAt())).append("\"/>");
        }
        rows.append("</CONSULTA>");
        return new Reply(200, CallLog.Outcome.NO_CHANGE, response("WebServService___ConsEnvEstadosRefResponse",
                "<v1:strEnvEstadosRef>" + xml(rows.toString()) + "</v1:strEnvEstadosRef>"));
    }

    private Reply delete(Element call) {
        Shipment shipment = find(text(call, "strAlbaran"));
        int code;
        CallLog.Outcome outcome = CallLog.Outcome.NO_CHANGE;
        if (shipment == null || shipment.deleted()[0]) {
            code = 1;
        } else if (shipment.pickedUpAt() != null && !shipment.pickedUpAt().isAfter(time.instant())) {
            code = 2;
        } else {
            shipment.deleted()[0] = true;
            code = 0;
            outcome = CallLog.Outcome.APPLIED;
        }
        return new Reply(200, outcome, response("WebServService___BorraEnvioResponse",
                "<v1:intCodErrorOut>" + code + "</v1:intCodErrorOut>"));
    }

    private boolean validSession(Document request) {
        Node id = request.getElementsByTagNameNS("*", "ID").item(0);
        Instant expires = id == null ? null : sessions.get(id.getTextContent().trim());
        return expires != null && expires.isAfter(time.instant());
    }

    private Shipment find(String albaran) {
        return shipments.stream().filter(s -> s.albaran().equals(albaran)).findFirst().orElse(null);
    }

    private Duration draw(Duration base) {
        return base.plusSeconds((long) (random.nextDouble() * timeline.spread().toSeconds()));
    }

    private static boolean spanishPostcode(String postcode) {
        if (postcode == null || !postcode.matches("\\d{5}")) {
            return false;
        }
        int province = Integer.parseInt(postcode.substring(0, 2));
        return province >= 1 && province <= 52;
    }

    private static Element operation(Document request) {
        Node body = request.getElementsByTagNameNS("http://schemas.xmlsoap.org/soap/envelope/", "Body").item(0);
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

    private static String text(Element call, String field) {
        if (call == null) {
            return null;
        }
        Node node = call.getElementsByTagNameNS("*", field).item(0);
        return node == null ? null : node.getTextContent().trim();
    }

    private static String response(String element, String content) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><SOAP-ENV:Envelope"
                + " xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:v1=\"http://tempuri.org/\">"
                + "<SOAP-ENV:Body><v1:" + element + ">" + content + "</v1:" + element + "></SOAP-ENV:Body>"
                + "</SOAP-ENV:Envelope>";
    }

    private static String fault(String message) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><SOAP-ENV:Envelope"
                + " xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\"><SOAP-ENV:Body><SOAP-ENV:Fault>"
                + "<faultcode>SOAP-ENV:Server</faultcode><faultstring>" + xml(message) + "</faultstring>"
                + "</SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>";
    }

    /** A one-page PDF carrying a line of text: what a label printer needs, small. */
    static byte[] pdf(String text) {
        String stream = "BT /F1 18 Tf 40 100 Td (" + text.replace("(", "").replace(")", "") + ") Tj ET";
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 288 432] /Contents 4 0 R"
                    + " /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.length; i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(offset -> pdf.append(String.format("%010d 00000 n \n", offset)));
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String xml(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private void answer(HttpExchange exchange, String operation, String key, int status, CallLog.Outcome outcome,
            String body) {
        calls.add(new CallLog.Call(time.instant(), operation, key, status, outcome, null));
        HttpService.respond(exchange, status, "text/xml; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        http.close();
    }
}
